package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stream log at its edges: the maximum record size at the byte, with partition keys of 1, 2, 3 and 4 UTF-8 bytes
 * per character (rule 19.1); routing among the open shards after a split that is not the last shard (rule 11.1); the
 * put lock released by every kind of reshard (rule 19.2); children inheriting the release of committed records; a
 * shard's sequence numbers mapping back to indices only for records written.
 */
class StreamLogEdgesTest {
    private static final int MIB = 1_048_576;
    private static final long T0 = 1_767_225_600_000L;

    private static StreamLog stream(int shards) {
        return new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", shards, T0 / 1000, 86_400_000L);
    }

    private static void assertRecordSize(String key, int keyBytes) {
        StreamLog s = stream(1);
        StreamRecord fits = s.put(key, new byte[MIB - keyBytes], null, T0); // exactly 1 MiB: accepted
        assertThat(fits.dataSize()).isEqualTo(MIB - keyBytes);
        assertThatThrownBy(() -> s.put(key, new byte[MIB - keyBytes + 1], null, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("InvalidArgumentException: the record is " + (MIB + 1) + " bytes (data "
                        + (MIB - keyBytes + 1) + " + partition key " + keyBytes + "), over the stream's maximum "
                        + "record size of " + MIB + " bytes (MaxRecordSizeInKiB 1024); nothing was written");
        assertThat(s.shards().get(0).size()).isEqualTo(1);
    }

    @Test
    void aRecordOfExactlyTheMaximumSizeIsAcceptedAndOneByteMoreIsNotWhateverTheKeysCharacters() { // rule 19.1
        assertRecordSize("k", 1);
        assertRecordSize("\u007f", 1); // the last one-byte character
        assertRecordSize("\u0080", 2); // the first two-byte character
        assertRecordSize("\u07ff", 2);
        assertRecordSize("\u0800", 3); // the first three-byte character
        assertRecordSize("\ud83d\ude00", 4); // a surrogate pair: one code point of four bytes
        assertRecordSize("a\u00e9\u20ac\ud83d\ude00", 1 + 2 + 3 + 4);
    }

    @Test
    void recordsOfOneToEightKibibytesAreKeptWholeOnAFreshShardAndAfterSmallerOnes() { // rule 19.1
        StreamLog s = stream(1);
        int[] sizes = {2_000, 5_000, 10, 8_192, 1_025, 3_000, 8_192, 7};
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            java.util.Arrays.fill(data, (byte) ('a' + i));
            StreamRecord r = s.put("k", data, null, T0);
            assertThat(r.dataBytes()).as("record %d of %d bytes", i, sizes[i]).isEqualTo(data);
        }
        List<StreamRecord> kept = s.shards().get(0).records();
        for (int i = 0; i < sizes.length; i++) {
            assertThat(kept.get(i).dataSize()).isEqualTo(sizes[i]);
            assertThat(kept.get(i).dataBytes()[sizes[i] - 1]).isEqualTo((byte) ('a' + i));
        }
    }

    @Test
    void afterSplittingTheFirstOfTwoShardsPutRoutesByHashKeyAmongTheOpenShardsInRangeOrder() { // rule 11.1
        StreamLog s = stream(2);
        List<ShardLog> children = s.splitShard("shardId-000000000000", T0);
        assertThat(children).extracting(ShardLog::shardId).containsExactly("shardId-000000000002",
                "shardId-000000000003");
        BigInteger top = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        assertThat(s.openShards()).extracting(ShardLog::shardId).containsExactly("shardId-000000000002",
                "shardId-000000000003", "shardId-000000000001"); // in hash key order
        assertThat(s.put("k", new byte[1], "0", T0).shardId()).isEqualTo("shardId-000000000002");
        assertThat(s.put("k", new byte[1], BigInteger.ONE.shiftLeft(126).toString(), T0).shardId())
                .isEqualTo("shardId-000000000003");
        assertThat(s.put("k", new byte[1], top.toString(), T0).shardId()).isEqualTo("shardId-000000000001");
    }

    @Test
    void everyReshardReleasesThePutLockForOtherThreads() throws Exception { // rule 11.1, 19.2
        StreamLog s = stream(2);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            s.mergeShards("shardId-000000000000", "shardId-000000000001", T0);
            Future<StreamRecord> afterMerge = other.submit(() -> s.put("k", new byte[1], null, T0));
            assertThat(afterMerge.get(10, TimeUnit.SECONDS).shardId()).isEqualTo("shardId-000000000002");
            s.updateShardCount(2, T0);
            Future<StreamRecord> afterRescale = other.submit(() -> s.put("k", new byte[1], null, T0));
            assertThat(afterRescale.get(10, TimeUnit.SECONDS).shardId()).isIn("shardId-000000000003",
                    "shardId-000000000004");
            s.splitShard("shardId-000000000003", T0);
            Future<StreamRecord> afterSplit = other.submit(() -> s.put("k", new byte[1], "0", T0));
            assertThat(afterSplit.get(10, TimeUnit.SECONDS).shardId()).isEqualTo("shardId-000000000005");
        } finally {
            other.shutdownNow();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void childrenReleaseCommittedRecordsWhenTheStreamDoes() {
        StreamLog s = stream(1);
        s.releaseCommittedRecords(true);
        ShardLog child = s.splitShard("shardId-000000000000", T0).get(0);
        for (int i = 0; i < 5_000; i++) {
            s.put("k", new byte[1], "0", T0);
        }
        child.addReader(() -> 4_096);
        child.readerAdvanced();
        assertThat(child.firstAvailable()).isEqualTo(4_096);
    }

    @Test
    void sequenceNumbersMapBackToIndicesOnlyForRecordsWrittenToThatShard() { // rule 12.1, 12.2
        StreamLog s = stream(2);
        ShardLog shard = s.shards().get(0);
        for (int i = 0; i < 3; i++) {
            s.put("k", new byte[1], "0", T0);
        }
        assertThat(shard.indexOf(shard.sequenceNumber(2))).isEqualTo(2);
        assertThat(shard.indexOf(shard.sequenceNumber(0))).isZero();
        assertThat(shard.indexOf(shard.sequenceNumber(3))).isEqualTo(-1); // the next one, not written yet
        assertThat(shard.indexOf(s.shards().get(1).sequenceNumber(1))).isEqualTo(-1); // another shard's
        assertThat(shard.indexOf(null)).isEqualTo(-1);
        assertThat(shard.indexOf(shard.sequenceNumber(1).substring(1))).isEqualTo(-1); // too short
        String number = shard.sequenceNumber(1);
        assertThat(shard.indexOf(number.substring(0, 55) + "x")).isEqualTo(-1); // not a number
    }
    private static ExternalStream external() {
        BigInteger top = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        BigInteger half = BigInteger.ONE.shiftLeft(127);
        return new ExternalStream("real", "arn:aws:kinesis:us-east-1:123456789012:stream/real", List.of(
                new ExternalStream.Shard("shardId-000000000000", BigInteger.ZERO, half.subtract(BigInteger.ONE)),
                new ExternalStream.Shard("shardId-000000000001", half, top)), 86_400_000L);
    }

    @Test
    void aRealStreamsRecordsKeepTheirOwnSequenceNumbersAndAreToldToListeners() { // rule 12.1, 12.2
        ExternalStream s = external();
        List<String> told = new java.util.ArrayList<>();
        s.stream().addListener((shard, index, arrivalMillis, key) -> told.add(shard.shardId() + "#" + index + " "
                + (key == null ? null : key.hashKey())));
        String number = "49590338271490256608559692538361571095921575989136588898";
        StreamRecord r = s.append("shardId-000000000001", number, "pk", new byte[] {1}, T0);
        assertThat(r.sequenceNumber()).isEqualTo(number);
        ShardLog shard = s.stream().shard("shardId-000000000001");
        assertThat(shard.get(0)).isEqualTo(r).isNotSameAs(r); // made anew from the store, equal by number
        assertThat(shard.get(0).sequenceNumber()).isEqualTo(number);
        assertThat(shard.get(0).dataBytes()).containsExactly(1);
        assertThat(shard.indexOf(number)).isZero();
        assertThat(shard.sequenceNumber(0)).isEqualTo(number);
        assertThat(shard.indexOf("49590338271490256608559692538361571095921575989136588899")).isEqualTo(-1);
        assertThat(shard.indexOf(null)).isEqualTo(-1);
        assertThat(told).containsExactly("shardId-000000000001#0 " + s.stream().hashKeyOf("pk"));
        assertThatThrownBy(() -> s.append("shardId-000000000009", number, "pk", new byte[1], T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no shard shardId-000000000009 in stream real");
        assertThatThrownBy(() -> s.append("shardId-000000000001", number, "pk", new byte[1], T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shardId-000000000001 already holds sequence number " + number);
    }

    @Test
    void appendingARealStreamsRecordReleasesTheLockForOtherThreads() throws Exception { // rule 19.2
        ExternalStream s = external();
        s.append("shardId-000000000000", "1", "pk", new byte[1], T0);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<StreamRecord> next = other.submit(() -> s.append("shardId-000000000000", "2", "pk",
                    new byte[1], T0));
            assertThat(next.get(10, TimeUnit.SECONDS).sequenceNumber()).isEqualTo("2");
        } finally {
            other.shutdownNow();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
