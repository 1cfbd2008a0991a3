package io.github.streamharness.reliability;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression for the bug "abandoned watchdog worker outlives close()": when the real-time watchdog gave up on a
 * blocked handler it interrupted the worker and replaced it, but {@code close()} only stopped the current worker, so
 * an interrupted handler still cleaning up kept its {@code streamharness-watchdog-...} thread alive after the harness
 * (and its test) had ended (rule 0.4; issue 8, parallel safety).
 */
class AbandonedWatchdogWorkerRegressionTest {

    @Test
    void closeWaitsForAWorkerTheWatchdogAbandoned() {
        CountDownLatch never = new CountDownLatch(1);
        String function = "abandoned-worker";
        try (StreamHarness h = StreamHarness.builder().functionName(function).watchdog(Duration.ofMillis(200))
                .build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    (event, context) -> {
                        try {
                            never.await(); // blocks for real until the watchdog interrupts it
                        } catch (InterruptedException e) {
                            HarnessThreadLeakTest.cleanUp(); // like closing a connection: lives a little longer
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
            h.put("pk", "x");
            h.runUntilIdle();

            assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT");
        }
        assertThat(HarnessThreadLeakTest.liveThreads("streamharness-watchdog-" + function + "-")).isEmpty();
    }
}
