package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.HandWrittenLogs;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamRecord;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DeadLetterQueueAssert on real scenarios: poison pill with bisection, record age, a clean run (section 4, 6). */
class DeadLetterQueueAssertTest {
    private static final String POISON_3 = "shardId-000000000000/4900...000003 pk=user-3 data={not json";
    private static final String RECORD_4 = "shardId-000000000000/4900...000004 pk=user-4 data={\"id\":4}";

    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();
    private final DeadLetterQueue dlq = poison.stream().deadLetterQueue();

    @Test
    void containsOnlyPassesWhenBisectionIsolatedThePoisonRecord() { // rule 4.7, 0.1
        assertThat(dlq).containsOnly(poison.record(3));
        assertThat(poison.stream()).deadLetterQueue().containsOnly(poison.record(3));
    }

    @Test
    void containsOnlyFailureListsMissingAndUnexpectedRecordsInAssertJLayout() {
        assertThatThrownBy(() -> assertThat(poison.stream()).deadLetterQueue().containsOnly(poison.record(4)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(String.format("Expecting the records sent to the on-failure destination "
                        + "arn:aws:sqs:us-east-1:123456789012:orders-dlq:%n"
                        + "  [" + POISON_3 + "]%n"
                        + "to contain only:%n"
                        + "  [" + RECORD_4 + "]%n"
                        + "but could not find these records:%n"
                        + "  [" + RECORD_4 + "]%n"
                        + "and these records were unexpected:%n"
                        + "  [" + POISON_3 + "]%n%n"
                        + "timeline of orders-fn (9 invocation(s)):"));
    }

    @Test
    void failureReachedFromTheHarnessEndsWithTheTimelineOfTheShard() {
        assertThatThrownBy(() -> assertThat(poison.stream()).deadLetterQueue().isEmpty())
                .hasMessageContaining("BISECT     batch of 10")
                .hasMessageContaining("#7    [...000003] (1 record) attempt 3 -> ERROR")
                .hasMessageContaining("ON_FAILURE 1 record(s) [...000003] (1 record) sent to "
                        + "arn:aws:sqs:us-east-1:123456789012:orders-dlq as RetryAttemptsExhausted")
                .hasMessageEndingWith("CHECKPOINT checkpoint -> ...000009");
    }

    @Test
    void aQueueOfAMappingEndsFailuresWithTheMappingsTimeline() {
        assertThatThrownBy(() -> assertThat(dlq).containsOnly(poison.record(4)))
                .hasMessageContaining("timeline of orders-fn (9 invocation(s)):")
                .hasMessageContaining("ON_FAILURE 1 record(s) [...000003]");
    }

    @Test
    void aQueueWithoutMappingListsTheMessagesInsteadOfATimeline() {
        DeadLetterQueue standalone = HandWrittenLogs.queueWith(dlq.messages());
        assertThatThrownBy(() -> assertThat(standalone).containsOnly(poison.record(4)))
                .hasMessageNotContaining("timeline of")
                .hasMessageEndingWith("Messages the destination received (1):\n"
                        + "  RetryAttemptsExhausted shardId-000000000000 [...000003] (1 record) "
                        + "approximateInvokeCount=3 functionError=Unhandled at 00:00:03.000");
    }

    @Test
    void bareQueueWithTimelineOfItsMappingEndsWithTheTimeline() {
        assertThatThrownBy(() -> assertThat(dlq).withTimelineOf(poison.stream().invocations()).isEmpty())
                .hasMessageContaining("timeline of orders-fn (9 invocation(s)):")
                .hasMessageNotContaining("Messages the destination received");
    }

    @Test
    void longTimelinesAreElidedInTheMiddleNotCut() {
        assertThatThrownBy(() -> assertThat(poison.stream()).deadLetterQueue().withTimelineLines(6).isEmpty())
                .hasMessageContaining("#1    [...000000.....000009] (10 records)")
                .hasMessageContaining("line(s) elided")
                .hasMessageEndingWith("CHECKPOINT checkpoint -> ...000009");
    }

    @Test
    void recordsAreMatchedByShardAndSequenceNumberOnly() { // rule 12.2
        StreamRecord p = poison.record(3);
        StreamRecord sameIdentityOtherData = new StreamRecord(p.shardId(), p.sequenceNumber(), "other-key",
                new byte[] {1, 2}, 0L);
        assertThat(dlq).containsOnly(sameIdentityOtherData).contains(sameIdentityOtherData);
        StreamRecord otherShard = new StreamRecord("shardId-000000000001", p.sequenceNumber(), p.partitionKey(),
                p.dataBytes(), p.approximateArrivalTimestamp());
        assertThat(dlq).doesNotContain(otherShard);
    }

    @Test
    void containsExactlyChecksMessageOrder() {
        Scenarios.Run two = Scenarios.poisonPillWithBisection(3, 7);
        DeadLetterQueue queue = two.stream().deadLetterQueue();
        assertThat(queue).containsExactly(two.record(3), two.record(7));
        assertThatThrownBy(() -> assertThat(queue).containsExactly(two.record(7), two.record(3)))
                .hasMessageContaining("to contain exactly (and in this order):")
                .hasMessageContaining(String.format("but the order differs from index 0 on: expected%n"
                        + "  shardId-000000000000/4900...000007 pk=user-7 data={not json%n"
                        + "but found%n  shardId-000000000000/4900...000003 pk=user-3 data={not json"));
    }

    @Test
    void containsExactlyFailureNamesMissingRecords() {
        assertThatThrownBy(() -> assertThat(dlq).containsExactly(poison.record(3), poison.record(4)))
                .hasMessageContaining(String.format("but could not find these records:%n  [" + RECORD_4 + "]"))
                .hasMessageNotContaining("order differs");
    }

    @Test
    void containsPassesForASubsetAndFailsNamingTheMissingRecord() {
        assertThat(dlq).contains(poison.record(3));
        assertThatThrownBy(() -> assertThat(dlq).contains(poison.record(3), poison.record(4)))
                .hasMessageContaining(String.format("to contain:%n  [" + POISON_3 + ",%n    " + RECORD_4 + "]"))
                .hasMessageContaining(String.format("but could not find these records:%n  [" + RECORD_4 + "]"));
    }

    @Test
    void doesNotContainPassesForGoodRecordsAndFailsNamingTheMessageThatCoversTheRecord() {
        assertThat(dlq).doesNotContain(poison.record(0), poison.record(4), poison.record(9));
        assertThatThrownBy(() -> assertThat(dlq).doesNotContain(poison.record(4), poison.record(3)))
                .hasMessageContaining("not to contain:")
                .hasMessageContaining(String.format("but these messages cover some of them:%n"
                        + "  [RetryAttemptsExhausted shardId-000000000000 [...000003] (1 record) "
                        + "approximateInvokeCount=3 functionError=Unhandled at 00:00:03.000]"));
    }

    @Test
    void isEmptyPassesForACleanRunAndFailsListingWhatWasSent() {
        assertThat(Scenarios.allGood().stream()).deadLetterQueue().isEmpty();
        assertThatThrownBy(() -> assertThat(dlq).isEmpty())
                .hasMessageStartingWith(String.format("Expecting the on-failure destination "
                        + "arn:aws:sqs:us-east-1:123456789012:orders-dlq to have received no message, but it "
                        + "received 1:%n  [RetryAttemptsExhausted shardId-000000000000 [...000003] (1 record)"));
    }

    @Test
    void isNotEmptyPassesAfterAPoisonPillAndFailsForACleanRun() {
        assertThat(dlq).isNotEmpty();
        Scenarios.Run clean = Scenarios.allGood();
        assertThatThrownBy(() -> assertThat(clean.stream()).deadLetterQueue().isNotEmpty())
                .hasMessageStartingWith("Expecting the on-failure destination "
                        + "arn:aws:sqs:us-east-1:123456789012:orders-dlq to have received a message, but it received "
                        + "none")
                .hasMessageContaining("timeline of orders-fn (3 invocation(s))");
    }

    @Test
    void hasMessageCountCountsMessagesNotRecords() { // rule 6.1: one message per discarded batch
        Scenarios.Run two = Scenarios.poisonPillWithBisection(3, 7);
        assertThat(two.stream()).deadLetterQueue().hasMessageCount(2);
        assertThatThrownBy(() -> assertThat(two.stream()).deadLetterQueue().hasMessageCount(1))
                .hasMessageStartingWith("Expecting the on-failure destination "
                        + "arn:aws:sqs:us-east-1:123456789012:orders-dlq to have received 1 message(s) but it "
                        + "received 2:");
    }

    @Test
    void allMessagesChecksEveryMessageAgainstTheCondition() { // rule 6.2: approximateInvokeCount
        Condition<DeadLetter> invokedThrice = new Condition<>(m -> m.approximateInvokeCount() == 3,
                "invoked 3 times");
        Condition<DeadLetter> invokedOnce = new Condition<>(m -> m.approximateInvokeCount() == 1, "invoked once");
        assertThat(dlq).allMessages(invokedThrice);
        assertThatThrownBy(() -> assertThat(dlq).allMessages(invokedOnce))
                .hasMessageContaining(String.format("to be:%n  invoked once%nbut these messages were not:%n"
                        + "  [RetryAttemptsExhausted shardId-000000000000 [...000003] (1 record) "
                        + "approximateInvokeCount=3"));
    }

    @Test
    void hasOnlyConditionRetryAttemptsExhaustedAfterRetries() { // rule 4.4
        assertThat(dlq).hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted);
        assertThatThrownBy(() -> assertThat(dlq).hasOnlyCondition(OnFailureCondition.RecordAgeExceeded))
                .hasMessageContaining("to have condition RecordAgeExceeded but these messages have another "
                        + "condition:");
    }

    @Test
    void hasOnlyConditionRecordAgeExceededForATooOldRecord() { // rule 4.6
        Scenarios.Run old = Scenarios.recordTooOld();
        assertThat(old.stream()).deadLetterQueue().hasOnlyCondition(OnFailureCondition.RecordAgeExceeded)
                .containsOnly(old.record(0));
        assertThatThrownBy(() -> assertThat(old.stream()).deadLetterQueue()
                .hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted))
                .hasMessageContaining("[RecordAgeExceeded shardId-000000000000 [...000000] (1 record) "
                        + "approximateInvokeCount=1 at 00:01:01.000]");
    }

    @Test
    void hasOnlyConditionFailsOnAnEmptyQueue() {
        assertThatThrownBy(() -> assertThat(Scenarios.allGood().stream()).deadLetterQueue()
                .hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted))
                .hasMessageContaining("to have condition RetryAttemptsExhausted but it received no message");
    }

    @Test
    void nullQueueFailsWithAssertJsOwnMessage() {
        assertThatThrownBy(() -> assertThat((DeadLetterQueue) null).isEmpty())
                .hasMessageContaining("Expecting actual not to be null");
    }
}
