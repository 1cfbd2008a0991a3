package io.github.streamharness.junit;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The one precedence rule (docs/guide.md, "Which wins"): the most specific source that sets a value wins. From the
 * most specific: the method's annotations, the class's (an inner class over its enclosing class), the extension's
 * builder, a template (not read yet), the defaults. One fixture per step; each asserts inside its own test.
 */
class ConfigurationPrecedenceTest {

    private static KinesisStreamExtension.Builder builderWithEverySetting() {
        return KinesisStreamExtension.builder().shards(4).streamName("from-builder").functionName("from-builder")
                .functionTimeout(Duration.ofSeconds(30)).handler(MisconfigurationTest.Noop.class)
                .mapping(EventSourceMappingConfig.builder().batchSize(7).build())
                .configure(b -> b.memorySize(512).seed(99).startTime(Instant.parse("2030-01-01T00:00:00Z")));
    }

    private static FunctionSettings function(StreamHarness stream) {
        return stream.mapping().functionSettings();
    }

    @Tag("fixture")
    static class NothingSet {
        @RegisterExtension
        static KinesisStreamExtension ext = KinesisStreamExtension.builder()
                .handler(MisconfigurationTest.Noop.class).build();

        @Test
        void theDefaultsApply(StreamHarness stream) {
            assertThat(stream.shards()).hasSize(1);
            assertThat(stream.streamName()).isEqualTo("test-stream");
            assertThat(stream.mapping().functionName()).isEqualTo("test-function");
            assertThat(function(stream).timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(function(stream).memorySize()).isEqualTo(128);
            assertThat(stream.seed()).isEqualTo(20_260_101L);
            assertThat(stream.clock().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(stream.mapping().config()).hasToString(EventSourceMappingConfig.defaults().toString());
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class)
    static class AnnotationWithEveryAttributeUnset {
        @Test
        void theDefaultsApply(StreamHarness stream) {
            assertThat(stream.shards()).hasSize(1);
            assertThat(function(stream).timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(function(stream).memorySize()).isEqualTo(128);
            assertThat(function(stream).reservedConcurrentExecutions()).isEmpty();
            assertThat(function(stream).initDuration()).isZero();
            assertThat(stream.seed()).isEqualTo(20_260_101L);
        }
    }

    @Tag("fixture")
    static class BuilderOverDefaults {
        @RegisterExtension
        static KinesisStreamExtension ext = builderWithEverySetting().build();

        @Test
        void theBuilderWins(StreamHarness stream) {
            assertThat(stream.shards()).hasSize(4);
            assertThat(stream.streamName()).isEqualTo("from-builder");
            assertThat(stream.mapping().functionName()).isEqualTo("from-builder");
            assertThat(function(stream).timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(function(stream).memorySize()).isEqualTo(512);
            assertThat(stream.seed()).isEqualTo(99);
            assertThat(stream.mapping().config().batchSize()).isEqualTo(7);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(seed = 5)
    static class UnsetAttributesKeepTheBuilderValue {
        @RegisterExtension
        static KinesisStreamExtension ext = builderWithEverySetting().build();

        @Test
        void onlyTheSetAttributeChanges(StreamHarness stream) {
            assertThat(stream.seed()).isEqualTo(5);
            assertThat(stream.shards()).hasSize(4);
            assertThat(function(stream).timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(function(stream).memorySize()).isEqualTo(512);
            assertThat(stream.clock().now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    /** The bug this rule fixes: an attribute set to its default was taken for unset. */
    @Tag("fixture")
    @KinesisStreamTest(shards = 1, timeoutSeconds = 3, streamName = "test-stream", functionName = "test-function",
            memorySize = 128, seed = 20_260_101L, startTime = "2026-01-01T00:00:00Z")
    static class ClassAnnotationAtTheDefaultsOverBuilder {
        @RegisterExtension
        static KinesisStreamExtension ext = builderWithEverySetting().build();

        @Test
        void theAnnotationWinsEvenWithDefaultValues(StreamHarness stream) {
            assertThat(stream.shards()).hasSize(1);
            assertThat(stream.streamName()).isEqualTo("test-stream");
            assertThat(stream.mapping().functionName()).isEqualTo("test-function");
            assertThat(function(stream).timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(function(stream).memorySize()).isEqualTo(128);
            assertThat(stream.seed()).isEqualTo(20_260_101L);
            assertThat(stream.clock().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(shards = 3, memorySize = 256, handler = MisconfigurationTest.Noop.class)
    static class Enclosing {
        @Nested
        @KinesisStreamTest(shards = 1)
        class Inner {
            @Test
            void theInnerClassWinsAndUnsetAttributesComeFromTheEnclosingClass(StreamHarness stream) {
                assertThat(stream.shards()).hasSize(1);
                assertThat(function(stream).memorySize()).isEqualTo(256);
            }
        }
    }

    @Tag("fixture")
    @EventSourceMapping(batchSize = 100)
    static class ClassMappingOverBuilderMapping {
        @RegisterExtension
        static KinesisStreamExtension ext = builderWithEverySetting().build();

        @Test
        void theClassAnnotationIsTheWholeMapping(StreamHarness stream) {
            assertThat(stream.mapping().config().batchSize()).isEqualTo(100);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class)
    @EventSourceMapping(batchSize = 10, maximumRetryAttempts = 2)
    static class MethodMappingOverClassMapping {
        @Test
        @EventSourceMapping(batchSize = 100)
        void theMethodAnnotationWins(StreamHarness stream) {
            assertThat(stream.mapping().config().batchSize()).isEqualTo(100);
            assertThat(stream.mapping().config().maximumRetryAttempts()).isEqualTo(-1); // a whole mapping
        }

        @Test
        void withoutOneTheClassAnnotationApplies(StreamHarness stream) {
            assertThat(stream.mapping().config().batchSize()).isEqualTo(10);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class, reservedConcurrency = 4,
            provisionedConcurrency = 2, initDurationMillis = 800, keepWarmSeconds = 60)
    static class FunctionConcurrencyAttributes {
        @Test
        void areKeptInTheFunctionSettings(StreamHarness stream) {
            assertThat(function(stream).reservedConcurrentExecutions()).hasValue(4);
            assertThat(function(stream).provisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(function(stream).initDuration()).isEqualTo(Duration.ofMillis(800));
            assertThat(function(stream).keepWarm()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    private static void passes(Class<?> fixture, int tests) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
        String failures = events.failed().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(
                        org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?"))
                .collect(Collectors.joining("\n"));
        assertThat(failures).as(fixture.getSimpleName()).isEmpty();
        assertThat(events.succeeded().count()).as(fixture.getSimpleName()).isEqualTo(tests);
    }

    @Test
    void withNothingSetTheDefaultsApply() {
        passes(NothingSet.class, 1);
        passes(AnnotationWithEveryAttributeUnset.class, 1);
    }

    @Test
    void theExtensionsBuilderOverridesTheDefaults() {
        passes(BuilderOverDefaults.class, 1);
    }

    @Test
    void anAnnotationAttributeLeftUnsetKeepsTheBuildersValue() {
        passes(UnsetAttributesKeepTheBuilderValue.class, 1);
    }

    @Test
    void anAnnotationAttributeSetToItsDefaultStillOverridesTheBuilder() {
        passes(ClassAnnotationAtTheDefaultsOverBuilder.class, 1);
    }

    @Test
    void anInnerClassAnnotationOverridesItsEnclosingClassAttributeByAttribute() {
        passes(Enclosing.class, 1);
    }

    @Test
    void aClassMappingReplacesTheBuildersMapping() {
        passes(ClassMappingOverBuilderMapping.class, 1);
    }

    @Test
    void aMethodMappingReplacesTheClassMapping() {
        passes(MethodMappingOverClassMapping.class, 2);
    }

    @Test
    void theFunctionsConcurrencyAttributesReachItsSettings() {
        passes(FunctionConcurrencyAttributes.class, 1);
    }
}
