package io.github.streamharness.junit;

import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension works out a test class's annotations once per class (issue 19, the per-test cost): every test still
 * gets the class's settings, a method's own {@code @EventSourceMapping} still wins, and a class-level mistake still
 * fails each test with that test's own name (nothing about a failure is kept for the next test).
 */
class ClassPlanTest {
    /** What each fixture test saw, by test name (the fixtures run in parallel in one engine run). */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class, shards = 2, seed = 5)
    @EventSourceMapping(batchSize = 7, maximumRetryAttempts = 2)
    static class ClassSettings {
        @Test
        void first(StreamHarness stream, MappedFunction mapping) {
            SEEN.put("first", describe(stream, mapping));
        }

        @Test
        void second(StreamHarness stream, MappedFunction mapping) {
            SEEN.put("second", describe(stream, mapping));
        }

        @Test
        @EventSourceMapping(batchSize = 3)
        void ownMapping(StreamHarness stream, MappedFunction mapping) {
            SEEN.put("ownMapping", describe(stream, mapping));
        }

        @Nested
        @KinesisStreamTest(shards = 3)
        class Inner {
            @Test
            void inner(StreamHarness stream, MappedFunction mapping) {
                SEEN.put("inner", describe(stream, mapping));
            }
        }

        private static String describe(StreamHarness stream, MappedFunction mapping) {
            return "shards=" + stream.shards().size() + " seed=" + stream.seed() + " batch="
                    + mapping.config().batchSize() + " retries=" + mapping.config().maximumRetryAttempts();
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class)
    @EventSourceMapping(maximumRecordAgeInSeconds = 30)
    static class InvalidClassMapping {
        @Test
        void first(StreamHarness stream) {
        }

        @Test
        void second(StreamHarness stream) {
        }

        @Test
        @EventSourceMapping(batchSize = 5)
        void ownValidMapping(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class, startTime = "not a time")
    static class InvalidAttribute {
        @Test
        void first(StreamHarness stream) {
        }

        @Test
        void second(StreamHarness stream) {
        }
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .execute().testEvents();
    }

    private static List<String> failures(Events events) {
        return events.failed().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + " -> " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                .sorted().toList();
    }

    @Test
    void everyTestOfAClassGetsItsSettingsAndAMethodMappingStillWins() {
        SEEN.clear();
        Events events = run(ClassSettings.class);
        assertThat(failures(events)).isEmpty();
        assertThat(SEEN).containsOnly(
                Map.entry("first", "shards=2 seed=5 batch=7 retries=2"),
                Map.entry("second", "shards=2 seed=5 batch=7 retries=2"),
                Map.entry("ownMapping", "shards=2 seed=5 batch=3 retries=-1"),
                Map.entry("inner", "shards=3 seed=5 batch=7 retries=2"));
    }

    @Test
    void anInvalidClassMappingFailsEachTestWithItsOwnName() {
        Events events = run(InvalidClassMapping.class);
        assertThat(events.succeeded().count()).as("the method's own valid mapping replaces the class's").isOne();
        assertThat(failures(events)).containsExactly(
                "first(StreamHarness) -> Invalid @EventSourceMapping for first(StreamHarness): "
                        + "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)",
                "second(StreamHarness) -> Invalid @EventSourceMapping for second(StreamHarness): "
                        + "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
    }

    @Test
    void anInvalidAttributeFailsEachTestWithItsOwnName() {
        List<String> failures = failures(run(InvalidAttribute.class));
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).startsWith("first(StreamHarness) -> Invalid @KinesisStreamTest on "
                + "first(StreamHarness): Text 'not a time' could not be parsed");
        assertThat(failures.get(1)).startsWith("second(StreamHarness) -> Invalid @KinesisStreamTest on "
                + "second(StreamHarness): Text 'not a time' could not be parsed");
    }
}
