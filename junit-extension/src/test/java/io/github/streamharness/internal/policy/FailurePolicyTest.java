package io.github.streamharness.internal.policy;

import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.Outcome;
import io.github.streamharness.internal.policy.FailurePolicy.BatchState;
import io.github.streamharness.internal.policy.FailurePolicy.Bisect;
import io.github.streamharness.internal.policy.FailurePolicy.Commit;
import io.github.streamharness.internal.policy.FailurePolicy.CommitAndRetryRest;
import io.github.streamharness.internal.policy.FailurePolicy.Decision;
import io.github.streamharness.internal.policy.FailurePolicy.Discard;
import io.github.streamharness.internal.policy.FailurePolicy.GiveUpWindow;
import io.github.streamharness.internal.policy.FailurePolicy.Retry;
import io.github.streamharness.internal.policy.FailurePolicy.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure policy, one row per rule: (outcome, batch state, settings) -> decision. */
class FailurePolicyTest {
    private static final Outcome OK = new Outcome.Success(null, List.of());
    private static final Outcome EXCEPTION = new Outcome.FunctionError(Outcome.ErrorKind.EXCEPTION,
            "java.lang.RuntimeException", "boom", "Unhandled", null);
    private static final Outcome TIMEOUT = new Outcome.FunctionError(Outcome.ErrorKind.TIMEOUT, null,
            "Task timed out after 3.00 seconds", "Unhandled", null);
    private static final Outcome BATCH_FAILURE = new Outcome.FunctionError(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE,
            null, "invalid partial batch response", null, "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}");
    private static final Outcome THROTTLED = new Outcome.Throttled("Rate Exceeded.");
    private static final Settings BISECT_3 = new Settings(true, 3);
    private static final Settings PLAIN_1 = new Settings(false, 1);
    private static final Settings INFINITE = new Settings(false, -1);
    private static final Settings BISECT_0 = new Settings(true, 0);

