package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The records one {@code putAll} wrote, in the order they were given, as an unmodifiable list that holds each
 * record's shard, chunk and index rather than a {@link StreamRecord} per record: a producer that ignores the result
 * pays three arrays per call, not an object per record. Each read makes the record anew from its chunk, equal to the
 * one {@link ShardLog#get} makes; holding the chunk keeps it readable after the shard released it.
 */
final class WrittenRecords extends AbstractList<StreamRecord> implements RandomAccess {
    private final ShardLog[] shards;
    private final Chunk[] chunks;
    private final int[] indices;

    WrittenRecords(int n) {
        shards = new ShardLog[n];
        chunks = new Chunk[n];
        indices = new int[n];
    }

    /** Sets entry {@code k}: the record the shard holds at {@code index}, just written. */
    void set(int k, ShardLog shard, int index) {
        shards[k] = shard;
        chunks[k] = shard.chunk(index);
        indices[k] = index;
    }

    @Override
    public StreamRecord get(int k) {
        if (k < 0 || k >= indices.length) {
            throw new IndexOutOfBoundsException("record " + k + " of the " + indices.length + " put together");
        }
        return shards[k].record(chunks[k], indices[k]);
    }

    @Override
    public int size() {
        return indices.length;
    }
}
