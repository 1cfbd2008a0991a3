package io.github.streamharness.internal.mapping;

import io.github.streamharness.RecordState;
import io.github.streamharness.StreamRecord;

import java.util.List;

/**
 * The pending records of one lane, in shard order (rule 3.1): a queue of record indices whose head is the lane's
 * checkpoint, seen through the shard's reader. The lane's current batch is always a prefix of it.
 */
final class PendingRecords extends IntQueue {
    private final ShardReader reader;

    PendingRecords(ShardReader reader) {
        this.reader = reader;
    }

    /** The {@code n}-th pending record. */
    StreamRecord record(int n) {
        return reader.shard.get(get(n));
    }

    /** The arrival time of the {@code n}-th pending record, in epoch millis. */
    long arrivalMillis(int n) {
        return reader.shard.arrivalMillis(get(n));
    }

    /**
     * The first {@code n} pending records, as an immutable list that holds the shard's chunks, not one object per
     * record (the Invocation keeps this very list; each read makes the record anew).
     */
    List<StreamRecord> first(int n) {
        if (n == 0) {
            return List.of();
        }
        int from = get(0);
        if (get(n - 1) - from == n - 1) { // one lane of the shard, or records of one lane in a row
            return reader.shard.records(from, n);
        }
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = get(i);
        }
        return reader.shard.records(indices);
    }

    /** Moves the first {@code n} records to {@code state} in the reader's ledger and takes them off the queue. */
    void finish(int n, RecordState state) {
        reader.finish(this, n, state);
        drop(n);
    }

    /** Iterator age: how long the first pending record has waited at {@code now}, or 0 when caught up. */
    long iteratorAgeNanos(long now) {
        return isEmpty() ? 0 : Math.max(0, now - arrivalMillis(0) * 1_000_000L);
    }
}
