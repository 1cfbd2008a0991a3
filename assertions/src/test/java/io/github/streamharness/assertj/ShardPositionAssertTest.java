package io.github.streamharness.assertj;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.HandWrittenLogs;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.streamharness.assertj.Scenarios.SHARD_0;
import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Position assertions: checkpoint, iterator, caught up, blocked, iterator age (rule 3.3, 5.5, 10.1). */
class ShardPositionAssertTest {
    private static final String RECORD_1 = "shardId-000000000000/4900...000001 pk=user-1 data={\"id\":1}";
    private static final String POISON_2 = "shardId-000000000000/4900...000002 pk=user-2 data={not json";

    /** [0,1] done, [2,3] retried for 30 s because record 2 is not JSON. */
    private final Scenarios.Run blocked = Scenarios.blockedShard();
    private final Scenarios.Run clean = Scenarios.allGood();

    @Test
    void aBlockedShardReadsFluently() { // rule 3.3
        assertThat(blocked.stream()).shard(SHARD_0).hasCheckpointAt(blocked.record(1)).hasIteratorAt(blocked.record(2))
                .isBlockedAt(blocked.record(2)).isNotCaughtUp().hasIteratorAgeAtMost(Duration.ofSeconds(30));
        assertThat(clean.stream()).shard(0).hasCheckpointAt(clean.record(4)).isCaughtUp().isNotBlocked()
                .hasIteratorAgeAtMost(Duration.ZERO);
    }

