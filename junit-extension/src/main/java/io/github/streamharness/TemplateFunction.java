package io.github.streamharness;

import io.github.streamharness.internal.config.template.TemplateReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A function and its Kinesis event source mapping as a CloudFormation or SAM template (or {@code cdk synth} output)
 * deploys them (rule 18.3): the mapping's configuration, the function's settings (Timeout, MemorySize,
 * ReservedConcurrentExecutions, ProvisionedConcurrencyConfig, with SAM's Globals.Function defaults) and, when the
 * mapping's stream is a resource of the same template, its name and ShardCount. A setting the template leaves out
 * is empty here, so the harness keeps its default (AWS's). Apply it with
 * {@code StreamHarness.builder().fromTemplate(path, "AnalyticsStreamProcessor")}.
 *
 * @param logicalId                       the mapping read: an EventSourceMapping's logical id or "Function/Event"
 * @param functionLogicalId               the function resource of the template, if the mapping's function is one
 * @param mapping                         the mapping's configuration, validated as the builder validates it
 * @param functionName                    FunctionName, or the function's logical id when it has none (modelled)
 * @param timeout                         Timeout
 * @param memorySize                      MemorySize in MB
 * @param reservedConcurrentExecutions    ReservedConcurrentExecutions
 * @param provisionedConcurrentExecutions ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions
 * @param streamName                      the stream's Name (or logical id), or the name in a literal stream ARN
 * @param shardCount                      the stream resource's ShardCount
 */
public record TemplateFunction(String logicalId, Optional<String> functionLogicalId, EventSourceMappingConfig mapping,
                               Optional<String> functionName, Optional<Duration> timeout, OptionalInt memorySize,
                               OptionalInt reservedConcurrentExecutions, OptionalInt provisionedConcurrentExecutions,
                               Optional<String> streamName, OptionalInt shardCount) {

    /** The region and account the pseudo parameters take unless the harness or the test says otherwise. */
    static final String DEFAULT_REGION = "us-east-1";
    static final String DEFAULT_ACCOUNT = "123456789012";

    /** Checks that nothing is null. */
    public TemplateFunction {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(memorySize, "memorySize");
        Objects.requireNonNull(reservedConcurrentExecutions, "reservedConcurrentExecutions");
        Objects.requireNonNull(provisionedConcurrentExecutions, "provisionedConcurrentExecutions");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(shardCount, "shardCount");
    }

    /**
     * Reads {@code logicalId} from a template file, with the parameters' Defaults, in us-east-1 and account
     * 123456789012.
     *
     * @param logicalId an AWS::Lambda::EventSourceMapping, "FunctionLogicalId/EventName" for a SAM function's
     *                  Kinesis event, a function with one Kinesis mapping, or a CDK construct path
     * @throws InvalidTemplateException naming the file, line and property, and what to do
     */
    public static TemplateFunction read(Path template, String logicalId) {
        return read(template, logicalId, Map.of());
    }

    /**
     * As {@link #read(Path, String)}, with parameter values (they win over Defaults). The keys {@code AWS::Region},
     * {@code AWS::AccountId} and {@code AWS::StackName} set those pseudo parameters.
     */
    public static TemplateFunction read(Path template, String logicalId, Map<String, String> parameterValues) {
        return read(template, logicalId, parameterValues, DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    /** Reads a template from the classpath ({@code resource} as {@code ClassLoader.getResource} takes it). */
    public static TemplateFunction readResource(ClassLoader loader, String resource, String logicalId,
                                                Map<String, String> parameterValues) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidTemplateException(resource, 0, "", "no such resource on the classpath", null);
            }
            return TemplateReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, logicalId,
                    parameterValues, DEFAULT_REGION, DEFAULT_ACCOUNT);
        } catch (IOException e) {
            throw new InvalidTemplateException(resource, 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static TemplateFunction read(Path template, String logicalId, Map<String, String> parameterValues, String region,
                                 String accountId) {
        Objects.requireNonNull(template, "template");
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidTemplateException(template.toString(), 0, "", (Files.exists(template)
                    ? "cannot be read: " + e.getMessage() : "no such file (looked for "
                    + template.toAbsolutePath() + ")"), e);
        }
        return TemplateReader.read(text, template.toString(), logicalId, parameterValues, region, accountId);
    }

    /**
     * Applies the template's settings to a harness builder: the mapping, and each function and stream setting the
     * template gives (a setting it leaves out keeps the builder's value). Setters called after this win.
     */
    public StreamHarness.Builder applyTo(StreamHarness.Builder builder) {
        builder.mapping(mapping);
        functionName.ifPresent(builder::functionName);
        timeout.ifPresent(builder::functionTimeout);
        memorySize.ifPresent(builder::memorySize);
        reservedConcurrentExecutions.ifPresent(builder::reservedConcurrentExecutions);
        provisionedConcurrentExecutions.ifPresent(builder::provisionedConcurrentExecutions);
        streamName.ifPresent(builder::streamName);
        shardCount.ifPresent(builder::shards);
        return builder;
    }
}
