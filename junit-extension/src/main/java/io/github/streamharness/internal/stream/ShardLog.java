package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntSupplier;

/**
 * The records of one shard, in sequence order. Record {@code i} of the shard (counting from its creation) has a
 * 56-digit sequence number whose tail is {@code i}, so numbers increase strictly (section 12) and a number maps back to
 * its index without a lookup. A prefix of records can be released (retention trim, or memory release in long
 * simulations); released indices are no longer available.
 */
public final class ShardLog {
    private static final int COUNTER_DIGITS = 18;
    /** Records released at once: amortizes the copy of the held tail over many checkpoint moves. */
    private static final int RELEASE_CHUNK = 4_096;
    /** The first data block of a shard: small, so that 10,000 idle shards cost little. */
    private static final int FIRST_BLOCK = 1_024;
    /**
     * Blocks double up to this size: well below G1's humongous threshold (half a region, 512 KiB in a small heap),
     * so a block is an ordinary young object that dies young when its records are released, instead of a region
     * (or two) of the old generation per block.
     */
    private static final int LARGEST_BLOCK = 32_768;
    /** Data larger than this gets an array of its own instead of a place in a block. */
    private static final int OWN_ARRAY_ABOVE = 8_192;

    private final int index;
    private final String shardId;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final String sequencePrefix;
    private final byte[] sequenceTemplate;
    private StreamRecord[] records = new StreamRecord[16];
    private int base;
    private int size;
    /** The block new records' data is copied into (append-only: a byte once written never changes), and its fill. */
    private byte[] block = new byte[0];
    private int blockUsed;
    private final List<IntSupplier> readers = new ArrayList<>();
    private boolean releaseCommitted;
    private int maxPartitionKeyChars;
    private int maxDataBytes;
    /** Index of each sequence number, for a shard of a real stream (numbers given, not built); else null. */
    private java.util.Map<String, Integer> externalIndex;
    private final List<String> parentShardIds;
    private List<String> childShardIds = List.of();
    private long closedAtMillis = -1;

