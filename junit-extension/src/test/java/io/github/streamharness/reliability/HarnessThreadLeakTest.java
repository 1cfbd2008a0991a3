package io.github.streamharness.reliability;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel safety (issue 8): no harness thread (named {@code streamharness-...}) outlives the test that made it, even
 * when the watchdog had to abandon a handler that blocked for real. Other tests run at the same time, so each test
 * here looks only at threads carrying its own function name.
 */
class HarnessThreadLeakTest {

    /** The live threads whose name starts with {@code prefix}. */
    static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    /**
     * Real work for an interrupted handler to do (no sleep, no clock): twenty million multiply-adds, long enough to
     * be seen alive right after a close() that did not wait, short enough to end well within close()'s 5 s even on a
     * loaded machine whose JIT is starved.
     */
    static long cleanUp() {
        long h = 17;
        for (int i = 0; i < 20_000_000; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    @Test
    void noWatchdogThreadOutlivesCloseAfterTheWatchdogInterruptedABlockedHandler() {
        CountDownLatch never = new CountDownLatch(1);
        String function = "leak-check-blocked";
        try (StreamHarness h = StreamHarness.builder().functionName(function).watchdog(Duration.ofMillis(200))
                .build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    (event, context) -> {
                        if (event.getRecords().get(0).getKinesis().getPartitionKey().equals("blocks")) {
                            try {
                                never.await(); // blocks for real until the watchdog interrupts it
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return null;
                    });
            h.put("fine", "y");
            h.runUntilIdle();
            h.put("blocks", "x");
            h.runUntilIdle();

            assertThat(h.invocations().all()).extracting(i -> i.outcome().label())
                    .containsExactly("OK", "TIMEOUT");
        }
        // closed right after the watchdog gave up on the blocked handler: its worker must be gone too
        assertThat(liveThreads("streamharness-watchdog-" + function + "-")).isEmpty();
    }

    @Test
    void noWatchdogThreadOutlivesCloseAfterOrdinaryInvocations() {
        String function = "leak-check-ordinary";
        try (StreamHarness h = StreamHarness.builder().functionName(function).watchdog(Duration.ofSeconds(5))
                .build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            h.put("pk", "x");
            h.runUntilIdle();
            assertThat(h.invocations().all()).extracting(i -> i.outcome()).allMatch(Outcome::isSuccess);
        }
        assertThat(liveThreads("streamharness-")
                .stream().filter(n -> n.contains(function)).toList()).isEmpty();
    }
}
