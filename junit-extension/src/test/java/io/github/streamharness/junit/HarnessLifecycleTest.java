package io.github.streamharness.junit;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The extension closes each test's harness (its watchdog threads included) when the test ends. */
class HarnessLifecycleTest {
    private static final String FUNCTION = "lifecycle-check-fn";

    @Tag("fixture")
    static class UsesAWatchdog {
        @RegisterExtension
        static KinesisStreamExtension stream = KinesisStreamExtension.builder()
                .functionName(FUNCTION)
                .handler(new MisconfigurationTest.Noop())
                .configure(b -> b.watchdog(Duration.ofSeconds(30)))
                .build();

        @Test
        void runsTheHandlerOnAWatchdogThread(StreamHarness harness) {
            harness.put("pk", "x");
            harness.runUntilIdle();
            assertThat(harness.invocations().count()).isEqualTo(1);
            assertThat(liveWatchdogThreads()).isPositive();
        }
    }

    private static long liveWatchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("streamharness-watchdog-" + FUNCTION + "-"))
                .count();
    }

    @Test
    void noHarnessThreadOutlivesItsTest() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsesAWatchdog.class)).execute()
                .testEvents();
        assertThat(results.succeeded().count()).isEqualTo(1);
        assertThat(liveWatchdogThreads()).isZero();
    }
}
