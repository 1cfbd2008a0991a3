package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An interrupt is a request to the thread driving the harness to stop (a JUnit timeout, a test that cancels), not a
 * failure of the function under test. An invocation during which the thread was interrupted uses no retry attempt
 * (it is recorded as THROTTLED with an "interrupted" reason, like a service error, rule 4.2), the run stops after it
 * with an IllegalStateException, and the interrupt flag stays set. Nothing is lost: the batch stays PENDING and is
 * delivered when the harness runs again with the flag cleared (docs/bad-inputs.md, "Interrupts").
 */
class InterruptedThreadTest {
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:interrupt-dlq";

    @AfterEach
    void clearTheFlagForJUnit() {
        Thread.interrupted();
    }

    private static StreamHarness harness(StreamHarness.Builder builder, RequestHandler<KinesisEvent, Void> handler) {
        StreamHarness h = builder.build();
        h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).onFailureDestination(DLQ).build(),
                handler);
        return h;
    }

    @Test
    void handlerThatInterruptsItsThreadIsNotAFailureAndTheRunStopsWithTheFlagSet() { // rule 4.2
        int[] deliveries = new int[1];
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> {
            if (++deliveries[0] == 1) {
                Thread.currentThread().interrupt();
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // a blocking call: throws at once, the flag is set
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted while waiting for DynamoDB", e);
                }
            }
            return null;
        })) {
            StreamRecord r = h.put("pk", "a");

            assertThatThrownBy(h::runUntilIdle)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("runUntilIdle() stopped at 2026-01-01T00:00:00Z: the thread driving the harness was "
                            + "interrupted (by the handler, or by the test, e.g. a JUnit timeout). The interrupt flag "
                            + "is left set; nothing is lost: records in flight stay PENDING and are delivered when the "
                            + "harness runs again after Thread.interrupted() clears the flag.");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(h.invocations().all()).isEmpty(); // the invocation is still in flight: it ends at the next run
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.PENDING);
            h.ledger().verify();

            assertThat(Thread.interrupted()).isTrue(); // the test clears the flag and carries on
            h.runUntilIdle();
            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome()).isInstanceOf(Outcome.Throttled.class);
            assertThat(((Outcome.Throttled) first.outcome()).reason()).isEqualTo("interrupted: the thread running "
                    + "the handler was interrupted (java.lang.IllegalStateException: interrupted while waiting for "
                    + "DynamoDB); not a function error and not a retry attempt");
            assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("THROTTLED", "OK");
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
            assertThat(h.deadLetterQueue().messages()).isEmpty();
            h.ledger().verify();
        }
    }

    @Test
    void interruptedTestThreadWaitingForTheWatchdogIsNotAFailureAndKeepsItsFlag() { // rule 4.2, 0.4
        CountDownLatch never = new CountDownLatch(1);
        Thread testThread = Thread.currentThread();
        int[] deliveries = new int[1];
        try (StreamHarness h = harness(StreamHarness.builder().functionName("interrupted-watchdog")
                .watchdog(Duration.ofSeconds(30)), (event, context) -> {
                    if (++deliveries[0] == 1) {
                        testThread.interrupt(); // e.g. a JUnit timeout while the test waits for the handler
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return null;
                })) {
            StreamRecord r = h.put("pk", "a");

            assertThatThrownBy(h::runUntilIdle).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("runUntilIdle() stopped at 2026-01-01T00:00:00Z: the thread driving the "
                            + "harness was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.PENDING);

            Thread.interrupted();
            h.runUntilIdle();
            assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("THROTTLED", "OK");
            assertThat(h.deadLetterQueue().messages()).isEmpty();
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
            h.ledger().verify();
        }
    }

    @Test
    void runUntilIdleOnAnInterruptedThreadStopsBeforeAnyInvocation() {
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> null)) {
            StreamRecord r = h.put("pk", "a");
            Thread.currentThread().interrupt();

            assertThatThrownBy(h::runUntilIdle).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("runUntilIdle() stopped at 2026-01-01T00:00:00Z: the thread driving the "
                            + "harness was interrupted");
            assertThatThrownBy(() -> h.advance(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("advance() stopped at 2026-01-01T00:00:00Z: the thread driving the "
                            + "harness was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(h.invocations().all()).isEmpty();

            Thread.interrupted();
            h.runUntilIdle();
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
        }
    }
}
