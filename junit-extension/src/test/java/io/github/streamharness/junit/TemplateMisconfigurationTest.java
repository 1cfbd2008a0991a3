package io.github.streamharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A template that cannot configure the test fails before it, with the template's message (rule 18.3). */
class TemplateMisconfigurationTest {
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
