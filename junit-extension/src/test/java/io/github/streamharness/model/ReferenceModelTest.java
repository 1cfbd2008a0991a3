package io.github.streamharness.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.streamharness.model.ModelDeadLetter.Condition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference model against the spec's literal examples; every expected value is worked out by hand. */
class ReferenceModelTest {

    private final ReferenceModel model = new ReferenceModel();

    private static final ModelConfig RBIF = ModelConfig.defaults().withReportBatchItemFailures(true);

    /** An oracle that fails (with {@code failure}) every invocation whose batch holds {@code poison}. */
    private static Oracle poison(int poison, Outcome failure) {
        return call -> call.contains(poison) ? failure : Outcome.SUCCESS;
    }

    private static List<List<Integer>> batches(ModelResult result) {
        return result.invocations().stream().map(ModelInvocation::records).toList();
    }

    private static List<Long> starts(ModelResult result) {
        return result.invocations().stream().map(ModelInvocation::startMs).toList();
    }

    private static List<Integer> range(int from, int toInclusive) {
        return IntStream.rangeClosed(from, toInclusive).boxed().toList();
    }

    @Test
    void partialRemainderIsANewBatchSoTheFailedRecordIsDeliveredFiveTimes() {
        // rule 5.6: BatchSize 3, MaximumRetryAttempts 3, record 6 (index 5) always reported failed.
        ModelConfig config = RBIF.withBatchSize(3).withMaximumRetryAttempts(3);
        Oracle oracle = call -> call.contains(5) ? Outcome.partialRecords(5) : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 9, oracle));

        // [0,1,2] ok; [3,4,5] commits 3,4 (rule 5.5); [5] is a new batch: 1 + 3 retries alone (rule 5.6);
        // then [6,7,8]. Index 5 is delivered 1 + 4 = 5 times.
        assertThat(batches(result)).containsExactly(range(0, 2), range(3, 5), List.of(5), List.of(5), List.of(5),
                List.of(5), range(6, 8));
        assertThat(result.invocations()).extracting(ModelInvocation::attempt).containsExactly(1, 1, 1, 2, 3, 4, 1);
        // the remainder waits the initial back-off (1 s), then its retries wait 1, 2, 4 s (rule 0.2)
        assertThat(starts(result)).containsExactly(0L, 0L, 1_000L, 2_000L, 4_000L, 8_000L, 8_000L);
        assertThat(result.deliveryCount(5)).isEqualTo(5);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RetryAttemptsExhausted, 4, 5, 5, 1, null, 8_000));
        assertThat(result.committed()).containsExactly(0, 1, 2, 3, 4, 6, 7, 8);
        assertThat(result.fates().get(5)).isEqualTo(RecordFate.RETRY_ATTEMPTS_EXHAUSTED);
        assertThat(result.checkpoint()).isEqualTo(8);
    }

    @Test
    void maximumRetryAttemptsOneGivesTwoInvocationsThenOneUnhandledMessage() {
        // rule 1.7, 13.2 and the literal message of 6.6: MaximumRetryAttempts 1, always failing, 500 records
        ModelConfig config = ModelConfig.defaults().withBatchSize(500).withMaximumRetryAttempts(1);

        ModelResult result = model.run(Scenario.of(config, 500, call -> Outcome.EXCEPTION));

        assertThat(batches(result)).containsExactly(range(0, 499), range(0, 499));
        assertThat(starts(result)).containsExactly(0L, 1_000L);
        assertThat(result.deadLetters()).containsExactly(new ModelDeadLetter(
                Condition.RetryAttemptsExhausted, 2, 0, 499, 500, ModelDeadLetter.UNHANDLED, 1_000));
        assertThat(result.committed()).isEmpty();
        assertThat(result.checkpoint()).isEqualTo(499);
    }

    @Test
    void poisonPillAtPosition37Of100IsIsolatedByBisectionAndLandsAlone() {
        // rule 0.1, 4.7. Position 37 = index 36. BatchSize 100, bisect on, MaximumRetryAttempts 3.
        // Failing batches halve, the left half taking ceil(n/2), and the poison is in:
        //   [0..99] 100 -> [0..49] 50 (L) -> [25..49] 25 (R) -> [25..37] 13 (L) -> [32..37] 6 (R)
        //   -> [35..37] 3 (R) -> [35,36] 2 (L) -> [36] 1 (R)
        // 7 failing invocations of batches of size > 1 (100, 50, 25, 13, 6, 3, 2); each split's other half is
        // invoked once and succeeds: 7 more ([50..99], [0..24], [38..49], [25..31], [32..34], [37], [35]);
        // [36] alone is invoked 1 + 3 = 4 times. Total 7 + 7 + 4 = 18.
        ModelConfig config = ModelConfig.defaults().withBisect(true).withMaximumRetryAttempts(3);

        ModelResult result = model.run(Scenario.of(config, 100, poison(36, Outcome.EXCEPTION)));

        assertThat(batches(result)).containsExactly(range(0, 99), range(0, 49), range(0, 24), range(25, 49),
                range(25, 37), range(25, 31), range(32, 37), range(32, 34), range(35, 37), range(35, 36),
                List.of(35), List.of(36), List.of(36), List.of(36), List.of(36), List.of(37), range(38, 49),
                range(50, 99));
        assertThat(result.invocations()).hasSize(18);
        // halves are invoked without delay; only [36]'s retries wait 1, 2, 4 s (rule 0.2)
        assertThat(starts(result).subList(11, 18)).containsExactly(0L, 1_000L, 3_000L, 7_000L, 7_000L, 7_000L, 7_000L);
        assertThat(result.deadLetters()).containsExactly(new ModelDeadLetter(
                Condition.RetryAttemptsExhausted, 4, 36, 36, 1, ModelDeadLetter.UNHANDLED, 7_000));
        assertThat(result.committed()).hasSize(99).doesNotContain(36);
        assertThat(result.checkpoint()).isEqualTo(99);
    }

    @Test
    void poisonPillAtIndex37Of100TakesSixteenInvocations() {
        // the same with index 37 (if "position 37" is read 0-based): the poison is in
        //   100 -> [0..49] 50 -> [25..49] 25 -> [25..37] 13 -> [32..37] 6 -> [35..37] 3 -> [37] 1 (R of 2 + 1)
        // 6 failing splits (100, 50, 25, 13, 6, 3), 6 succeeding other halves, 4 invocations of [37]: 16.
        ModelConfig config = ModelConfig.defaults().withBisect(true).withMaximumRetryAttempts(3);

        ModelResult result = model.run(Scenario.of(config, 100, poison(37, Outcome.EXCEPTION)));

        assertThat(result.invocations()).hasSize(16);
        assertThat(result.invocations().stream().filter(i -> i.records().equals(List.of(37)))).hasSize(4);
        assertThat(result.deadLetters()).extracting(ModelDeadLetter::firstRecord, ModelDeadLetter::batchSize)
                .containsExactly(tuple(37, 1));
    }

    @Test
    void bisectionHappensAlsoWithMaximumRetryAttemptsZero() {
        // rule 0.1: [0..3] fails -> [0,1] fails -> [0] ok, [1] fails once: exhausted; [2,3] ok
        ModelConfig config = ModelConfig.defaults().withBatchSize(4).withBisect(true).withMaximumRetryAttempts(0);

        ModelResult result = model.run(Scenario.of(config, 4, poison(1, Outcome.TIMEOUT)));

        assertThat(batches(result)).containsExactly(range(0, 3), range(0, 1), List.of(0), List.of(1), range(2, 3));
        // a timeout lasts exactly the function timeout (rule 0.4): three of them, 3 s each
        assertThat(starts(result)).containsExactly(0L, 3_000L, 6_000L, 6_000L, 9_000L);
        assertThat(result.deadLetters()).containsExactly(new ModelDeadLetter(
                Condition.RetryAttemptsExhausted, 1, 1, 1, 1, ModelDeadLetter.UNHANDLED, 9_000));
    }

    @Test
    void infiniteRetriesAreEndedByA60sRecordAge() {
        // rule 4.5, 4.6, 0.2, 0.12. Arrival 0, invocations at 0, 1, 3, 7, 15, 31 s (back-off 1, 2, 4, 8, 16 s);
        // the next retry would be at 31 + 32 = 63 s, and 63 s - 0 > 60 s: expired before that attempt.
        ModelConfig config = ModelConfig.defaults().withMaximumRecordAgeInSeconds(60);

        ModelResult result = model.run(Scenario.of(config, 2, poison(0, Outcome.EXCEPTION)));

        assertThat(starts(result)).containsExactly(0L, 1_000L, 3_000L, 7_000L, 15_000L, 31_000L);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RecordAgeExceeded, 6, 0, 1, 2, null, 63_000));
        assertThat(result.committed()).isEmpty();
    }

    @Test
    void infiniteTimeoutsAreEndedByA60sRecordAgeCountingTheTimeoutsOnTheClock() {
        // rule 0.4: each timeout lasts 3 s. Invocations 0-3, 4-7, 9-12, 16-19, 27-30, 46-49 s; the next retry is
        // at 49 + 32 = 81 s > 60 s: expired, after 6 invocations.
        ModelConfig config = ModelConfig.defaults().withMaximumRecordAgeInSeconds(60);

        ModelResult result = model.run(Scenario.of(config, 1, call -> Outcome.TIMEOUT));

        assertThat(starts(result)).containsExactly(0L, 4_000L, 9_000L, 16_000L, 27_000L, 46_000L);
        assertThat(result.invocations()).allSatisfy(i -> assertThat(i.endMs() - i.startMs()).isEqualTo(3_000));
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RecordAgeExceeded, 6, 0, 0, 1, null, 81_000));
    }

    @Test
    void recordTooOldBeforeItsFirstReadNeverReachesTheFunction() {
        // rule 4.6 (1 expired + 5 fresh: DLQ batchSize 1, the function gets exactly the 5), 13.7 (count 1), 0.12
        ModelConfig config = ModelConfig.defaults().withMaximumRecordAgeInSeconds(60);
        // started at 70 s: record 0 (arrival 9.999 s) is 60.001 s old: expired; record 1 is exactly 60 s old: not
        List<Long> arrivals = List.of(9_999L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L);

        ModelResult result = model.run(new Scenario(config, arrivals, 70_000, call -> Outcome.SUCCESS, -1));

        assertThat(batches(result)).containsExactly(range(1, 5));
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RecordAgeExceeded, 1, 0, 0, 1, null, 70_000));
        assertThat(result.deliveryCount(0)).isZero();
        assertThat(result.checkpoint()).isEqualTo(5);
    }

    @Test
    void expiryDuringRetriesDiscardsAsRecordAgeExceededNotRetryAttemptsExhausted() {
        // rule 4.6: MaximumRetryAttempts 10 would allow 11 invocations, but at 63 s the records are too old
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(10).withMaximumRecordAgeInSeconds(60);

        ModelResult result = model.run(Scenario.of(config, 3, call -> Outcome.EXCEPTION));

        assertThat(result.invocations()).hasSize(6);
        assertThat(result.deadLetters()).extracting(ModelDeadLetter::condition, ModelDeadLetter::approximateInvokeCount)
                .containsExactly(tuple(Condition.RecordAgeExceeded, 6));
    }

    @Test
    void expiredPrefixIsDroppedDuringRetriesAndTheRestKeepsItsAttemptCount() {
        // rule 4.6: records 0 (arrival 0) and 1 (arrival 30 s), always failing, MaximumRetryAttempts 10, age 60 s,
        // lane starts at 30 s. Attempts at 30, 31, 33, 37, 45 s; at 45 + 16 = 61 s record 0 is 61 s old: expired
        // alone (count 5); [1] goes on as attempt 6 at 61 s; at 61 + 32 = 93 s record 1 is 63 s old: expired.
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(10).withMaximumRecordAgeInSeconds(60);

        ModelResult result = model.run(
                new Scenario(config, List.of(0L, 30_000L), 30_000, call -> Outcome.EXCEPTION, -1));

        assertThat(starts(result)).containsExactly(30_000L, 31_000L, 33_000L, 37_000L, 45_000L, 61_000L);
        assertThat(result.invocations()).extracting(ModelInvocation::attempt).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RecordAgeExceeded, 5, 0, 0, 1, null, 61_000),
                new ModelDeadLetter(Condition.RecordAgeExceeded, 6, 1, 1, 1, null, 93_000));
    }

    @Test
    void throttlesNeverExhaustRetriesAndNeverBisect() {
        // rule 4.2, 13.10: MaximumRetryAttempts 0 and bisect on; the first three invocations are throttled
        ModelConfig config = ModelConfig.defaults().withBatchSize(4).withBisect(true).withMaximumRetryAttempts(0);
        Oracle oracle = call -> call.invocationNumber() <= 3 ? Outcome.THROTTLE : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 4, oracle));

        assertThat(batches(result)).containsExactly(range(0, 3), range(0, 3), range(0, 3), range(0, 3));
        assertThat(starts(result)).containsExactly(0L, 1_000L, 3_000L, 7_000L);  // rule 0.2 back-off
        assertThat(result.invocations()).extracting(ModelInvocation::attempt).containsOnly(1);
        assertThat(result.deadLetters()).isEmpty();
        assertThat(result.deliveryCount(0)).isEqualTo(1);
    }

    @Test
    void throttledForeverEndsOnlyByRecordAgeWithInvokeCountOne() {
        // rule 4.2, 6.2, 13.7: never reached the function, yet approximateInvokeCount is 1
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(0).withMaximumRecordAgeInSeconds(60);

        ModelResult result = model.run(Scenario.of(config, 2, call -> Outcome.THROTTLE));

        assertThat(starts(result)).containsExactly(0L, 1_000L, 3_000L, 7_000L, 15_000L, 31_000L);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RecordAgeExceeded, 1, 0, 1, 2, null, 63_000));
    }

    @Test
    void backOffDoublesUpToSixtySeconds() {
        // rule 0.2
        assertThat(IntStream.rangeClosed(1, 9).mapToLong(ReferenceModel::backoffMs).boxed().toList())
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    }

    static Stream<Arguments> invalidPartialResponses() {
        return Stream.of(
                Arguments.of("empty string", List.of(new ItemId.EmptyString())),
                Arguments.of("null", List.of(new ItemId.NullValue())),
                Arguments.of("missing key", List.of(new ItemId.MissingKey())),
                Arguments.of("number 123", List.of(new ItemId.NumberValue(123))),
                Arguments.of("record of another batch", List.of(ItemId.record(7))),
                Arguments.of("sequence number no record has", List.of(ItemId.record(1_000))),
                Arguments.of("valid id plus an invalid one", List.of(ItemId.record(2), new ItemId.EmptyString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPartialResponses")
    void invalidItemIdentifierFailsTheWholeBatchWithFunctionErrorNull(String name, List<ItemId> ids) {
        // rule 5.4, 0.6, 13.5: MaximumRetryAttempts 1: two invocations of [0..3], then the whole batch to the DLQ
        ModelConfig config = RBIF.withBatchSize(4).withMaximumRetryAttempts(1);
        Oracle oracle = call -> call.contains(0) ? new Outcome.Partial(ids) : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 8, oracle));

        assertThat(batches(result)).containsExactly(range(0, 3), range(0, 3), range(4, 7));
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RetryAttemptsExhausted, 2, 0, 3, 4, null, 1_000));
        assertThat(result.committed()).containsExactly(4, 5, 6, 7);
    }

    @Test
    void emptyPartialResponseIsASuccess() {
        // rule 5.3
        ModelResult result = model.run(Scenario.of(RBIF.withMaximumRetryAttempts(0), 5, call -> Outcome.partial()));

        assertThat(result.invocations()).hasSize(1);
        assertThat(result.committed()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void partialResponseWithoutReportBatchItemFailuresIsSilentlyASuccess() {
        // rule 5.1, 13.6: data loss, the reported record is committed
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(0);

        ModelResult result = model.run(Scenario.of(config, 5, call -> Outcome.partialRecords(2)));

        assertThat(result.invocations()).hasSize(1);
        assertThat(result.fates()).containsOnly(RecordFate.COMMITTED);
        assertThat(result.deadLetters()).isEmpty();
    }

    @Test
    void lowestReportedRecordIsTheCheckpointAndLaterRecordsAreRedelivered() {
        // rule 5.5: ids 4, 2, 4 (duplicates harmless): commit 0, 1; retry [2..5] though 3 and 5 were fine
        Oracle oracle = call -> call.invocationNumber() == 1 ? Outcome.partialRecords(4, 2, 4) : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(RBIF.withBatchSize(6), 6, oracle));

        assertThat(batches(result)).containsExactly(range(0, 5), range(2, 5));
        assertThat(result.committed()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(result.deliveryCount(3)).isEqualTo(2);
    }

    @Test
    void reportingTheFirstRecordRetriesTheWholeBatchInsteadOfBisectingIt() {
        // rule 5.7: bisected at the returned record, the first: the retry is the whole batch, the attempt counts
        ModelConfig config = RBIF.withBatchSize(4).withBisect(true).withMaximumRetryAttempts(1);
        Oracle oracle = call -> call.contains(0) ? Outcome.partialRecords(0) : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 4, oracle));

        assertThat(batches(result)).containsExactly(range(0, 3), range(0, 3));
        assertThat(starts(result)).containsExactly(0L, 1_000L);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RetryAttemptsExhausted, 2, 0, 3, 4, null, 1_000));
    }

    @Test
    void partialResponseWithBisectOnSplitsAtTheFailedRecordNotTheMiddle() {
        // rule 5.7: [0..7] reports 6: commit 0..5, remainder [6,7] after 1 s; it reports 6, its first record: the
        // whole remainder again after 1 s (attempt 2 of 2), then to the destination, never split at the middle
        ModelConfig config = RBIF.withBatchSize(8).withBisect(true).withMaximumRetryAttempts(1);
        Oracle oracle = call -> call.contains(6) ? Outcome.partialRecords(6) : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 8, oracle));

        assertThat(batches(result)).containsExactly(range(0, 7), range(6, 7), range(6, 7));
        assertThat(starts(result)).containsExactly(0L, 1_000L, 2_000L);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RetryAttemptsExhausted, 2, 6, 7, 2, null, 2_000));
    }

    @Test
    void flakyRecordSucceedsOnItsThirdDeliveryWithinTheRetryBudget() {
        // rule 1.7: MaximumRetryAttempts 2 allows 3 invocations; the oracle sees the delivery count
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(2);
        Oracle oracle = call -> call.deliveryCountAt(0) < 2 ? Outcome.EXCEPTION : Outcome.SUCCESS;

        ModelResult result = model.run(Scenario.of(config, 3, oracle));

        assertThat(result.invocations()).extracting(ModelInvocation::attempt).containsExactly(1, 2, 3);
        assertThat(result.deadLetters()).isEmpty();
        assertThat(result.fates()).containsOnly(RecordFate.COMMITTED);
    }

    @Test
    void nonTerminatingScenarioIsReportedInsteadOfLoopingForever() {
        // rule 4.5: -1/-1 blocks until retention, which the model does not have
        Scenario stuck = Scenario.of(ModelConfig.defaults(), 1, call -> Outcome.EXCEPTION);

        assertThatThrownBy(() -> new ReferenceModel(50).run(stuck))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no end after 50 invocations");
    }

    @Test
    void timelineListsInvocationsAndMessagesInOrder() {
        ModelConfig config = ModelConfig.defaults().withBatchSize(2).withMaximumRetryAttempts(0);

        String timeline = model.run(Scenario.of(config, 4, poison(0, Outcome.EXCEPTION))).timeline();

        assertThat(timeline.lines()).containsExactly(
                "t=0ms #1 [0..1] attempt 1 -> FunctionException[]",
                "t=0ms DLQ RetryAttemptsExhausted [0..1] batchSize 2 approximateInvokeCount 1 functionError Unhandled",
                "t=0ms #2 [2..3] attempt 1 -> Success[]",
                "checkpoint 3");
    }

    @Test
    void arrivalsMustBeNonDecreasing() {
        List<Long> arrivals = new ArrayList<>(Collections.nCopies(3, 5L));
        arrivals.set(2, 4L);

        assertThatThrownBy(() -> new Scenario(ModelConfig.defaults(), arrivals, 5, c -> Outcome.SUCCESS, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-decreasing");
    }

    @Test
    void aChildShardIsReadOnlyAfterTheParentsLastBatchCompleted() {
        // rule 0.10, 11.1: records 0..2 in the parent, BatchSize 1, record 1 fails twice (retried at 1 s, 3 s);
        // the split at 500 ms puts records 3 and 4 in the child, which starts only when record 1 succeeds at 3 s
        ModelConfig config = ModelConfig.defaults().withBatchSize(1);
        Oracle oracle = call -> call.records().equals(List.of(1)) && call.attempt() < 3 ? Outcome.EXCEPTION
                : Outcome.SUCCESS;
        Scenario scenario = new Scenario(config, List.of(0L, 0L, 0L, 500L, 500L), 0, oracle, -1,
                new Change(Change.Kind.SPLIT, 500, 3, false, null));

        ModelResult result = model.run(scenario);

        assertThat(batches(result)).containsExactly(List.of(0), List.of(1), List.of(1), List.of(1), List.of(2),
                List.of(3), List.of(4));
        assertThat(starts(result)).containsExactly(0L, 0L, 1_000L, 3_000L, 3_000L, 3_000L, 3_000L);
        assertThat(result.committed()).containsExactly(0, 1, 2, 3, 4); // per-key order across the split
    }

    @Test
    void anUpdateAppliesToWhatStartsAfterItAndTheRetriedBatchKeepsItsCount() {
        // rule 18.1: MaximumRetryAttempts 5 -> 2 at 1.5 s; attempts at 0 s and 1 s ran under 5, the one at 3 s
        // is the third, the last under 2: exhausted with count 3
        ModelConfig config = ModelConfig.defaults().withMaximumRetryAttempts(5);
        Scenario scenario = new Scenario(config, List.of(0L), 0, call -> Outcome.EXCEPTION, -1,
                new Change(Change.Kind.UPDATE, 1_500, 0, false, config.withMaximumRetryAttempts(2)));

        ModelResult result = model.run(scenario);

        assertThat(starts(result)).containsExactly(0L, 1_000L, 3_000L);
        assertThat(result.deadLetters()).containsExactly(
                new ModelDeadLetter(Condition.RetryAttemptsExhausted, 3, 0, 0, 1, ModelDeadLetter.UNHANDLED, 3_000));
    }
}
