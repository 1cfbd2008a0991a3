package io.github.streamharness.internal.mapping;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.ShardRecords;
import io.github.streamharness.internal.stream.StreamLog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a lane reads its batch from the shard: as an immutable list over the shard's chunks, with no object kept per
 * record, that the invocation log keeps as it is and that stays readable after the shard released its records.
 */
class PendingRecordsTest {
    private static final long T0 = 1_767_225_600_000L;

    @Test
    void aBatchIsTheLanesFirstRecordsInShardOrderWhetherTheyLieInARowOrApart() { // rule 3.1
        StreamLog stream = new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", 1, 1_767_225_600L,
                86_400_000L);
        List<StreamRecord> put = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            put.add(stream.put("pk-" + i % 3, ("r" + i).getBytes(StandardCharsets.UTF_8), null, T0 + i));
        }
        ShardLog shard = stream.shards().get(0);
        ShardReader reader = new ShardReader(shard, 0);
        PendingRecords inARow = new PendingRecords(reader); // one lane: every record of the shard
        for (int i = 0; i < 20; i++) {
            inARow.add(i);
        }
        assertThat(inARow.first(5)).isInstanceOf(ShardRecords.class).containsExactlyElementsOf(put.subList(0, 5));
        assertThat(inARow.first(0)).isEmpty();
        assertThat(inARow.arrivalMillis(3)).isEqualTo(T0 + 3);

        PendingRecords lane = new PendingRecords(reader); // the lane of key pk-2: its records lie apart
        for (int i = 2; i < 40; i += 3) {
            reader.pending(i);
            lane.add(i);
        }
        assertThat(lane.first(4)).isInstanceOf(ShardRecords.class)
                .containsExactly(put.get(2), put.get(5), put.get(8), put.get(11))
                .extracting(StreamRecord::dataAsString).containsExactly("r2", "r5", "r8", "r11");
        assertThat(lane.record(1).partitionKey()).isEqualTo("pk-2");
        lane.finish(2, io.github.streamharness.RecordState.COMMITTED);
        assertThat(lane.first(2)).containsExactly(put.get(8), put.get(11));
    }

    @Test
    void finishingABatchCountsItOnceAndARecordFinishedTwiceFailsLoudlyWithTheCountsStillExact() {
        StreamLog stream = new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", 1, 1_767_225_600L,
                86_400_000L);
        for (int i = 0; i < 6; i++) {
            stream.put("pk", new byte[1], null, T0);
        }
        ShardReader reader = new ShardReader(stream.shards().get(0), 0);
        PendingRecords lane = new PendingRecords(reader);
        PendingRecords buggy = new PendingRecords(reader); // a second queue holding record 3 too: a harness bug
        for (int i = 0; i < 6; i++) {
            reader.pending(i);
            lane.add(i);
        }
        buggy.add(2 + 3);
        buggy.add(3);
        lane.finish(4, io.github.streamharness.RecordState.COMMITTED);
        assertThat(reader.count()).isEqualTo(reader.recount());
        assertThat(reader.count()[io.github.streamharness.RecordState.COMMITTED.ordinal()]).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> buggy.finish(2, io.github.streamharness.RecordState.SENT_TO_DESTINATION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ledger: shardId-000000000000 record 3 is already COMMITTED, cannot become "
                        + "SENT_TO_DESTINATION (a harness bug: please report it)");
        assertThat(reader.count()).isEqualTo(reader.recount()); // record 5 moved before the failure, and is counted
        assertThat(reader.count()[io.github.streamharness.RecordState.PENDING.ordinal()]).isEqualTo(1);
    }

    @Test
    void anInvocationKeepsItsBatchAsItIsAndItStaysReadableAfterTheShardReleasedIt() {
        List<Integer> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(100).build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    seen.add(e.getRecords().size());
                    return null;
                })
                .releaseCommittedRecords(true).build();
        List<StreamRecord> put = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // past the first 4,096: the shard releases them
            put.add(h.put("pk-" + i % 7, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        h.runUntilIdle();

        assertThat(h.shard(0).records().size()).isLessThan(5_000); // released
        Invocation first = h.invocations().all().get(0);
        assertThat(first.records()).isInstanceOf(ShardRecords.class); // the lane's list, not a copy of 100 records
        assertThat(first.records()).containsExactlyElementsOf(put.subList(0, 100));
        assertThat(first.records().get(99).dataAsString()).isEqualTo("{\"n\":99}");
        assertThat(first.firstSequenceNumber()).isEqualTo(put.get(0).sequenceNumber());
        assertThat(seen).hasSize(50).containsOnly(100);
    }
}