    @Test
    void hasCheckpointAtFailureShowsWhereTheCheckpointIsAndTheTimeline() {
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).hasCheckpointAt(blocked.record(3)))
                .hasMessageStartingWith(String.format("Expecting the checkpoint of orders-fn in shardId-000000000000 "
                        + "to be at:%n  shardId-000000000000/4900...000003 pk=user-3 data={\"id\":3}%n"
                        + "but it was at:%n  " + RECORD_1 + "%n%ntimeline of orders-fn (6 invocation(s)):"))
                .hasMessageContaining("RETRY      attempt 5 (retries until the records expire) failed");
    }

    @Test
    void hasCheckpointAtFailsWhenNothingIsDoneYet() {
        StreamHarness stream = StreamHarness.builder().handler(Scenarios.parsesJson()).build();
        StreamRecord r = stream.put("user-0", "{}");
        assertThat(stream).shard(SHARD_0).hasNoCheckpoint();
        assertThatThrownBy(() -> assertThat(stream).shard(SHARD_0).hasCheckpointAt(r))
                .hasMessageContaining("but there is no checkpoint: no record of the shard is done yet")
                .hasMessageContaining("(nothing happened: no invocation, no event)");
    }

    @Test
    void hasNoCheckpointFailsOnceARecordIsDone() {
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).hasNoCheckpoint())
                .hasMessageStartingWith(String.format("Expecting the checkpoint of orders-fn in shardId-000000000000 "
                        + "to be absent (no record done yet)%nbut it was at:%n  " + RECORD_1));
    }

    @Test
    void hasCheckpointAtSaysWhenTheExpectedRecordIsInAnotherShard() {
        StreamRecord elsewhere = HandWrittenLogs.record("shardId-000000000001", 1, "user-1", new byte[] {'x'});
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).hasCheckpointAt(elsewhere))
                .hasMessageContaining("(the expected record is in shardId-000000000001, not in shardId-000000000000)");
    }

    @Test
    void hasIteratorAtFailureWhenTheIteratorIsElsewhereOrCaughtUp() {
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).hasIteratorAt(blocked.record(3)))
                .hasMessageStartingWith(String.format("Expecting the iterator of orders-fn in shardId-000000000000 to "
                        + "be at (next record to deliver):%n  shardId-000000000000/4900...000003 pk=user-3 "
                        + "data={\"id\":3}%nbut it was at:%n  " + POISON_2));
        assertThatThrownBy(() -> assertThat(clean.stream()).shard(SHARD_0).hasIteratorAt(clean.record(4)))
                .hasMessageContaining("but it is caught up: every record written so far is done");
    }

    @Test
    void isCaughtUpFailureCountsPendingRecordsAndTheirWait() {
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).isCaughtUp())
                .hasMessageStartingWith(String.format("Expecting orders-fn in shardId-000000000000 to be caught up%n"
                        + "but 3 record(s) are not done yet, from:%n  " + POISON_2 + "%n"
                        + "which has waited 30s (the shard is blocked by a failing batch, rule 3.3)"));
    }

    @Test
    void isNotCaughtUpFailsWhenEverythingIsDone() {
        assertThatThrownBy(() -> assertThat(clean.stream()).shard(SHARD_0).isNotCaughtUp())
                .hasMessageStartingWith(String.format("Expecting orders-fn in shardId-000000000000 to have records "
                        + "left to process%nbut it is caught up, checkpoint at:%n  "
                        + "shardId-000000000000/4900...000004 pk=user-4 data={\"id\":4}"));
    }

    @Test
    void isBlockedAtFailsWhenNothingIsRetriedOrAnotherBatchIs() {
        assertThatThrownBy(() -> assertThat(clean.stream()).shard(SHARD_0).isBlockedAt(clean.record(2)))
                .hasMessageContaining("but it is not blocked (no batch is being retried)");
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).isBlockedAt(blocked.record(3)))
                .hasMessageContaining(String.format("but the failing batch starts at:%n  " + POISON_2));
    }

    @Test
    void isNotBlockedFailureNamesTheBatchBeingRetried() { // rule 3.3
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0).isNotBlocked())
                .hasMessageStartingWith(String.format("Expecting orders-fn in shardId-000000000000 not to be blocked%n"
                        + "but a failing batch that starts at:%n  " + POISON_2 + "%n"
                        + "is being retried, and no later record is delivered meanwhile (rule 3.3)"));
    }

    @Test
    void hasIteratorAgeAtMostFailureShowsTheAgeAndTheOldestRecord() { // rule 10.1
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0)
                .hasIteratorAgeAtMost(Duration.ofSeconds(10)))
                .hasMessageStartingWith(String.format("Expecting the iterator age of orders-fn in "
                        + "shardId-000000000000 to be at most:%n  10s%nbut was:%n  30s%n"
                        + "for the oldest record not done:%n  " + POISON_2));
    }

    @Test
    void hasIteratorAgeAtLeastPassesForAStalledShardAndFailsForOneThatKeepsUp() { // rule 10.1
        assertThat(blocked.stream()).shard(SHARD_0).hasIteratorAgeAtLeast(Duration.ofSeconds(30));
        assertThatThrownBy(() -> assertThat(blocked.stream()).shard(SHARD_0)
                .hasIteratorAgeAtLeast(Duration.ofMinutes(45)))
                .hasMessageStartingWith(String.format("Expecting the iterator age of orders-fn in "
                        + "shardId-000000000000 to be at least:%n  45m 0s%nbut was:%n  30s%n"
                        + "for the oldest record not done:%n  " + POISON_2));
    }

    @Test
    void bareSnapshotFailureShowsThePositionItself() {
        var position = blocked.stream().position(SHARD_0);
        assertThat(position).hasCheckpointAt(blocked.record(1));
        assertThatThrownBy(() -> assertThat(position).isNotBlocked())
                .hasMessageStartingWith("Expecting shardId-000000000000 not to be blocked")
                .hasMessageNotContaining("timeline of")
                .hasMessageEndingWith("Position: shardId-000000000000 checkpoint=4900...000001 next=4900...000002 "
                        + "blockedAt=4900...000002 pending=3 iteratorAge=30s");
        assertThatThrownBy(() -> assertThat(position).withTimelineOf(blocked.stream().invocations()).isNotBlocked())
                .hasMessageStartingWith("Expecting orders-fn in shardId-000000000000 not to be blocked")
                .hasMessageContaining("timeline of orders-fn");
    }

    @Test
    void theMappingOfAHarnessWithSeveralMappingsIsReachedByName() { // rule 3.4
        StreamHarness stream = StreamHarness.builder().build();
        StreamRecord r = stream.put("user-0", "{not json");
        stream.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                Scenarios.parsesJson(), FunctionSettings.named("strict"));
        stream.addMapping(EventSourceMappingConfig.builder().build(),
                (com.amazonaws.services.lambda.runtime.RequestHandler<
                        com.amazonaws.services.lambda.runtime.events.KinesisEvent, Void>) (e, c) -> null, FunctionSettings.named("lenient"));
        stream.runUntilIdle();
        assertThat(stream).mapping("strict").shard(SHARD_0).hasCheckpointAt(r).isCaughtUp();
        assertThat(stream).mapping("strict").invocations().deliveredExactlyOnce(r);
        assertThatThrownBy(() -> assertThat(stream).mapping("lenient").shard(SHARD_0).hasNoCheckpoint())
                .hasMessageStartingWith("Expecting the checkpoint of lenient in shardId-000000000000")
                .hasMessageContaining("timeline of lenient (1 invocation(s))")
                .hasMessageNotContaining("timeline of strict");
    }
}
