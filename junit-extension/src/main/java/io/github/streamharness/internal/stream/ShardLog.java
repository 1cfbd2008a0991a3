package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The records of one shard, in sequence order. Record {@code i} of the shard (counting from its creation) has a
 * 56-digit sequence number whose tail is {@code i}, so numbers increase strictly (section 12) and a number maps back to
 * its index without a lookup. A prefix of records can be released (retention trim, or memory release in long
 * simulations); released indices are no longer available.
 *
 * <p>The store is columnar ({@link Chunk}): per record a few primitives in chunks of up to 4,096 records, its data
 * in append-only blocks, its partition key as an id into an interned table ({@link KeyTable}). No object is kept per
 * record; {@link #get} makes a {@link StreamRecord} when one is asked for (equal to the one the put returned, rule
 * 12.2), so a run that keeps a million records costs the garbage collector a few hundred flat arrays.
 */
public final class ShardLog {
    private static final int COUNTER_DIGITS = SequenceNumbers.MAX_DIGITS;
    /** Records released at once: amortizes the release over many checkpoint moves. */
    private static final int RELEASE_CHUNK = 4_096;
    /** The first data block of a shard: small, so that 10,000 idle shards cost little. */
    private static final int FIRST_BLOCK = 1_024;
    /**
     * With {@link #releaseCommittedRecords(boolean)} on, blocks double up to this size: well below G1's humongous
     * threshold (half a region, 512 KiB in a small heap), so a block is an ordinary young object that dies young when
     * its records are released, instead of a region (or two) of the old generation per block.
     */
    private static final int RELEASED_BLOCK = 32_768;
    /**
     * Without release every record is kept to the end, so blocks double up to this size instead: a block of 1 MiB
     * less an array header is one G1 region of a heap under 2 GiB, allocated in the old generation at once (a
     * humongous object) and never copied by a young collection, however many records the run keeps.
     */
    private static final int KEPT_BLOCK = Chunk.MAX_BLOCK - 16;
    /** Data larger than this gets an array of its own instead of a place in a block. */
    private static final int OWN_ARRAY_ABOVE = 8_192;

