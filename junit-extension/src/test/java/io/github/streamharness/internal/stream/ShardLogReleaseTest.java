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
 * gone with a clear error, everything after it stays readable at its own index, in both ways the store shrinks, and
 * the committed records are released only in chunks of 4,096.
 */
class ShardLogReleaseTest {
    private static List<StreamRecord> fill(StreamLog stream, int n) {
        List<StreamRecord> put = new ArrayList<>();
        for (int i = 0; i < n; i++) {
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
            assertThat(shard.get(i)).isSameAs(all.get(i));
        }
        if (from > 0) {
            int gone = from - 1;
            assertThatThrownBy(() -> shard.get(gone)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record " + gone + " of shardId-000000000000 is not available (held: " + from + ".."
                            + (all.size() - 1) + ")");
        }
    }

    @Test
    void releasingMoreThanHalfTheStoreCompactsItAndTheRestStaysReadableAsItGrowsAgain() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 300); // a store of 512 slots
        shard.releaseBefore(260); // 40 held: a store of 64
        assertHeldExactly(shard, all, 260);
        all.addAll(fill(stream, 200)); // grows from the compacted store
        assertHeldExactly(shard, all, 260);
        assertThat(shard.size()).isEqualTo(500);
    }

    @Test
    void releasingLessThanHalfTheStoreShiftsItInPlace() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> all = fill(stream, 100);
        shard.releaseBefore(10);
        assertHeldExactly(shard, all, 10);
        shard.releaseBefore(64); // 54 of 128 slots: still less than half
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
