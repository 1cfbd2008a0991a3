package io.github.streamharness.junit;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.VirtualClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The JUnit configuration parameters streamharness.seed and streamharness.startTime set run-wide defaults. */
class ConfigurationParametersTest {

    @Tag("fixture")
    @KinesisStreamTest
    static class ReadsDefaults {
        @Test
        void seedAndStart(StreamHarness stream, VirtualClock clock) {
            if (stream.seed() != 42 || !clock.now().equals(Instant.parse("2030-06-01T12:00:00Z"))) {
                throw new AssertionError("seed " + stream.seed() + ", start " + clock.now());
            }
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(seed = 7, startTime = "2031-01-01T00:00:00Z")
    static class OverridesThem {
        @Test
        void seedAndStart(StreamHarness stream, VirtualClock clock) {
            if (stream.seed() != 7 || !clock.now().equals(Instant.parse("2031-01-01T00:00:00Z"))) {
                throw new AssertionError("seed " + stream.seed() + ", start " + clock.now());
            }
        }
    }

    private static Events run(Class<?> fixture, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    private static final Map<String, String> DEFAULTS = Map.of("streamharness.seed", "42",
            "streamharness.startTime", "2030-06-01T12:00:00Z");

    @Test
    void theParametersAreTheDefaultsAndTheAnnotationStillWins() {
        assertThat(run(ReadsDefaults.class, DEFAULTS).succeeded().count()).isEqualTo(1);
        assertThat(run(OverridesThem.class, DEFAULTS).succeeded().count()).isEqualTo(1);
    }

    @Test
    void aBadParameterFailsBeforeTheTestNamingItselfAndItsFormat() {
        Events events = run(ReadsDefaults.class, Map.of("streamharness.seed", "forty-two"));
        assertThat(events.failed().list()).singleElement().satisfies(e -> assertThat(
                e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .isEqualTo("Invalid JUnit configuration parameter streamharness.seed: For input string: "
                        + "\"forty-two\" (streamharness.seed takes a long, streamharness.startTime an ISO-8601 "
                        + "instant such as 2026-01-01T00:00:00Z)"));
    }
}
