package io.github.streamharness.internal.mapping;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.window.WindowTracker;

import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The batching window of one lane (rule 2.3, 0.3): for streams it opens when the lane's previous invocation
 * completes, a batch that is not full waits in it, and a batch that becomes full while it waits (BatchSize records,
 * rule 2.3 a, or the 6 MB payload limit reached, rule 2.3 c) goes at the next poll instead of at the window's end.
 */
final class BatchingWindow {
    private final BatchAssembler.Fill fill = new BatchAssembler.Fill(); // what the waiting batch holds so far
    private long openedAt;
    private IntFunction<StreamRecord> nth; // the lane's pending records, one by one
    private LongSupplier extraBytes;

    BatchingWindow(long createdAt) {
        this.openedAt = createdAt;
    }

    /** Rule 2.3: the window begins as soon as the previous invocation completes. */
    void open(long now) {
        openedAt = now;
    }

    /** When the window ends under {@code assembler}'s MaximumBatchingWindowInSeconds (rule 2.3 b). */
    long end(BatchAssembler assembler) {
        return assembler.windowEnd(openedAt);
    }

    /** Whether the batch {@code cut} at {@code now} waits for the window; a waiting batch is measured anew. */
    boolean waits(BatchAssembler assembler, BatchAssembler.Cut cut, long now) {
        fill.reset();
        return assembler.waits(cut, now, openedAt);
    }

    /** The lane's first pending records went (retention): what was measured no longer holds. */
    void recordsLeft() {
        fill.reset();
    }

    /**
     * Rule 2.3 (a), (c): whether the waiting batch of the lane's pending records {@code queue} is full (BatchSize
     * records, or 6 MB reached), so that it goes at the next poll; {@code windows} adds a tumbling window's fields.
     * Asked at every record the waiting batch gains: each record is measured once, and only near the limit.
     */
    boolean full(BatchAssembler assembler, PendingRecords queue, ShardLog shard, WindowTracker windows) {
        if (nth == null) { // made once per lane, not at every record
            nth = queue::record;
            extraBytes = windows::extraEventBytes;
        }
        return assembler.full(fill, queue.size(), nth, shard, extraBytes);
    }
}
