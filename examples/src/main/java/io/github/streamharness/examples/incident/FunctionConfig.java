package io.github.streamharness.examples.incident;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.TemplateFunction;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A deployment of {@code analytics-stream-processor}: its event source mapping plus the two function settings the
 * incident changed (timeout and memory). {@link #BEFORE_THE_FIX} and {@link #AFTER_THE_FIX} are read from the
 * module's SAM templates ({@code template-before-the-fix.yaml}, {@code template.yaml}), so the tests, the demo and
 * the deployment cannot drift apart.
 *
 * @param name          a label for reports
 * @param mapping       the event source mapping
 * @param timeout       the function timeout
 * @param memorySizeMb  the function memory
 */
public record FunctionConfig(String name, EventSourceMappingConfig mapping, Duration timeout, int memorySizeMb) {

    /** The SQS queue the fixed mapping sends discarded batches to (rule 1.9, 6.3). */
    public static final String DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq";

    /**
     * Before the fix, as {@code template-before-the-fix.yaml} deploys it: BatchSize 200 and every other parameter at
     * its AWS default (MaximumRetryAttempts -1, MaximumRecordAgeInSeconds -1, no bisection, no on-failure
     * destination, ParallelizationFactor 1), timeout 30 s, 256 MB. A failing batch is retried until its records
     * leave the stream (rule 4.5, 13.11).
     */
    public static final FunctionConfig BEFORE_THE_FIX = fromTemplate("before the fix", "template-before-the-fix.yaml");

    /**
     * After the fix, as {@code template.yaml} deploys it: BatchSize 100, MaximumBatchingWindowInSeconds 5,
     * ParallelizationFactor 10, BisectBatchOnFunctionError, MaximumRetryAttempts 3, the SQS on-failure destination,
     * timeout 120 s, 1024 MB.
     */
    public static final FunctionConfig AFTER_THE_FIX = fromTemplate("after the fix", "template.yaml");

    /**
     * The function {@code AnalyticsStreamProcessor} of a SAM template of the examples module (on the classpath: the
     * module's pom copies the project root's templates), with Lambda's defaults for what it leaves out.
     */
    public static FunctionConfig fromTemplate(String name, String template) {
        TemplateFunction f = TemplateFunction.readResource(FunctionConfig.class.getClassLoader(), template,
                "AnalyticsStreamProcessor", Map.of());
        return new FunctionConfig(name, f.mapping(), f.timeout().orElse(Duration.ofSeconds(3)),
                f.memorySize().orElse(128));
    }

    /** Validates the fields. */
    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A harness builder for a stream of {@code shards} shards with this function's timeout, memory and name. */
    public StreamHarness.Builder harness(int shards) {
        return StreamHarness.builder()
                .streamName("analytics-stream")
                .functionName("analytics-stream-processor")
                .shards(shards)
                .functionTimeout(timeout)
                .memorySize(memorySizeMb);
    }
}