    ShardLog(int index, String shardId, BigInteger startingHashKey, BigInteger endingHashKey, long streamEpochSecond,
             List<String> parentShardIds) {
        this.index = index;
        this.shardId = shardId;
        this.startingHashKey = startingHashKey;
        this.endingHashKey = endingHashKey;
        this.parentShardIds = List.copyOf(parentShardIds);
        // "49" + 15 digits of stream creation time + 21 digits of shard number = 38; + 18 counter digits = 56
        this.sequencePrefix = "49" + pad(streamEpochSecond, 15) + pad(index, 21);
        this.sequenceTemplate = (sequencePrefix + pad(0, COUNTER_DIGITS)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Position of the shard in the stream (0-based). */
    public int index() {
        return index;
    }

    /** The shard id, {@code shardId-000000000000} style. */
    public String shardId() {
        return shardId;
    }

    /** First hash key of the shard's range. */
    public BigInteger startingHashKey() {
        return startingHashKey;
    }

    /** Last hash key of the shard's range. */
    public BigInteger endingHashKey() {
        return endingHashKey;
    }

    /** From now on the shard holds a real stream's records, with the sequence numbers it gave them. */
    void externalSequenceNumbers() {
        externalIndex = new java.util.HashMap<>();
    }

    /** Appends a record of a real stream with its own sequence number; returns it. */
    StreamRecord appendExternal(String sequenceNumber, String partitionKey, byte[] data, long arrivalMillis) {
        if (externalIndex == null) {
            throw new IllegalStateException(shardId + " numbers its own records");
        }
        if (externalIndex.putIfAbsent(sequenceNumber, size) != null) {
            throw new IllegalArgumentException(shardId + " already holds sequence number " + sequenceNumber);
        }
        return store(new StreamRecord(shardId, sequenceNumber, partitionKey, data, arrivalMillis), data.length);
    }

    /** The shards this one was split or merged from (rule 11.1): empty for an original shard. */
    public List<String> parentShardIds() {
        return parentShardIds;
    }

    /** The shards that took over this one's range when it closed; empty while it is open. */
    public List<String> childShardIds() {
        return childShardIds;
    }

    /** Whether records are still routed to the shard: false once it was split or merged (rule 11.1). */
    public boolean isOpen() {
        return closedAtMillis < 0;
    }

    /** Closes the shard: its range now belongs to {@code children}; its records stay until retention. */
    void close(List<String> children, long atMillis) {
        this.childShardIds = List.copyOf(children);
        this.closedAtMillis = atMillis;
    }

    /** Appends a record arriving now; returns it. */
    StreamRecord append(String partitionKey, byte[] data, long arrivalMillis) {
        if (externalIndex != null) {
            throw new IllegalStateException(shardId + " holds a real stream's records: append them with their "
                    + "sequence numbers");
        }
        int n = data.length;
        if (n > OWN_ARRAY_ABOVE) {
            return store(new StreamRecord(shardId, sequencePrefix, size, COUNTER_DIGITS, partitionKey, data,
                    arrivalMillis), n);
        }
        if (blockUsed + n > block.length) {
            // a new block; records still held keep the old one reachable on their own
            // at least the record's own size: a record of up to OWN_ARRAY_ABOVE bytes can exceed the next doubling
            block = new byte[Math.max(n, Math.min(LARGEST_BLOCK, Math.max(FIRST_BLOCK, block.length * 2)))];
            blockUsed = 0;
        }
        System.arraycopy(data, 0, block, blockUsed, n); // the put's copy of the caller's bytes, without an array
        StreamRecord record = new StreamRecord(shardId, sequencePrefix, size, COUNTER_DIGITS, partitionKey, block,
                blockUsed, n, arrivalMillis);
        blockUsed += n;
        return store(record, n);
    }

    private StreamRecord store(StreamRecord record, int dataLength) {
        int i = size;
        String partitionKey = record.partitionKey();
        int slot = i - base;
        if (slot == records.length) {
            records = Arrays.copyOf(records, Math.max(16, records.length * 2));
        }
        records[slot] = record;
        size++;
        maxPartitionKeyChars = Math.max(maxPartitionKeyChars, partitionKey.length());
        maxDataBytes = Math.max(maxDataBytes, dataLength);
        return record;
    }

    /** Number of records ever written to the shard (the index the next record gets). */
    public int size() {
        return size;
    }

    /** The longest partition key ever written to the shard, in characters (bounds event sizes cheaply). */
    public int maxPartitionKeyChars() {
        return maxPartitionKeyChars;
    }

    /** The largest data ever written to the shard, in bytes (bounds event sizes cheaply). */
    public int maxDataBytes() {
        return maxDataBytes;
    }

    /** Index of the oldest record still held. */
    public int firstAvailable() {
        return base;
    }

    /** The record at {@code i}; it must be available. */
    public StreamRecord get(int i) {
        if (i < base || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + shardId + " is not available (held: "
                    + base + ".." + (size - 1) + ")");
        }
        return records[i - base];
    }

    /** Arrival time of record {@code i} in epoch millis. */
    public long arrivalMillis(int i) {
        return get(i).approximateArrivalEpochMillis();
    }

    /** The sequence number record {@code i} has. */
    public String sequenceNumber(int i) {
        if (externalIndex != null) {
            return get(i).sequenceNumber();
        }
        byte[] digits = sequenceTemplate.clone(); // one copy of the 56 digits, no intermediate strings
        long v = i;
        for (int p = digits.length - 1; v != 0; p--) {
            digits[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return new String(digits, StandardCharsets.ISO_8859_1);
    }

    /** The index of a sequence number of this shard, or -1 when it is not one of this shard's numbers. */
    public int indexOf(String sequenceNumber) {
        if (externalIndex != null) {
            Integer i = sequenceNumber == null ? null : externalIndex.get(sequenceNumber);
            return i == null ? -1 : i;
        }
        if (sequenceNumber == null || sequenceNumber.length() != sequencePrefix.length() + COUNTER_DIGITS
                || !sequenceNumber.startsWith(sequencePrefix)) {
            return -1;
        }
        try {
            long i = Long.parseLong(sequenceNumber, sequencePrefix.length(), sequenceNumber.length(), 10);
            return i < size ? (int) i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Registers a reader (one mapping's view of the shard) that still needs every record from the index it reports
     * on; with {@link #releaseCommittedRecords(boolean)} on, records below the lowest such index are released.
     */
    public void addReader(IntSupplier firstNeeded) {
        readers.add(firstNeeded);
    }

    /** Whether records every reader is done with are released (long simulations); off by default. */
    public void releaseCommittedRecords(boolean release) {
        this.releaseCommitted = release;
    }

    /** A reader moved on: releases what no reader needs any more, in chunks, when release is on. */
    public void readerAdvanced() {
        if (!releaseCommitted || readers.isEmpty()) {
            return;
        }
        int needed = Integer.MAX_VALUE;
        for (IntSupplier r : readers) {
            needed = Math.min(needed, r.getAsInt());
        }
        if (needed - base >= RELEASE_CHUNK) {
            releaseBefore(needed);
        }
    }

    /** Releases records below {@code upTo} (exclusive). */
    public void releaseBefore(int upTo) {
        int target = Math.min(upTo, size);
        if (target <= base) {
            return;
        }
        Arrays.fill(records, 0, target - base, null);
        int held = size - target;
        if (target - base > records.length / 2) {
            StreamRecord[] compacted = new StreamRecord[Math.max(16, Integer.highestOneBit(Math.max(1, held)) * 2)];
            System.arraycopy(records, target - base, compacted, 0, held);
            records = compacted;
            base = target;
        } else {
            // shift lazily: keep slots, just move the base by copying down
            System.arraycopy(records, target - base, records, 0, held);
            Arrays.fill(records, held, records.length, null);
            base = target;
        }
    }

    /** The held records, oldest first, as an unmodifiable view. */
    public List<StreamRecord> records() {
        return new View();
    }

    private final class View extends AbstractList<StreamRecord> implements RandomAccess {
        private final int from = base;
        private final int to = size;

        @Override
        public StreamRecord get(int i) {
            if (i < 0 || i >= to - from) {
                throw new IndexOutOfBoundsException(i);
            }
            return ShardLog.this.get(from + i);
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    static String pad(long value, int width) {
        char[] out = new char[width];
        long v = value;
        for (int p = width - 1; p >= 0; p--) {
            out[p] = (char) ('0' + (v % 10));
            v /= 10;
        }
        if (v != 0) {
            throw new IllegalStateException(value + " does not fit in " + width + " digits");
        }
        return new String(out);
    }
}