    private static Outcome partial(int committed) {
        return new Outcome.PartialFailure(List.of("49..."), "49...", committed, "{}");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("5.3: success commits the whole batch", OK, state(10, 1, 0), PLAIN_1, new Commit(10)),
                row("5.1: any response without ReportBatchItemFailures is a success (read as OK upstream)", OK,
                        state(3, 2, 1), BISECT_3, new Commit(3)),
                row("4.2: a throttle is not an attempt; its retry continues the back-off", THROTTLED, state(4, 0, 2),
                        BISECT_3, new Retry(3, false,
                                "throttled before reaching the function (not a retry attempt, rule 4.2)")),
                row("4.2, 13.10: a throttle is never bisected", THROTTLED, state(8, 0, 0), BISECT_0,
                        new Retry(1, false, "throttled before reaching the function (not a retry attempt, rule 4.2)")),
                row("5.5, 5.6: a partial response commits before the lowest failure, the rest is a new batch",
                        partial(4), state(10, 1, 0), BISECT_3, new CommitAndRetryRest(4)),
                row("5.7: a partial response naming the first record retries the whole batch, never a half",
                        partial(0), state(10, 1, 0), BISECT_3, new Retry(1, true, "attempt 1 of 4 failed")),
                row("5.7, 4.4: ...and is exhausted like a failure response, functionError null", partial(0),
                        state(10, 2, 1), PLAIN_1, new Discard(10, OnFailureCondition.RetryAttemptsExhausted, 2, null)),
                row("4.7, 0.1: a function error with bisect splits into ceil(n/2) + the rest", EXCEPTION,
                        state(7, 1, 0), BISECT_3, new Bisect(4)),
                row("4.7: a timeout is a function error and bisects too", TIMEOUT, state(2, 1, 0), BISECT_3,
                        new Bisect(1)),
                row("5.4, 5.7: a whole-batch failure response bisects at the midpoint", BATCH_FAILURE,
                        state(5, 1, 0), BISECT_3, new Bisect(3)),
                row("0.1: bisection also happens with MaximumRetryAttempts 0", EXCEPTION, state(2, 1, 0), BISECT_0,
                        new Bisect(1)),
                row("0.1: a 1-record batch is retried, not split", EXCEPTION, state(1, 1, 0), BISECT_3,
                        new Retry(1, true, "attempt 1 of 4 failed")),
                row("1.7: MaximumRetryAttempts 1 allows a second attempt", EXCEPTION, state(3, 1, 0), PLAIN_1,
                        new Retry(1, true, "attempt 1 of 2 failed")),
                row("1.7, 4.4: after N + 1 attempts the batch goes to the destination", EXCEPTION, state(3, 2, 1),
                        PLAIN_1, new Discard(3, OnFailureCondition.RetryAttemptsExhausted, 2, "Unhandled")),
                row("0.1, 4.4: a 1-record batch is exhausted with MaximumRetryAttempts 0 after one attempt",
                        EXCEPTION, state(1, 1, 0), BISECT_0,
                        new Discard(1, OnFailureCondition.RetryAttemptsExhausted, 1, "Unhandled")),
                row("4.4, 5.4: a failure response is exhausted with functionError null", BATCH_FAILURE,
                        state(4, 2, 1), PLAIN_1, new Discard(4, OnFailureCondition.RetryAttemptsExhausted, 2, null)),
                row("4.5, 1.7: -1 retries until the records expire", EXCEPTION, state(2, 500, 499), INFINITE,
                        new Retry(500, true, "attempt 500 (retries until the records expire) failed")),
                row("1.7: the third attempt of MaximumRetryAttempts 2 is the last", EXCEPTION, state(2, 3, 2), new Settings(false, 2),
                        new Discard(2, OnFailureCondition.RetryAttemptsExhausted, 3, "Unhandled")));
    }

    @ParameterizedTest(name = "rule {0}")
    @MethodSource("rules")
    void decidesByTheRule(String rule, Outcome outcome, BatchState batch, Settings settings, Decision expected) {
        assertThat(FailurePolicy.afterInvocation(outcome, batch, settings)).isEqualTo(expected);
    }

    static Stream<Arguments> windowRules() {
        String held = "final invocation of the window failed (attempt %d of %d): the lane holds (rule 8.4, 8.5)";
        String unbounded = "final invocation of the window failed (attempt %d, retried until it succeeds or grows "
                + "older than MaximumRecordAgeInSeconds or the retention period): the lane holds (rule 8.4, 8.5)";
        return Stream.of(
                row("8.4: a failing final invocation with Records: [] is retried while MaximumRetryAttempts allows",
                        EXCEPTION, state(0, 1, 0), PLAIN_1, new Retry(1, true, held.formatted(1, 2))),
                row("8.5, 1.7: MaximumRetryAttempts ends a final invocation with Records: [] too: the window is "
                        + "given up", EXCEPTION, state(0, 2, 1), PLAIN_1, new GiveUpWindow("its 2 attempt(s) failed "
                        + "and MaximumRetryAttempts 1 allows no more (rule 8.4, 8.5, 1.7)")),
                row("8.1, 8.5: a final invocation with Records: [] that returned no state counts as a failed attempt",
                        BATCH_FAILURE, state(0, 1, 0), BISECT_0, new GiveUpWindow("its 1 attempt(s) failed and "
                        + "MaximumRetryAttempts 0 allows no more (rule 8.4, 8.5, 1.7)")),
                row("8.4, 4.5: with -1 a final invocation with Records: [] is retried until it is too old",
                        EXCEPTION, state(0, 500, 499), INFINITE, new Retry(500, true, unbounded.formatted(500))),
                row("8.4, 4.2: a throttled final invocation is retried without counting an attempt", THROTTLED,
                        state(0, 0, 0), PLAIN_1, new Retry(1, false,
                                "throttled before reaching the function (not a retry attempt, rule 4.2)")),
                row("0.11b: a final invocation carrying records is never split, even with bisect on", EXCEPTION,
                        state(4, 1, 0), BISECT_3, new Retry(1, true, "attempt 1 of 4 failed")),
                row("8.5: a final invocation's records are given up after MaximumRetryAttempts", EXCEPTION,
                        state(3, 2, 1), PLAIN_1, new Discard(3, OnFailureCondition.RetryAttemptsExhausted, 2,
                                "Unhandled")),
                row("8.1, 5.5: a partial response in the final invocation commits its prefix", partial(1),
                        state(2, 1, 0), PLAIN_1, new CommitAndRetryRest(1)),
                row("8.4: a successful final invocation commits (the window closes)", OK, state(0, 1, 0), PLAIN_1,
                        new Commit(0)));
    }

    @ParameterizedTest(name = "rule {0}")
    @MethodSource("windowRules")
    void decidesAFinalInvocationByTheWindowRules(String rule, Outcome outcome, BatchState batch, Settings settings,
                                                  Decision expected) {
        assertThat(FailurePolicy.afterInvocation(outcome, batch, settings, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "rule 8.5: an aggregation invocation follows rule {0}")
    @MethodSource("rules")
    void decidesAnAggregationInvocationInAWindowByEveryOtherRule(String rule, Outcome outcome, BatchState batch,
                                                                 Settings settings, Decision expected) {
        assertThat(FailurePolicy.afterInvocation(outcome, batch, settings, false)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aFinalInvocationWithNoRecordsIsOverdueOnceDueLongerThanTheRecordAgeOrTheRetention() { // rule 8.5, 0.12
        io.github.streamharness.internal.batch.BatchAssembler age60 = new io.github.streamharness.internal.batch
                .BatchAssembler(null, null, 100, 0, 60, 60);
        io.github.streamharness.internal.batch.BatchAssembler noAge = new io.github.streamharness.internal.batch
                .BatchAssembler(null, null, 100, 0, -1, 60);
        long day = 86_400_000L;
        assertThat(FailurePolicy.windowOverdue(0, 60_000, age60, day)).isNull(); // rule 0.12: not yet over 60 s
        assertThat(FailurePolicy.windowOverdue(0, 60_001, age60, day)).isEqualTo(new GiveUpWindow("it has been "
                + "due since 1970-01-01T00:00:00Z, longer than MaximumRecordAgeInSeconds allows (rule 8.5, 0.12)"));
        assertThat(FailurePolicy.windowOverdue(0, day, noAge, day)).isNull();
        assertThat(FailurePolicy.windowOverdue(0, day + 1, noAge, day)).isEqualTo(new GiveUpWindow("it has been "
                + "due since 1970-01-01T00:00:00Z, longer than the stream's retention period PT24H (rule 8.5, 4.5)"));
    }

    @org.junit.jupiter.api.Test
    void aWindowEndsEarlyOnlyWhenItsStateIsOverOneMegabyte() { // rule 8.4, 0.11b
        assertThat(FailurePolicy.endsWindowEarly(1_048_576)).isFalse();
        assertThat(FailurePolicy.endsWindowEarly(1_048_577)).isTrue();
    }

    static Stream<Arguments> expiryRules() {
        return Stream.of(
                Arguments.of("4.6, 13.7: an expired prefix before the first attempt counts 1 invocation",
                        2, state(5, 0, 0), new Discard(2, OnFailureCondition.RecordAgeExceeded, 1, null)),
                Arguments.of("4.6, 6.2: expiry during retries: RecordAgeExceeded with the attempts, no function error",
                        5, state(5, 3, 2), new Discard(5, OnFailureCondition.RecordAgeExceeded, 3, null)));
    }

    @ParameterizedTest(name = "rule {0}")
    @MethodSource("expiryRules")
    void expiredRecordsGoAsRecordAgeExceeded(String rule, int expired, BatchState batch, Decision expected) {
        assertThat(FailurePolicy.recordsExpired(expired, batch)).isEqualTo(expected);
    }

    private static BatchState state(int size, int attempts, int retries) {
        return new BatchState(size, attempts, retries);
    }

    private static Arguments row(String rule, Outcome outcome, BatchState batch, Settings settings, Decision d) {
        return Arguments.of(rule, outcome, batch, settings, d);
    }
}
