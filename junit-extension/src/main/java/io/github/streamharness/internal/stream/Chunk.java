package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.util.Arrays;

/**
 * A run of consecutive records of a shard, stored in rows of primitives: where the data lies (a block of this chunk,
 * an offset in it, a length), the partition key's id in a {@link KeyTable} and the arrival time. No object per
 * record: the garbage collector copies a chunk as a few flat arrays, whatever the number of records kept. A chunk is
 * append-only and never moves its records, so a snapshot that holds it ({@link ShardRecords}) stays readable after the
 * shard released it.
 *
 * <p>Chunk sizes: 16, 16, 32, 64, ..., 2048 records for the first 4,096 records of a shard (an idle shard costs
 * little), then 4,096 each (small enough to stay an ordinary young object, never a humongous region).
 */
final class Chunk {
    private static final int FIRST_BITS = 4;
    private static final int BITS = 12;
    /** Records per chunk from record {@code 1 << BITS} on. */
    static final int SIZE = 1 << BITS;
    /** Offsets within a block take the low 20 bits of a record's place in {@link #columns}: blocks are < 1 MiB. */
    private static final int OFFSET_BITS = 20;
    /** The largest block a chunk can point into. */
    static final int MAX_BLOCK = 1 << OFFSET_BITS;
    /**
     * A record's ints in {@link #columns}: its place, its data's length, its key's id, and its arrival time in epoch
     * millis as two ints (high and low half).
     */
    private static final int PLACE = 0;
    private static final int LENGTH = 1;
    private static final int KEY = 2;
    private static final int ARRIVAL_HIGH = 3;
    private static final int ARRIVAL_LOW = 4;
    private static final int STRIDE = 5;

    /** Index in the shard of the chunk's first record. */
    final int start;
    private final int capacity;
    /**
     * Five ints per record, side by side (record {@code j} of the chunk at {@code 5 * j}), so that a put writes
     * and an event reads one run of memory, not four arrays (at a ParallelizationFactor above 1 a lane's records lie
     * apart in the shard, and each array would cost its own cache miss per record): where the data lies
     * ({@code block << 20 | offset} for data in a shared block, its index in {@link #blocks}, a chunk's at most
     * 4,096 records of at most 8 KiB filling fewer than 2,048 blocks; or {@code ~k} for the {@code k}-th array of
     * its own, {@link #own}), the data's length, the partition key's id in {@link #keys}, and the arrival time.
     */
    private final int[] columns;
    private final KeyTable keys;
    /** The sequence numbers a real stream gave the records; null when the shard numbers its own. */
    private final String[] given;
    private byte[][] blocks = new byte[2][];
    private int blockCount;
    /** The data arrays of records too large for a block. */
    private byte[][] own;
    private int ownCount;

    Chunk(int number, KeyTable keys, boolean givenNumbers) {
        this.start = start(number);
        this.capacity = number == 0 ? 1 << FIRST_BITS : number <= BITS - FIRST_BITS ? start : SIZE;
        this.columns = new int[capacity * STRIDE];
        this.keys = keys;
        this.given = givenNumbers ? new String[capacity] : null;
    }

    /** The number of the chunk that holds record {@code i}. */
    static int number(int i) {
        if (i < SIZE) {
            return i < 1 << FIRST_BITS ? 0 : 32 - Integer.numberOfLeadingZeros(i) - FIRST_BITS;
        }
        return (i >>> BITS) + BITS - FIRST_BITS;
    }

    /** The index of chunk {@code number}'s first record. */
    static int start(int number) {
        if (number <= BITS - FIRST_BITS) {
            return number == 0 ? 0 : 1 << (number + FIRST_BITS - 1);
        }
        return (number - (BITS - FIRST_BITS)) << BITS;
    }

    /** The index after the chunk's last record. */
    int end() {
        return start + capacity;
    }

    /**
     * Writes record {@code i} (the next one): its data lies at {@code offset} in {@code block}, or is the whole of
     * {@code block} when {@code ownArray} (an array the shard made for this record alone).
     */
    void write(int i, long arrivalMillis, byte[] block, int offset, boolean ownArray, int dataLength, int keyId,
               String number) {
        int j = i - start;
        int c = j * STRIDE;
        int p;
        if (ownArray) {
            if (own == null || ownCount == own.length) {
                own = own == null ? new byte[2][] : Arrays.copyOf(own, ownCount * 2);
            }
            own[ownCount] = block;
            p = ~ownCount++;
        } else {
            int b = blockCount - 1;
            if (b < 0 || blocks[b] != block) { // the shard moved on to a new block
                if (blockCount == blocks.length) {
                    blocks = Arrays.copyOf(blocks, blockCount * 2);
                }
                blocks[blockCount] = block;
                b = blockCount++;
            }
            p = b << OFFSET_BITS | offset;
        }
        int[] cs = columns;
        cs[c + PLACE] = p;
        cs[c + LENGTH] = dataLength;
        cs[c + KEY] = keyId;
        cs[c + ARRIVAL_HIGH] = (int) (arrivalMillis >>> 32);
        cs[c + ARRIVAL_LOW] = (int) arrivalMillis;
        if (given != null) {
            given[j] = number;
        }
    }

    private byte[] array(int p) {
        return p < 0 ? own[~p] : blocks[p >>> OFFSET_BITS];
    }

    private static int offset(int p) {
        return p < 0 ? 0 : p & (MAX_BLOCK - 1);
    }

    long arrivalMillis(int i) {
        return arrival(columns, (i - start) * STRIDE);
    }

    private static long arrival(int[] cs, int c) {
        return (long) cs[c + ARRIVAL_HIGH] << 32 | cs[c + ARRIVAL_LOW] & 0xFFFF_FFFFL;
    }

    int dataSize(int i) {
        return columns[(i - start) * STRIDE + LENGTH];
    }

    /** A copy of record {@code i}'s data. */
    byte[] dataBytes(int i) {
        int c = (i - start) * STRIDE;
        int p = columns[c + PLACE];
        int offset = offset(p);
        return Arrays.copyOfRange(array(p), offset, offset + columns[c + LENGTH]);
    }

    String partitionKey(int i) {
        return keys.key(columns[(i - start) * STRIDE + KEY]);
    }

    /** The sequence number a real stream gave record {@code i}, or null when the shard numbers its own. */
    String givenNumber(int i) {
        return given == null ? null : given[i - start];
    }

    /** Record {@code i} as a {@link StreamRecord}, made now; its data is shared with the block, not copied. */
    StreamRecord record(String shardId, String sequencePrefix, int counterDigits, int i) {
        int j = i - start;
        int c = j * STRIDE;
        int p = columns[c + PLACE];
        int length = columns[c + LENGTH];
        byte[] block = array(p);
        int offset = offset(p);
        long arrivalMillis = arrival(columns, c);
        RecordAccess.Factory f = RecordAccess.factory();
        String partitionKey = keys.key(columns[c + KEY]);
        return given == null
                ? f.numbered(shardId, sequencePrefix, i, counterDigits, partitionKey, block, offset, length,
                        arrivalMillis)
                : f.given(shardId, given[j], partitionKey, block, offset, length, arrivalMillis);
    }
}
