package io.github.streamharness.reliability;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No watchdog thread outlives {@code close()} (rule 0.4): a worker the watchdog abandoned stays on the join list after
 * a second executor was made for the next invocation, and close waits for every worker even when the closing thread
 * is interrupted (it then keeps its interrupt flag).
 */
class WatchdogWorkersJoinedOnCloseTest {

    @AfterEach
    void clearTheFlagForJUnit() {
        Thread.interrupted();
    }

    @Test
    void abandonedWorkerIsJoinedAfterASecondExecutorWasMadeEvenWhenCloseIsInterrupted() { // rule 0.4
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        String function = "abandoned-then-replaced";
        StreamHarness h = StreamHarness.builder().functionName(function).watchdog(Duration.ofMillis(200)).build();
        h.addMapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(0).build(),
                (event, context) -> {
                    if (event.getRecords().get(0).getKinesis().getPartitionKey().equals("blocks")) {
                        try {
                            never.await(); // blocks for real until the watchdog interrupts it
                        } catch (InterruptedException e) {
                            awaitUninterruptibly(closing); // still cleaning up when the harness closes
                            HarnessThreadLeakTest.cleanUp();
                            Thread.currentThread().interrupt();
                        }
                    }
                    return null;
                });
        h.put("blocks", "x");
        h.put("fine", "y"); // runs on a second executor's worker while the first is still cleaning up
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT", "OK");

        closing.countDown();
        Thread.currentThread().interrupt(); // e.g. the test's own timeout fired
        h.close();

        assertThat(Thread.currentThread().isInterrupted()).as("close keeps the interrupt flag").isTrue();
        assertThat(HarnessThreadLeakTest.liveThreads("streamharness-watchdog-" + function + "-")).isEmpty();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
