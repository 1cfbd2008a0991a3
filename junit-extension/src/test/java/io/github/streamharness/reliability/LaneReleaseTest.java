package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane's in-flight state is released on every path: user code throwing from a place the invoker does not
 * expect is an ordinary failed attempt, the record moves on, and the ledger verifies (issue 11: no stall, no loss).
 */
class LaneReleaseTest {
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:release-dlq";

    @Test
    void aFaultPredicateThatThrowsIsAFailedAttemptAndTheLaneMovesOn() { // rule 4.1, 4.4
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onBatch(batch -> {
            throw new IllegalStateException("predicate bug");
        }).throttle();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                .onFailureDestination(DLQ).build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> null);
        StreamRecord r = h.put("pk", "x");
        h.runUntilIdle();

        Invocation only = f.invocations().all().get(0);
        assertThat(only.outcome()).isInstanceOf(Outcome.FunctionError.class);
        assertThat(((Outcome.FunctionError) only.outcome()).errorMessage()).contains("predicate bug");
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.SENT_TO_DESTINATION);
        assertThat(f.deadLetterQueue().messages()).extracting(DeadLetter::approximateInvokeCount).containsExactly(1);
        f.ledger().verify();
    }

    @Test
    void anExceptionWhoseGetMessageThrowsIsAFailedAttemptAndTheLaneMovesOn() { // rule 4.1, 4.4
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1)
                .onFailureDestination(DLQ).build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    throw new IllegalArgumentException() {
                        @Override
                        public String getMessage() {
                            throw new UnsupportedOperationException("no message for you");
                        }
                    };
                });
        StreamRecord r = h.put("pk", "x");
        h.runUntilIdle();

        assertThat(f.invocations().all()).hasSize(2)
                .allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(Outcome.FunctionError.class));
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.SENT_TO_DESTINATION);
        f.ledger().verify();
    }
}
