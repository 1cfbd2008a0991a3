package io.github.streamharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @KinesisStreamTest(template = ..., function = ...)}: the deployed configuration, and which wins when the
 * annotations say otherwise (method annotation, class annotation, the extension's builder, the template, AWS's
 * defaults; rule 18.3).
 */
@KinesisStreamTest(template = "src/test/resources/templates/sam-analytics.yaml", function = "AnalyticsStreamProcessor")
class TemplateAnnotationTest {
    final List<Integer> timeLeftAtEntry = new ArrayList<>();
    final List<Integer> memory = new ArrayList<>();
    @HandlerUnderTest
    RequestHandler<KinesisEvent, Void> handler = (KinesisEvent event, Context context) -> {
        timeLeftAtEntry.add(context.getRemainingTimeInMillis());
        memory.add(context.getMemoryLimitInMB());
        return null;
    };

    @Test
    void theHarnessRunsTheTemplatesMappingFunctionAndStream(StreamHarness stream, MappedFunction function) {
        assertThat(stream.streamName()).isEqualTo("analytics-stream-prod");
        assertThat(stream.shards()).hasSize(2);
        assertThat(function.functionName()).isEqualTo("analytics-stream-processor-prod");
        assertThat(function.config().parallelizationFactor()).isEqualTo(10);
        assertThat(function.config().reportBatchItemFailures()).isTrue();
        assertThat(function.deadLetterQueue()).isNotNull();

        stream.put("host-1", "{\"metric\":\"cpu\",\"value\":1}");
        stream.put("host-2", "{\"metric\":\"gpu\",\"value\":1}"); // rule 9: the template's filter drops it
        stream.runUntilIdle();

        assertThat(function.invocations().all()).hasSize(1);
        assertThat(timeLeftAtEntry).containsExactly(120_000); // Globals.Function Timeout
        assertThat(memory).containsExactly(1024);             // Globals.Function MemorySize
    }

    @Nested
    @EventSourceMapping(batchSize = 7)
    class WithAnEventSourceMappingAnnotation {
        @Test
        void theAnnotationReplacesTheTemplatesMappingAndTheFunctionSettingsStay(MappedFunction function,
                                                                                StreamHarness stream) {
            assertThat(function.config().batchSize()).isEqualTo(7);
            assertThat(function.config().parallelizationFactor()).isEqualTo(1);
            assertThat(stream.shards()).hasSize(2);
        }
    }

    @Nested
    @KinesisStreamTest(template = "classpath:templates/cdk.out/AnalyticsStack.template.json", shards = 3,
            functionName = "renamed")
    class FromTheClasspathWithAttributesThatWin {
        @Test
        void attributesWinOverTheTemplate(StreamHarness stream, MappedFunction function) {
            assertThat(stream.shards()).hasSize(3);
            assertThat(function.functionName()).isEqualTo("renamed");
            assertThat(stream.streamName()).isEqualTo("analytics-stream");
            assertThat(function.config().onFailureDestination())
                    .contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq");
        }
    }

    @Nested
    @KinesisStreamTest(template = "src/test/resources/templates/sam-analytics.yaml",
            templateParameters = {"Stage=dev", "ShardCount=1"})
    class WithParameterValues {
        @Test
        void parameterValuesReachTheNamesAndTheShardCount(StreamHarness stream, MappedFunction function) {
            assertThat(stream.shards()).hasSize(1);
            assertThat(function.config().onFailureDestination())
                    .contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq-dev");
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(template = "src/test/resources/templates/bad/unknown-property.yaml",
            handler = MisconfigurationTest.Noop.class)
    static class BadTemplate {
        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(function = "AnalyticsStreamProcessor", handler = MisconfigurationTest.Noop.class)
    static class FunctionWithoutTemplate {
        @Test
        void test(StreamHarness stream) {
        }
    }

    private static String failure(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents()
                .failed().stream().map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(""))
                .findFirst().orElse("no failure");
    }

    @Nested
    class Misconfigured {
        @Test
        void aBadTemplateFailsBeforeTheTestWithTheTemplatesMessage() {
            assertThat(failure(BadTemplate.class)).isEqualTo("ExtensionConfigurationException: Cannot configure "
                    + "test(StreamHarness) from @KinesisStreamTest(template = \"src/test/resources/templates/bad/"
                    + "unknown-property.yaml\"): src/test/resources/templates/bad/unknown-property.yaml:22: "
                    + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties."
                    + "BisectBatchOnFunctionErrors: unknown property BisectBatchOnFunctionErrors; did you mean "
                    + "BisectBatchOnFunctionError? It is not a property of a SAM Kinesis event, so AWS would refuse "
                    + "it; the valid names are [BatchSize, BisectBatchOnFunctionError, DestinationConfig, Enabled, "
                    + "FilterCriteria, FunctionResponseTypes, KmsKeyArn, MaximumBatchingWindowInSeconds, "
                    + "MaximumRecordAgeInSeconds, MaximumRetryAttempts, MetricsConfig, ParallelizationFactor, "
                    + "StartingPosition, StartingPositionTimestamp, Stream, TumblingWindowInSeconds].");
        }

        @Test
        void aFunctionWithoutATemplateIsAConfigurationError() {
            assertThat(failure(FunctionWithoutTemplate.class)).isEqualTo("ExtensionConfigurationException: "
                    + "@KinesisStreamTest(function = \"AnalyticsStreamProcessor\") on test(StreamHarness) names a "
                    + "function but no template; add template = \"template.yaml\" (relative to the project "
                    + "directory, or classpath:...).");
        }
    }
}
