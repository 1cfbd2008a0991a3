package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User code that throws where nobody expects it (docs/bad-inputs.md, "Handlers" and "Fault plan"): an exception whose
 * own methods throw, a fault predicate that throws, a fault rule added while the plan is evaluated. Each is an
 * ordinary failed attempt with a readable description (rule 4.1): the lane is released, the mapping retries and then
 * sends the record to the destination, and the ledger accounts for it. None may escape {@code runUntilIdle()} and
 * leave the lane in flight.
 */
class HostileUserCodeTest {
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:hostile-dlq";

    /** An exception whose every describing method throws. */
    static final class HostileException extends RuntimeException {
        HostileException() {
            super("never seen");
        }

        @Override
        public String getMessage() {
            throw new NullPointerException("getMessage is broken");
        }

        @Override
        public String getLocalizedMessage() {
            throw new NullPointerException("getLocalizedMessage is broken");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString is broken");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new UnsupportedOperationException("getStackTrace is broken");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause is broken");
        }
    }

    private static StreamHarness harness(StreamHarness.Builder builder, RequestHandler<KinesisEvent, Object> handler) {
        StreamHarness h = builder.build();
        h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).onFailureDestination(DLQ).build(),
                handler);
        return h;
    }

    private static Outcome.FunctionError error(Invocation i) {
        return (Outcome.FunctionError) i.outcome();
    }

    private static void assertFailedTwiceThenSentToTheDestination(StreamHarness h, StreamRecord r) {
        assertThat(h.invocations().all()).hasSize(2).allMatch(i -> i.outcome().isFunctionError());
        assertThat(h.deadLetterQueue().records()).containsExactly(r);
        assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.SENT_TO_DESTINATION);
        h.ledger().verify();
    }

    @Test
    void handlerExceptionWhoseGetMessageThrowsIsAnOrdinaryFailedAttempt() { // rule 4.1
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> {
            throw new HostileException();
        })) {
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome().label()).isEqualTo("ERROR " + HostileException.class.getName());
            assertThat(error(first).errorMessage()).isEqualTo(HostileException.class.getName()
                    + " (its getMessage() threw java.lang.NullPointerException)");
            assertThat(error(first).functionError()).isEqualTo("Unhandled");
            assertFailedTwiceThenSentToTheDestination(h, r);
            assertThat(h.deadLetterQueue().messages().get(0).functionError()).isEqualTo("Unhandled");
        }
    }

    @Test
    void handlerExceptionWhoseMethodsAllThrowIsAnOrdinaryFailedAttemptUnderTheWatchdogToo() { // rule 4.1, 0.4
        try (StreamHarness h = harness(StreamHarness.builder().functionName("hostile-watchdog")
                .watchdog(Duration.ofSeconds(30)), (event, context) -> {
                    throw new HostileException();
                })) {
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome().label()).isEqualTo("ERROR " + HostileException.class.getName());
            assertThat(error(first).errorMessage()).isEqualTo(HostileException.class.getName()
                    + " (its getMessage() threw java.lang.NullPointerException)");
            assertFailedTwiceThenSentToTheDestination(h, r);
        }
    }

    @Test
    void faultPredicateThatThrowsIsAnOrdinaryFailedAttempt() { // rule 4.1
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> null)) {
            h.faults().onRecord(rec -> {
                throw new IllegalArgumentException("predicate is broken");
            }).fail("never used");
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome().label()).isEqualTo("ERROR java.lang.IllegalStateException");
            assertThat(error(first).errorMessage()).isEqualTo("the fault rule 'fail on a batch holding a matching "
                    + "record' threw java.lang.IllegalArgumentException: predicate is broken while the fault plan "
                    + "chose the faults of invocation #1; the invocation fails as if the handler had thrown (fix the "
                    + "rule, or remove it with faults().clear())");
            assertFailedTwiceThenSentToTheDestination(h, r);
        }
    }

    @Test
    void aFaultPredicateThatThrowsLeavesThePlansColdStartInForce() { // rule 0.15: coldStarts replaces initDuration
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> null)) {
            h.faults().coldStarts(Duration.ofSeconds(2));
            h.faults().onRecord(rec -> {
                throw new IllegalArgumentException("predicate is broken");
            }).fail("never used");
            h.put("pk", "a");
            h.runUntilIdle();

            List<Invocation> all = h.invocations().all();
            assertThat(all.get(0).coldStart()).isTrue(); // a new environment: its Init is the plan's 2 s
            assertThat(all.get(0).duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(all.get(1).coldStart()).isFalse();
            assertThat(all.get(1).duration()).isZero();
        }
    }

    @Test
    void injectedExceptionSupplierThatThrowsIsAnOrdinaryFailedAttempt() { // rule 4.1
        try (StreamHarness h = harness(StreamHarness.builder(), (event, context) -> null)) {
            h.faults().always().fail(() -> {
                throw new HostileException();
            });
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome().label()).isEqualTo("ERROR java.lang.IllegalStateException");
            assertThat(error(first).errorMessage()).isEqualTo("the fault rule 'fail on every invocation' threw "
                    + HostileException.class.getName() + " (its getMessage() threw java.lang.NullPointerException)"
                    + " while the fault plan chose the faults of invocation #1; the invocation fails as if the "
                    + "handler had thrown (fix the rule, or remove it with faults().clear())");
            assertFailedTwiceThenSentToTheDestination(h, r);
        }
    }

    @Test
    void faultRuleAddedWhileThePlanIsEvaluatedAppliesFromTheNextInvocation() { // no ConcurrentModificationException
        AtomicReference<StreamHarness> ref = new AtomicReference<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            ref.set(h);
            h.addMapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(1).build(),
                    (event, context) -> null);
            boolean[] added = new boolean[1];
            h.faults().onRecord(rec -> {
                if (!added[0]) {
                    added[0] = true;
                    ref.get().faults().always().times(1).fail("added while the plan was evaluated");
                }
                return false;
            }).timeout();
            h.faults().always().latency(Duration.ofMillis(1));
            StreamRecord a = h.put("pk", "a");
            StreamRecord b = h.put("pk", "b");
            h.runUntilIdle();

            List<String> labels = h.invocations().all().stream().map(i -> i.outcome().label()).toList();
            assertThat(labels).containsExactly("OK", "ERROR java.lang.RuntimeException", "OK");
            assertThat(error(h.invocations().all().get(1)).errorMessage())
                    .isEqualTo("added while the plan was evaluated");
            assertThat(h.ledger().stateOf(a)).isEqualTo(RecordState.COMMITTED);
            assertThat(h.ledger().stateOf(b)).isEqualTo(RecordState.COMMITTED);
            h.ledger().verify();
        }
    }
}
