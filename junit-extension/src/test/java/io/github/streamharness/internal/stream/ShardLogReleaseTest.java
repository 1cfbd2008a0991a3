package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shard releasing a prefix of its records (retention, or releaseCommittedRecords in long runs): what is released is
 * gone with a clear error, everything after it stays readable at its own index, whether the release drops whole
 * chunks of the store or stops inside one, and the committed records are released only in steps of 4,096.
 */
class ShardLogReleaseTest {
    private static List<StreamRecord> fill(StreamLog stream, int n) {
        List<StreamRecord> put = new ArrayList<>();
        int at = stream.shards().get(0).size(); // record i says "r<i>" and arrives at T0 + i millis
        for (int i = at; i < at + n; i++) {
            put.add(stream.put("pk", ("r" + i).getBytes(StandardCharsets.UTF_8), null, 1_767_225_600_000L + i));
        }
        return put;
    }

    private static StreamLog oneShard() {
        return new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", 1, 1_767_225_600L, 86_400_000L);
    }

    private static void assertHeldExactly(ShardLog shard, List<StreamRecord> all, int from) {
        assertThat(shard.firstAvailable()).isEqualTo(from);
        assertThat(shard.records()).containsExactlyElementsOf(all.subList(from, all.size()));
        for (int i = from; i < all.size(); i++) {
            StreamRecord made = shard.get(i); // made anew from the columns: equal, with the same key and data
            assertThat(made).isEqualTo(all.get(i));
            assertThat(made.dataAsString()).isEqualTo(all.get(i).dataAsString()).isEqualTo("r" + i);
            assertThat(made.approximateArrivalEpochMillis()).isEqualTo(1_767_225_600_000L + i);
        }
        if (from > 0) {
            int gone = from - 1;
            assertThatThrownBy(() -> shard.get(gone)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record " + gone + " of shardId-000000000000 is not available (held: " + from + ".."
                            + (all.size() - 1) + ")");
        }
    }

    @Test
    void releasingWholeChunksDropsThemAndTheRestStaysReadableAsTheShardGrows() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 300); // chunks of 16, 16, 32, 64, 128, 256 records
        shard.releaseBefore(260); // inside the last chunk: every chunk before it goes
        assertHeldExactly(shard, all, 260);
        all.addAll(fill(stream, 200)); // grows from the compacted store
        assertHeldExactly(shard, all, 260);
        assertThat(shard.size()).isEqualTo(500);
    }

    @Test
    void releasingInsideAChunkKeepsItsLaterRecordsReadable() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 100);
        shard.releaseBefore(10); // inside the first chunk: it stays
        assertHeldExactly(shard, all, 10);
        shard.releaseBefore(64); // exactly at a chunk's start: the three before it go
        assertHeldExactly(shard, all, 64);
        all.addAll(fill(stream, 100));
        assertHeldExactly(shard, all, 64);
    }

    @Test
    void releasingBeforeTheHeldRecordsOrBeyondTheEndIsBounded() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 20);
        shard.releaseBefore(5);
        shard.releaseBefore(5); // nothing more
        shard.releaseBefore(3); // already gone
        assertHeldExactly(shard, all, 5);
        shard.releaseBefore(1_000); // everything, not past the end
        assertThat(shard.firstAvailable()).isEqualTo(20);
        assertThat(shard.records()).isEmpty();
        all.addAll(fill(stream, 3));
        assertHeldExactly(shard, all, 20);
        fill(stream, 9); // to 32, the end of the second chunk
        shard.releaseBefore(32); // everything again, ending on a chunk boundary: no chunk is left
        assertThat(shard.records()).isEmpty();
        assertThat(stream.put("pk", "r32".getBytes(StandardCharsets.UTF_8), null, 1_767_225_600_032L).sequenceNumber())
                .isEqualTo(shard.sequenceNumber(32));
        assertThat(shard.get(32).dataAsString()).isEqualTo("r32");
    }

    @Test
    void aSnapshotOfRecordsStaysReadableAfterTheShardReleasedThem() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 9_000);
        List<StreamRecord> batch = shard.records(4_090, 10); // across the chunk boundary at 4,096
        List<StreamRecord> sparse = shard.records(new int[] {3, 17, 4_100, 8_999});
        shard.releaseBefore(9_000);
        assertThat(batch).containsExactlyElementsOf(all.subList(4_090, 4_100));
        assertThat(batch.get(9).dataAsString()).isEqualTo("r4099");
        assertThat(sparse).containsExactly(all.get(3), all.get(17), all.get(4_100), all.get(8_999));
        assertThat(sparse.get(2).dataAsString()).isEqualTo("r4100");
        assertThatThrownBy(() -> shard.get(8_999)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void committedRecordsAreReleasedOnlyOnceEveryReaderIsAChunkOfFourThousandNinetySixPastThem() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 10_000);
        int[] needed = {4_095, 9_000};
        shard.addReader(() -> needed[0]);
        shard.addReader(() -> needed[1]);
        shard.readerAdvanced();
        assertThat(shard.firstAvailable()).isZero(); // release is off by default
        shard.releaseCommittedRecords(true);
        shard.readerAdvanced();
        assertThat(shard.firstAvailable()).isZero(); // the slower reader is 4,095 records on: not a chunk yet
        needed[0] = 4_096;
        shard.readerAdvanced();
        assertHeldExactly(shard, all, 4_096);
        needed[0] = 8_191;
        shard.readerAdvanced();
        assertThat(shard.firstAvailable()).isEqualTo(4_096);
        needed[0] = 9_500;
        shard.readerAdvanced(); // the other reader is the slower one now
        assertHeldExactly(shard, all, 9_000);
    }

    @Test
    void aShardWithoutReadersReleasesNothing() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        fill(stream, 5_000);
        shard.releaseCommittedRecords(true);
        shard.readerAdvanced();
        assertThat(shard.firstAvailable()).isZero();
    }
}