    private final int index;
    private final String shardId;
    private final BigInteger startingHashKey;
    private final BigInteger endingHashKey;
    private final String sequencePrefix;
    /** The chunks still held: {@code chunks[k]} is chunk number {@code firstChunk + k}; the last is {@link #tail}. */
    private Chunk[] chunks = new Chunk[4];
    private int firstChunk;
    private int chunkCount;
    private Chunk tail;
    private KeyTable keys = new KeyTable();
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
    private Map<String, Integer> externalIndex;
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
        if (size > 0) {
            throw new IllegalStateException(shardId + " numbers its own records already");
        }
        externalIndex = new HashMap<>();
    }

    /** Appends a record of a real stream with its own sequence number; returns it. */
    StreamRecord appendExternal(String sequenceNumber, String partitionKey, byte[] data, long arrivalMillis) {
        if (externalIndex == null) {
            throw new IllegalStateException(shardId + " numbers its own records");
        }
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        if (externalIndex.putIfAbsent(sequenceNumber, size) != null) {
            throw new IllegalArgumentException(shardId + " already holds sequence number " + sequenceNumber);
        }
        store(partitionKey, data, arrivalMillis, sequenceNumber, null);
        return get(size - 1);
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

    /**
     * Appends a record, with the key's hash when the stream has it (its id in the key table is remembered); makes
     * no {@link StreamRecord}: {@link #get} or {@link #record(Chunk, int)} makes one when it is asked for.
     */
    void add(String partitionKey, byte[] data, long arrivalMillis, KeyHash key) {
        if (externalIndex != null) {
            throw new IllegalStateException(shardId + " holds a real stream's records: append them with their "
                    + "sequence numbers");
        }
        store(partitionKey, data, arrivalMillis, null, key);
    }

    /**
     * Stores record {@code size}: its data copied into the current block (or an array of its own when large), its
     * columns written in the tail chunk. Nothing is allocated per record.
     */
    private void store(String partitionKey, byte[] data, long arrivalMillis, String givenNumber,
            KeyHash key) {
        int i = size;
        int n = data.length;
        byte[] into;
        int offset;
        boolean ownArray = n > OWN_ARRAY_ABOVE;
        if (ownArray) {
            into = data.clone();
            offset = 0;
        } else {
            if (blockUsed + n > block.length) {
                // a new block; records still held keep the old one reachable through their chunks
                // at least the record's own size: a record of up to OWN_ARRAY_ABOVE bytes can exceed the next doubling
                int largest = releaseCommitted ? RELEASED_BLOCK : KEPT_BLOCK;
                block = new byte[Math.max(n, Math.min(largest, Math.max(FIRST_BLOCK, block.length * 2)))];
                blockUsed = 0;
            }
            into = block;
            offset = blockUsed;
            System.arraycopy(data, 0, into, offset, n); // the put's copy of the caller's bytes, without an array
            blockUsed += n;
        }
        Chunk chunk = tail;
        if (chunk == null || i == chunk.end()) {
            chunk = newChunk(i);
        }
        int keyId = key != null ? key.idIn(keys, partitionKey) : keys.idOf(partitionKey);
        chunk.write(i, arrivalMillis, into, offset, ownArray, n, keyId, givenNumber);
        size++;
        maxPartitionKeyChars = Math.max(maxPartitionKeyChars, partitionKey.length());
        maxDataBytes = Math.max(maxDataBytes, n);
    }

    private Chunk newChunk(int i) {
        if (keys.size() > KeyTable.LIMIT) {
            keys = new KeyTable(); // a producer of unique keys: the old table goes with the chunks that use it
        }
        int number = Chunk.number(i);
        if (chunkCount == 0) {
            firstChunk = number; // everything before was released
        }
        if (number - firstChunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        Chunk chunk = new Chunk(number, keys, externalIndex != null);
        chunks[number - firstChunk] = chunk;
        chunkCount = number - firstChunk + 1;
        tail = chunk;
        return chunk;
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

    /** The record at {@code i}, made now (equal to the one the put returned); it must be available. */
    public StreamRecord get(int i) {
        return chunk(i).record(shardId, sequencePrefix, COUNTER_DIGITS, i);
    }

    /** The record written last, made now from the tail chunk without looking it up (what a put returns). */
    StreamRecord last() {
        return tail.record(shardId, sequencePrefix, COUNTER_DIGITS, size - 1);
    }

    /** Record {@code i} made from {@code chunk}, the one {@link #chunk} gave for it (even after a release). */
    StreamRecord record(Chunk chunk, int i) {
        return chunk.record(shardId, sequencePrefix, COUNTER_DIGITS, i);
    }

    /** Arrival time of record {@code i} in epoch millis, without making the record. */
    public long arrivalMillis(int i) {
        return chunk(i).arrivalMillis(i);
    }

    /** The data size of record {@code i} in bytes, without making the record. */
    public int dataSize(int i) {
        return chunk(i).dataSize(i);
    }

    /** The partition key of record {@code i}, without making the record. */
    public String partitionKey(int i) {
        return chunk(i).partitionKey(i);
    }

    /** The sequence number record {@code i} has (one string, built without intermediate text). */
    public String sequenceNumber(int i) {
        if (externalIndex != null) {
            return chunk(i).givenNumber(i);
        }
        return SequenceNumbers.format(sequencePrefix, i, COUNTER_DIGITS);
    }

    /** The chunk that holds record {@code i}, which must be available; the chunk stays readable after release. */
    Chunk chunk(int i) {
        if (i < base || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + shardId + " is not available (held: "
                    + base + ".." + (size - 1) + ")");
        }
        return chunks[Chunk.number(i) - firstChunk];
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

    /** Releases records below {@code upTo} (exclusive): the chunks wholly below it are dropped. */
    public void releaseBefore(int upTo) {
        int target = Math.min(upTo, size);
        if (target <= base) {
            return;
        }
        base = target;
        int drop = Math.min(chunkCount, Chunk.number(target) - firstChunk); // chunks that end at or before target
        if (drop > 0) {
            System.arraycopy(chunks, drop, chunks, 0, chunkCount - drop);
            Arrays.fill(chunks, chunkCount - drop, chunkCount, null);
            chunkCount -= drop;
            firstChunk += drop;
            if (chunkCount == 0) {
                tail = null;
            }
        }
    }

    /** The held records, oldest first: an immutable snapshot (records written later are not in it). */
    public ShardRecords records() {
        return records(base, size - base);
    }

    /** The {@code count} records from index {@code from} on, as an immutable list; they must be available. */
    public ShardRecords records(int from, int count) {
        if (count == 0) {
            return new ShardRecords(shardId, sequencePrefix, COUNTER_DIGITS, new Chunk[0], null, from, 0);
        }
        chunk(from);
        chunk(from + count - 1); // both ends are held, so everything between is
        int first = Chunk.number(from) - firstChunk;
        int last = Chunk.number(from + count - 1) - firstChunk;
        return new ShardRecords(shardId, sequencePrefix, COUNTER_DIGITS,
                Arrays.copyOfRange(chunks, first, last + 1), null, from, count);
    }

    /**
     * The records at {@code indices} (ascending, each available), as an immutable list; the list keeps the array,
     * which the caller must not change afterwards.
     */
    public ShardRecords records(int[] indices) {
        int n = indices.length;
        if (n > 0 && indices[n - 1] - indices[0] == n - 1) {
            return records(indices[0], n); // consecutive: no index array needed
        }
        Chunk[] distinct = new Chunk[Math.min(n, chunkCount)];
        int count = 0;
        int previous = -1;
        for (int i : indices) {
            if (i <= previous) {
                throw new IllegalArgumentException("indices must ascend: " + previous + " then " + i);
            }
            previous = i;
            Chunk c = chunk(i);
            if (count == 0 || distinct[count - 1] != c) {
                distinct[count++] = c;
            }
        }
        return new ShardRecords(shardId, sequencePrefix, COUNTER_DIGITS, Arrays.copyOf(distinct, count), indices, 0,
                n);
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
