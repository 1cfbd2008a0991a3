package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of records of one shard (a batch, or the records a shard held at one moment) that holds the
 * chunks they lie in, not one object per record: each {@link #get} makes the record anew (an equal one each time,
 * rule 12.2). It stays readable after the shard released those records, so an invocation log can keep its batches
 * for the whole run at the cost of a few references per batch.
 */
public final class ShardRecords extends AbstractList<StreamRecord> implements RandomAccess {
    private final String shardId;
    private final String sequencePrefix;
    private final int counterDigits;
    /** The distinct chunks the records lie in, in shard order. */
    private final Chunk[] chunks;
    /** The records' indices in the shard, ascending; null for the {@code size} records from {@code from} on. */
    private final int[] indices;
    private final int from;
    private final int size;

    ShardRecords(String shardId, String sequencePrefix, int counterDigits, Chunk[] chunks, int[] indices, int from,
                 int size) {
        this.shardId = shardId;
        this.sequencePrefix = sequencePrefix;
        this.counterDigits = counterDigits;
        this.chunks = chunks;
        this.indices = indices;
        this.from = from;
        this.size = size;
    }

    @Override
    public StreamRecord get(int n) {
        int i = index(n);
        return chunk(i).record(shardId, sequencePrefix, counterDigits, i);
    }

    @Override
    public int size() {
        return size;
    }

    /** The shard index of the {@code n}-th record. */
    public int index(int n) {
        if (n < 0 || n >= size) {
            throw new IndexOutOfBoundsException("index " + n + " of " + size + " records");
        }
        return indices == null ? from + n : indices[n];
    }

    /** The arrival time of the {@code n}-th record in epoch millis, without making the record. */
    public long arrivalMillis(int n) {
        int i = index(n);
        return chunk(i).arrivalMillis(i);
    }

    /** The data size of the {@code n}-th record in bytes, without making the record. */
    public int dataSize(int n) {
        int i = index(n);
        return chunk(i).dataSize(i);
    }

    /** A copy of the {@code n}-th record's data, without making the record. */
    public byte[] dataBytes(int n) {
        int i = index(n);
        return chunk(i).dataBytes(i);
    }

    /** The shard the records belong to. */
    public String shardId() {
        return shardId;
    }

    /** The partition key of the {@code n}-th record, without making the record. */
    public String partitionKey(int n) {
        int i = index(n);
        return chunk(i).partitionKey(i);
    }

    /** The sequence number of the {@code n}-th record, without making the record. */
    public String sequenceNumber(int n) {
        int i = index(n);
        return sequenceNumber(chunk(i), i);
    }

    private String sequenceNumber(Chunk c, int i) {
        String given = c.givenNumber(i);
        return given != null ? given : SequenceNumbers.format(sequencePrefix, i, counterDigits);
    }

    /** A record's fields, as {@link #each} gives them. */
    public interface Fields {
        /** The {@code n}-th record: {@code data} is a copy of its own. */
        void record(int n, String partitionKey, String sequenceNumber, byte[] data, long arrivalMillis);
    }

    /**
     * Gives every record's fields to {@code fields}, in list order, without making the records: the chunk of each
     * record is found once for all its fields (the indices ascend, so the chunks are walked in order).
     */
    public void each(Fields fields) {
        Chunk[] cs = chunks;
        SequenceNumbers.Writer numbers = null; // made at the first record that has no number given
        int k = 0;
        for (int n = 0; n < size; n++) {
            int i = indices == null ? from + n : indices[n];
            while (i >= cs[k].end()) {
                k++;
            }
            Chunk c = cs[k];
            String number = c.givenNumber(i);
            if (number == null) {
                if (numbers == null) {
                    numbers = new SequenceNumbers.Writer(sequencePrefix, counterDigits);
                }
                number = numbers.format(i);
            }
            fields.record(n, c.partitionKey(i), number, c.dataBytes(i), c.arrivalMillis(i));
        }
    }

    private Chunk chunk(int i) {
        Chunk[] cs = chunks;
        if (cs.length == 1) {
            return cs[0];
        }
        // the last chunk starting at or before i
        int lo = 0;
        int hi = cs.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cs[mid].start <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return cs[lo];
    }
}
