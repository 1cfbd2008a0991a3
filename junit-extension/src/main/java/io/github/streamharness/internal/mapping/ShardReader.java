package io.github.streamharness.internal.mapping;

import io.github.streamharness.RecordState;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.stream.ShardLog;

import java.util.Arrays;

/**
 * One mapping's reading of one shard: its lanes, the ledger state of every record, and the checkpoint (the highest
 * record at or below which every record is done).
 */
final class ShardReader {
    private static final RecordState[] STATES = RecordState.values();

    final ShardLog shard;
    private int startIndex;
    Lane[] lanes;
    /** Whether the shard waits for its parents to be read to their end (rule 0.10); its lanes do not poll. */
    boolean awaitingParents;
    /** Whether a new ParallelizationFactor waits for the old lanes' batches to finish (rule 18.1). */
    boolean repartitioning;
    private byte[] states;
    private int watermark;
    private int seen; // records below this index entered the reader's view (the watermark never passes it)
    private final long[] counts = new long[STATES.length];

    ShardReader(ShardLog shard, int startIndex) {
        this.shard = shard;
        this.startIndex = startIndex;
        this.states = new byte[Math.max(16, shard.size())];
        Arrays.fill(states, 0, startIndex, (byte) RecordState.BEFORE_STARTING_POSITION.ordinal());
        this.watermark = startIndex;
        this.seen = startIndex;
        this.counts[RecordState.BEFORE_STARTING_POSITION.ordinal()] = startIndex;
    }

    /** The first record at or after the starting position. */
    int startIndex() {
        return startIndex;
    }

    /**
     * Record {@code i}, just written, lies before a starting position still in the future (AT_TIMESTAMP, rule 2.6):
     * the starting position moves past it. Only the record at the start can be skipped, and only before anything
     * after the start was seen.
     */
    void beforeStart(int i) {
        if (i != startIndex || watermark != startIndex) {
            throw new IllegalStateException("ledger: " + shard.shardId() + " record " + i + " cannot lie before the "
                    + "starting position " + startIndex + " (a harness bug: please report it)");
        }
        ensure(i);
        states[i] = (byte) RecordState.BEFORE_STARTING_POSITION.ordinal();
        startIndex++;
        watermark = startIndex;
        seen = startIndex;
        counts[RecordState.BEFORE_STARTING_POSITION.ordinal()]++;
    }

    /** The ledger state of record {@code i}. */
    RecordState state(int i) {
        if (i < startIndex) {
            return RecordState.BEFORE_STARTING_POSITION;
        }
        return i < states.length ? STATES[states[i]] : RecordState.PENDING;
    }

    /** A record enters the mapping's view as pending. */
    void pending(int i) {
        ensure(i);
        states[i] = (byte) RecordState.PENDING.ordinal();
        counts[RecordState.PENDING.ordinal()]++;
        seen = Math.max(seen, i + 1);
    }

    /**
     * Moves record {@code i} from PENDING to a final state; a second move is a bug in the harness and fails loudly.
     */
    void finish(int i, RecordState state) {
        ensure(i);
        if (states[i] != RecordState.PENDING.ordinal()) {
            throw new IllegalStateException("ledger: " + shard.shardId() + " record " + i + " is already "
                    + STATES[states[i]] + ", cannot become " + state + " (a harness bug: please report it)");
        }
        states[i] = (byte) state.ordinal();
        counts[RecordState.PENDING.ordinal()]--;
        counts[state.ordinal()]++;
    }

    /**
     * Moves the first {@code n} records of {@code queue} from PENDING to {@code state}, as {@link #finish(int,
     * RecordState)} does one by one, with the counts kept once per batch.
     */
    void finish(IntQueue queue, int n, RecordState state) {
        byte pending = (byte) RecordState.PENDING.ordinal();
        byte to = (byte) state.ordinal();
        int done = 0;
        try {
            for (; done < n; done++) {
                int i = queue.get(done);
                ensure(i);
                if (states[i] != pending) {
                    finish(i, state); // fails loudly, naming the record
                }
                states[i] = to;
            }
        } finally {
            counts[pending] -= done;
            counts[to] += done;
        }
    }

    /** Advances the checkpoint over finished records; returns true when it moved. */
    boolean advanceWatermark() {
        int before = watermark;
        // records not seen yet (still being handed to the mapping when it is created) are not done
        while (watermark < seen && states[watermark] != RecordState.PENDING.ordinal()) {
            watermark++;
        }
        if (watermark == before) {
            return false;
        }
        shard.readerAdvanced();
        return true;
    }

    /** The first record this reader still needs: its checkpoint record (kept for {@link #checkpoint()}) onward. */
    int firstNeeded() {
        return Math.max(startIndex, watermark - 1);
    }

    /** Index of the first record not yet done (== shard size when caught up). */
    int watermark() {
        return watermark;
    }

    /** The checkpoint record, or null before anything was done. */
    StreamRecord checkpoint() {
        return watermark > startIndex ? shard.get(watermark - 1) : null;
    }

    /** Records per state, over every record the shard ever held (kept as records change state). */
    long[] count() {
        return counts.clone();
    }

    /** Counts records per state from the states themselves, to check {@link #count()}. */
    long[] recount() {
        long[] counts = new long[STATES.length];
        int size = shard.size();
        int before = Math.min(startIndex, size);
        counts[RecordState.BEFORE_STARTING_POSITION.ordinal()] += before;
        byte[] s = states;
        int known = Math.max(before, Math.min(size, s.length));
        for (int i = before; i < known; i++) { // as state(i), on the bytes: it runs after every test (issue 19)
            counts[s[i]]++;
        }
        counts[RecordState.PENDING.ordinal()] += size - known;
        return counts;
    }

    /** The first record index from {@code from} on (below the shard's size) in {@code state}, or -1. */
    int next(RecordState state, int from) {
        int size = shard.size();
        int i = Math.max(from, 0);
        if (i < startIndex) {
            if (state == RecordState.BEFORE_STARTING_POSITION) {
                return i < size ? i : -1;
            }
            i = startIndex;
        }
        byte[] s = states;
        byte wanted = (byte) state.ordinal();
        int known = Math.min(size, s.length);
        for (; i < known; i++) { // as state(i) == state, on the bytes
            if (s[i] == wanted) {
                return i;
            }
        }
        return i < size && state == RecordState.PENDING ? i : -1;
    }

    private void ensure(int i) {
        if (i >= states.length) {
            states = Arrays.copyOf(states, Math.max(i + 1, states.length * 2));
        }
    }
}
