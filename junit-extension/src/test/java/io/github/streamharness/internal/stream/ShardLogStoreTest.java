package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shard's columnar store: a record read back is made from its chunk's columns and equals the one the put returned
 * (rule 12.2), with the same key, data, arrival time and sequence number, across chunk and block boundaries, for data
 * in a shared block or in an array of its own, for a producer of unique keys, and for a real stream's numbers.
 */
class ShardLogStoreTest {
    private static final long T0 = 1_767_225_600_000L;

    private static StreamLog oneShard() {
        return new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", 1, 1_767_225_600L, 86_400_000L);
    }

    /** Record i's data: mostly small, now and then exactly the own-array limit, just above it, and far above. */
    private static byte[] data(int i) {
        int[] large = {8_192, 8_193, 20_000};
        byte[] bytes = new byte[i % 100 < large.length ? large[i % 100] : i % 50];
        Arrays.fill(bytes, (byte) ('a' + i % 26));
        if (bytes.length > 0) {
            bytes[0] = (byte) i;
        }
        return bytes;
    }

    @Test
    void chunksCoverEveryIndexOnceAndInOrderSmallFirst() {
        int previous = -1;
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < 3 * Chunk.SIZE + 5; i++) {
            int n = Chunk.number(i);
            if (n < previous || n > previous + 1 || Chunk.start(n) > i || Chunk.start(n + 1) <= i) {
                wrong.add(i);
            }
            previous = n;
        }
        assertThat(wrong).as("indices outside their chunk").isEmpty();
        assertThat(new int[] {Chunk.start(1), Chunk.start(2), Chunk.start(8), Chunk.start(9), Chunk.start(10)})
                .containsExactly(16, 32, 2_048, 4_096, 8_192); // 16, 16, 32, ..., 2048, then 4,096 a chunk
    }

    @Test
    void recordsReadBackEqualTheirPutsWithTheirKeyDataArrivalAndNumber() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        List<StreamRecord> put = new ArrayList<>();
        for (int i = 0; i < 4_200; i++) {
            put.add(stream.put("device-" + i % 7, data(i), null, T0 + i / 3));
        }
        byte[] caller = {1, 2, 3};
        StreamRecord last = stream.put("pk", caller, null, T0);
        caller[0] = 9; // the put copied the caller's bytes
        assertThat(shard.get(4_200).dataBytes()).containsExactly(1, 2, 3);
        assertThat(last.dataBytes()).containsExactly(1, 2, 3);
        List<String> wrong = new ArrayList<>(); // one assertion over every record: fast, and it names each miss
        for (int i = 0; i < 4_200; i++) {
            StreamRecord r = shard.get(i);
            StreamRecord p = put.get(i);
            String number = r.sequenceNumber();
            byte[] expected = data(i);
            String counter = Long.toString(i);
            boolean same = r.equals(p) && r.hashCode() == p.hashCode()
                    && r.partitionKey().equals("device-" + i % 7) && r.partitionKey().equals(shard.partitionKey(i))
                    && Arrays.equals(r.dataBytes(), expected) && Arrays.equals(p.dataBytes(), expected)
                    && r.dataSize() == shard.dataSize(i)
                    && r.approximateArrivalEpochMillis() == T0 + i / 3 && shard.arrivalMillis(i) == T0 + i / 3
                    && number.equals(p.sequenceNumber()) && number.equals(shard.sequenceNumber(i))
                    && number.length() == 56 && number.endsWith("0".repeat(18 - counter.length()) + counter)
                    && shard.indexOf(number) == i
                    && r.eventId().equals("shardId-000000000000:" + number); // rule 7.2
            if (!same) {
                wrong.add(i + ": " + r + " put as " + p);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(shard.maxDataBytes()).isEqualTo(20_000);
        assertThat(shard.maxPartitionKeyChars()).isEqualTo(8);
        assertThat(shard.records()).hasSize(4_201).containsExactlyElementsOf(shard.records(0, 4_201));
    }

    @Test
    void aProducerOfUniqueKeysGetsEveryKeyBackPastTheKeyTablesLimit() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        int n = KeyTable.LIMIT + 2 * Chunk.SIZE;
        for (int i = 0; i < n; i++) {
            stream.put("user-" + i, new byte[0], null, T0);
        }
        for (int i = 0; i < n; i += 97) {
            assertThat(shard.get(i).partitionKey()).isEqualTo("user-" + i);
        }
        assertThat(shard.get(n - 1).partitionKey()).isEqualTo("user-" + (n - 1));
    }

    @Test
    void keysWithTheSameHashGetTheirOwnIds() {
        KeyTable keys = new KeyTable();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        int aa = keys.idOf("Aa");
        int bb = keys.idOf("BB");
        assertThat(aa).isNotEqualTo(bb);
        assertThat(keys.idOf(new String("Aa".toCharArray()))).isEqualTo(aa); // equal, not the same instance
        for (int i = 0; i < 1_000; i++) {
            assertThat(keys.key(keys.idOf("k" + i))).isEqualTo("k" + i);
        }
        assertThat(keys.size()).isEqualTo(1_002);
        assertThat(keys.key(bb)).isEqualTo("BB");
    }

    @Test
    void anArrivalTimeIsKeptWholeWhateverItsHalves() {
        // a chunk keeps each arrival time as two ints of its row: the low half's sign bit, the high half's, zero
        long[] arrivals = {T0, 0x0000_01FF_8000_0000L, 0x0000_01FF_7FFF_FFFFL, 0x0000_0200_FFFF_FFFFL, 0L, -1L,
                Long.MIN_VALUE, Long.MAX_VALUE};
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        for (long at : arrivals) {
            stream.put("pk", new byte[] {1}, null, at);
        }
        for (int i = 0; i < arrivals.length; i++) {
            assertThat(shard.arrivalMillis(i)).as("record %d", i).isEqualTo(arrivals[i]);
            assertThat(shard.get(i).approximateArrivalEpochMillis()).as("record %d", i).isEqualTo(arrivals[i]);
            assertThat(shard.records(i, 1).arrivalMillis(0)).as("record %d", i).isEqualTo(arrivals[i]);
        }
    }

    @Test
    void aBatchOfRecordsHoldsOnlyWhatItWasGivenAndRefusesIndicesOutOfOrderOrNotHeld() {
        StreamLog stream = oneShard();
        ShardLog shard = stream.shards().get(0);
        for (int i = 0; i < 50; i++) {
            stream.put("pk", ("r" + i).getBytes(StandardCharsets.UTF_8), null, T0 + i);
        }
        ShardRecords sparse = shard.records(new int[] {2, 5, 40});
        assertThat(sparse).extracting(StreamRecord::dataAsString).containsExactly("r2", "r5", "r40");
        assertThat(sparse.index(2)).isEqualTo(40);
        assertThat(sparse.arrivalMillis(1)).isEqualTo(T0 + 5);
        assertThat(sparse.dataSize(2)).isEqualTo(3);
        assertThat(sparse.partitionKey(0)).isEqualTo("pk");
        assertThat(sparse.dataBytes(1)).isEqualTo("r5".getBytes(StandardCharsets.UTF_8));
        assertThat(sparse.shardId()).isEqualTo("shardId-000000000000");
        assertThat(sparse.sequenceNumber(2)).isEqualTo(shard.sequenceNumber(40));
        assertThatThrownBy(() -> sparse.get(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 3 of 3 records");
        assertThatThrownBy(() -> sparse.add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(shard.records(new int[] {7, 8, 9})).containsExactlyElementsOf(shard.records(7, 3));
        assertThat(shard.records(new int[0])).isEmpty();
        assertThatThrownBy(() -> shard.records(new int[] {5, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indices must ascend: 5 then 2");
        assertThatThrownBy(() -> shard.records(45, 10)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("record 54 of shardId-000000000000 is not available (held: 0..49)");
    }

    @Test
    void aRealStreamsRecordsKeepTheirNumbersInTheStore() { // rule 12.1
        ExternalStream s = new ExternalStream("real", "arn:aws:kinesis:us-east-1:123456789012:stream/real",
                List.of(new ExternalStream.Shard("shardId-000000000000", java.math.BigInteger.ZERO,
                        HashKeys.SPACE.subtract(java.math.BigInteger.ONE))), 86_400_000L);
        ShardLog shard = s.stream().shards().get(0);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String number = "4959033827149025660855969253836157109592157598913658" + (1_000 + i * 7);
            numbers.add(number);
            s.append("shardId-000000000000", number, "pk-" + i, data(i), T0 + i);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(shard.get(i).sequenceNumber()).isEqualTo(numbers.get(i)).isEqualTo(shard.sequenceNumber(i));
            assertThat(shard.get(i).dataBytes()).isEqualTo(data(i));
            assertThat(shard.indexOf(numbers.get(i))).isEqualTo(i);
        }
        assertThat(shard.records(new int[] {3, 30}).sequenceNumber(1)).isEqualTo(numbers.get(30));
    }

    @Test
    void sequenceNumbersPadTheCounterToItsDigits() { // section 12
        long[] counters = {0, 1, 9, 10, 99, 100, 4_095, 4_096, 999_999_999_999_999_999L};
        for (long c : counters) {
            assertThat(SequenceNumbers.format("49", c, 18)).isEqualTo("49" + String.format("%018d", c));
        }
        assertThat(SequenceNumbers.format("x", 42, 3)).isEqualTo("x042");
        assertThat(SequenceNumbers.fits(999, 3)).isTrue();
        assertThat(SequenceNumbers.fits(1_000, 3)).isFalse();
        assertThat(SequenceNumbers.fits(-1, 3)).isFalse();
        assertThat(SequenceNumbers.fits(1, 19)).isFalse();
    }

    @Test
    void theEnginesRecordInABlockReadsOnlyItsOwnBytesAndTheFactoryIsInstalledOnce() {
        byte[] block = "aaaa{\"v\":1}bbbb".getBytes(StandardCharsets.UTF_8);
        StreamRecord r = RecordAccess.factory().numbered("s", "49", 3, 18, "pk", block, 4, 7, 0L);
        assertThat(r.dataAsString()).isEqualTo("{\"v\":1}");
        assertThat(r.dataSize()).isEqualTo(7);
        assertThat(r.dataBytes()).isEqualTo("{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.data().remaining()).isEqualTo(7);
        assertThat(r.data().get(0)).isEqualTo((byte) '{');
        assertThat(r.data().isReadOnly()).isTrue();
        assertThat(r.sequenceNumber()).isEqualTo("49000000000000000003");
        assertThat(RecordAccess.factory().given("s", "77", "pk", block, 0, 4, 0L).dataAsString()).isEqualTo("aaaa");
        assertThatThrownBy(() -> RecordAccess.install(RecordAccess.factory()))
                .isInstanceOf(IllegalStateException.class).hasMessage("StreamRecord's factory is installed already");
    }

    @Test
    void noFactoryButStreamRecordsOwnIsAccepted() {
        RecordAccess.Factory other = new RecordAccess.Factory() {
            @Override
            public StreamRecord numbered(String shardId, String sequencePrefix, long counter, int counterDigits,
                                         String partitionKey, byte[] block, int offset, int length, long arrival) {
                return null;
            }

            @Override
            public StreamRecord given(String shardId, String sequenceNumber, String partitionKey, byte[] block,
                                      int offset, int length, long arrivalMillis) {
                return null;
            }
        };
        assertThatThrownBy(() -> RecordAccess.install(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only StreamRecord installs its factory; the engine's access to it is not an API");
        assertThatThrownBy(() -> RecordAccess.install(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
