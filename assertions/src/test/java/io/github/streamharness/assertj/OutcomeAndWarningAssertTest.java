package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Typed outcome assertions (hasOutcome, hasFailedWith) and hasNoWarnings. */
class OutcomeAndWarningAssertTest {
    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();

    /** Reports the batch's first record failed, on a mapping without ReportBatchItemFailures (rule 5.1). */
    private static StreamHarness ignoredPartialResponse() {
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> new StreamsEventResponse(
                List.of(new StreamsEventResponse.BatchItemFailure(
                        event.getRecords().get(0).getKinesis().getSequenceNumber())));
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().build())
                .handler(handler).functionName("orders-fn").build();
        stream.put("user-1", "{\"id\":1}");
        stream.runUntilIdle();
        return stream;
    }

    @Test
    void hasFailedWithMatchesTheThrownClassOrASuperclassOfIt() { // rule 4.1: #1 threw on the poison record
        assertThat(poison.stream()).invocations().invocation(1).hasFailedWith(IllegalArgumentException.class)
                .hasFailedWith(RuntimeException.class).hasOutcome(Outcome.FunctionError.class);
        assertThat(poison.stream().invocations().all().get(0)).hasFailedWith(IllegalArgumentException.class);
    }

    @Test
    void hasFailedWithAnotherClassFailsWithBothTypesForADiff() {
        Throwable thrown = catchThrowable(() -> assertThat(poison.stream()).invocations().invocation(1)
                .hasFailedWith(IllegalStateException.class));
        assertThat(thrown).isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(String.format("Expecting invocation:%n  #1 shardId-000000000000"))
                .hasMessageContaining("to have failed with java.lang.IllegalStateException thrown by the handler")
                .hasMessageContaining("timeline of orders-fn");
        AssertionFailedError failure = (AssertionFailedError) thrown;
        assertThat(failure.getExpected().getValue()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.getActual().getValue()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void hasOutcomeChecksTheOutcomeType() { // rule 4.2: a throttle is its own outcome
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        stream.faults().onInvocation(1).throttle();
        stream.put("pk", "x");
        stream.runUntilIdle();
        assertThat(stream).invocations().invocation(1).hasOutcome(Outcome.Throttled.class);
        assertThat(stream).invocations().invocation(2).hasOutcome(Outcome.Success.class);
        Throwable thrown = catchThrowable(() -> assertThat(stream).invocations().invocation(1)
                .hasOutcome(Outcome.Success.class));
        assertThat(thrown).isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to end with an outcome of type io.github.streamharness.Outcome$Success");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(stream).invocations().invocation(9))
                .withMessage("no invocation #9 in the log of test-function (it holds 2)");
    }

    @Test
    void hasNoWarningsPassesForACleanRunAndListsEachWarningWithItsKind() { // rule 5.1
        Scenarios.Run clean = Scenarios.allGood();
        assertThat(clean.stream()).hasNoWarnings().invocations().hasNoWarnings();

        StreamHarness ignored = ignoredPartialResponse();
        assertThat(catchThrowable(() -> assertThat(ignored).invocations().hasNoWarnings()))
                .isExactlyInstanceOf(AssertionError.class)
                .hasMessageStartingWith(String.format("Expecting orders-fn to have raised no warning but it raised "
                        + "1:%n  [IGNORED_BATCH_ITEM_FAILURES] invocation #1: the function returned "
                        + "batchItemFailures [4"))
                .hasMessageContaining("timeline of orders-fn");
        assertThat(catchThrowable(() -> assertThat(ignored).hasNoWarnings()))
                .hasMessageContaining("[IGNORED_BATCH_ITEM_FAILURES]");
    }

    @Test
    void softAssertionsCollectTypedOutcomeFailures() {
        StreamSoftAssertions softly = new StreamSoftAssertions();
        softly.assertThat(poison.stream().invocations().all().get(0)).hasOutcome(Outcome.Throttled.class);
        softly.assertThat(poison.stream()).invocations().invocation(1).hasFailedWith(IllegalStateException.class);
        assertThat(softly.errorsCollected()).hasSize(2);
    }
}
