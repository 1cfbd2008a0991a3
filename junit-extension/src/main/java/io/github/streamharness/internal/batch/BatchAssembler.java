package io.github.streamharness.internal.batch;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.stream.ShardLog;

import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * How a mapping forms a batch from a lane's pending records (section 2, 9): which records enter the lane at all (the
 * filters), how many the next batch takes (BatchSize, 6 MB), whether to wait for more (the batching window), and
 * which prefix is too old to invoke (MaximumRecordAgeInSeconds). Holds no state of its own beyond a memo of each
 * shard's record size bound (a harness runs on one thread at a time).
 */
public final class BatchAssembler {
    /** Lambda's synchronous invocation payload limit, measured on the event JSON (rule 2.5, 0.7). */
    public static final long MAX_EVENT_BYTES = 6_291_456L;
    private static final long SECOND = 1_000_000_000L;

    private final FilterCriteria filter;
    private final EventCodec codec;
    private final int batchSize;
    private final long windowNanos;
    private final int maximumRecordAgeInSeconds;
    private final long tumblingMillis;
    private SizeBound[] bounds = new SizeBound[0]; // per shard index: the record size bound for its maxima

    /** The assembler of one mapping without tumbling windows. */
    public BatchAssembler(FilterCriteria filter, EventCodec codec, int batchSize, int maximumBatchingWindowInSeconds,
                          int maximumRecordAgeInSeconds) {
        this(filter, codec, batchSize, maximumBatchingWindowInSeconds, maximumRecordAgeInSeconds, 0);
    }

    /** The assembler of one mapping; {@code tumblingWindowInSeconds} 0 turns tumbling windows off (rule 1.11). */
    public BatchAssembler(FilterCriteria filter, EventCodec codec, int batchSize, int maximumBatchingWindowInSeconds,
                          int maximumRecordAgeInSeconds, int tumblingWindowInSeconds) {
        this.filter = filter;
        this.codec = codec;
        this.batchSize = batchSize;
        this.windowNanos = maximumBatchingWindowInSeconds * SECOND;
        this.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds;
        this.tumblingMillis = tumblingWindowInSeconds * 1000L;
    }

    /** Whether the mapping aggregates in tumbling windows (section 8, TumblingWindowInSeconds > 0). */
    public boolean tumbling() {
        return tumblingMillis > 0;
    }

    /**
     * Rule 8.3, 0.11: the start of the tumbling window a record arriving at {@code arrivalMillis} belongs to: windows
     * follow arrival time, not processing time, and align to multiples of their length since the epoch.
     */
    public long tumblingWindowStart(long arrivalMillis) {
        return Math.floorDiv(arrivalMillis, tumblingMillis) * tumblingMillis;
    }

    /** The end (exclusive) of the tumbling window starting at {@code startMillis}. */
    public long tumblingWindowEnd(long startMillis) {
        return startMillis + tumblingMillis;
    }

    /**
     * Rule 8.3: a batch never spans two windows. Of the first {@code available} pending records, how many arrived
     * before {@code endMillis} (arrivals are non-decreasing, so they are a prefix); counting stops past BatchSize.
     */
    public int tumblingPrefix(int available, IntToLongFunction arrivalMillis, long endMillis) {
        int limit = Math.min(available, batchSize + 1);
        int n = 0;
        while (n < limit && arrivalMillis.applyAsLong(n) < endMillis) {
            n++;
        }
        return n;
    }

    /** The result of cutting a batch: its size, and whether it is full (BatchSize or 6 MB reached, rule 2.3). */
    public record Cut(int size, boolean full) {
    }

    /** Rule 9.1, 9.3, 9.4: whether the record passes the filters (every record does without any). */
    public boolean selects(StreamRecord record) {
        return selectsAll() || filter.matches(record.dataBytes());
    }

    /** Whether every record is delivered: the mapping has no filter criteria (rule 9), no record need be read. */
    public boolean selectsAll() {
        return filter.isEmpty();
    }

    /** Whether the lane has enough records for a full batch (rule 2.3 a). */
    public boolean fills(int pending) {
        return pending >= batchSize;
    }

    /**
     * Cuts the next batch from the first {@code available} pending records ({@code nth} gives each): BatchSize
     * records, or fewer to stay within 6 MB (rule 2.3, 2.5, 0.7).
     */
    public Cut cut(int available, IntFunction<StreamRecord> nth, ShardLog shard) {
        return cut(available, nth, shard, 0);
    }

    /**
     * As {@link #cut(int, IntFunction, ShardLog)} for an event that carries {@code extraBytes} besides its records:
     * a tumbling window's fields after {@code Records} (rule 8.2), its state included, count toward the 6 MB too.
     */
    public Cut cut(int available, IntFunction<StreamRecord> nth, ShardLog shard, long extraBytes) {
        int limit = Math.min(batchSize, available);
        long envelope = codec.envelopeSize() + extraBytes;
        if (fitsAtLargest(limit, envelope, shard)) {
            return new Cut(limit, limit == batchSize); // fits even at its largest: no sizing
        }
        Fill fill = new Fill();
        measure(fill, limit, nth, envelope);
        return new Cut(fill.records, fill.reached || fill.records == batchSize);
    }

    /**
     * What a waiting batch holds so far (rule 2.3): how many of the lane's first pending records were measured and
     * their event's bytes, so that each record joining the batch is measured once. One per lane; {@link #reset()}
     * whenever the batch starts anew or its first records go.
     */
    public static final class Fill {
        private int records;
        private long bytes;
        private boolean reached;

        /** Forgets what was measured. */
        public void reset() {
            records = 0;
            bytes = 0;
            reached = false;
        }
    }

    /**
     * Rule 2.3 (a), (c): whether the first {@code pending} records make a full batch: BatchSize of them, or their
     * event reaches the 6 MB limit (see {@link #measure}). Measures only the records {@code fill} has not seen;
     * {@code extraBytes} (a tumbling window's fields, rule 8.2) is asked for only when measuring starts.
     */
    public boolean full(Fill fill, int pending, IntFunction<StreamRecord> nth, ShardLog shard,
                        LongSupplier extraBytes) {
        if (fills(pending) || fill.reached) {
            return true;
        }
        long envelope = 0; // read by measure only when it starts
        if (fill.records == 0) {
            envelope = codec.envelopeSize() + extraBytes.getAsLong();
            if (fitsAtLargest(pending, envelope, shard)) {
                return false; // far below the limit: nothing measured yet
            }
        }
        measure(fill, pending, nth, envelope);
        return fill.reached;
    }

    /** Whether {@code records} records of {@code shard} stay below 6 MB even at the largest they can be. */
    private boolean fitsAtLargest(int records, long envelope, ShardLog shard) {
        return envelope + records * (recordSizeBound(shard) + codec.separatorSize()) < MAX_EVENT_BYTES;
    }

    /**
     * Rule 2.3 (c), 2.5, 0.7: adds the pending records after those {@code fill} holds, up to {@code limit}, while
     * the event stays within 6,291,456 bytes. The payload has reached the limit when the next record would pass it
     * (the batch is cut before that record), when it is exactly at the limit (no record fits in 0 bytes), or when
     * a single record passes it alone (delivered alone): no record can join the batch, so waiting gains nothing.
     */
    private void measure(Fill fill, int limit, IntFunction<StreamRecord> nth, long envelope) {
        if (fill.records == 0) {
            fill.bytes = envelope;
        }
        while (fill.records < limit && !fill.reached) {
            long add = codec.recordSize(nth.apply(fill.records)) + (fill.records > 0 ? codec.separatorSize() : 0);
            if (fill.bytes + add > MAX_EVENT_BYTES && fill.records > 0) {
                fill.reached = true; // cut before the record that would exceed 6 MB
                return;
            }
            fill.bytes += add;
            fill.records++;
            fill.reached = fill.bytes >= MAX_EVENT_BYTES; // at the limit, or one record over it alone
        }
    }

    /** The largest a record of {@code shard} can be in the event JSON, recomputed only when its maxima change. */
    private long recordSizeBound(ShardLog shard) {
        int keyChars = shard.maxPartitionKeyChars();
        int dataBytes = shard.maxDataBytes();
        int i = shard.index();
        if (i >= bounds.length) {
            bounds = java.util.Arrays.copyOf(bounds, Math.max(i + 1, bounds.length * 2));
        }
        SizeBound b = bounds[i];
        if (b == null || b.shard != shard || b.keyChars != keyChars || b.dataBytes != dataBytes) {
            b = new SizeBound(shard, keyChars, dataBytes,
                    codec.recordSizeBound(keyChars, dataBytes, shard.sequenceNumber(0), shard.shardId()));
            bounds[i] = b;
        }
        return b.bytes;
    }

    private record SizeBound(ShardLog shard, int keyChars, int dataBytes, long bytes) {
    }

    /** When the batching window opened at {@code openedAt} ends (rule 2.3 b). */
    public long windowEnd(long openedAt) {
        return openedAt + windowNanos;
    }

    /** Rule 2.3: a batch that is not full waits while the window (opened by the last completion) runs. */
    public boolean waits(Cut cut, long now, long windowOpenedAt) {
        return !cut.full() && now < windowEnd(windowOpenedAt);
    }

    /**
     * Rule 4.6, 0.12: how many of the batch's first {@code size} records are older than MaximumRecordAgeInSeconds
     * at {@code nowMillis} (strictly older); arrivals are non-decreasing, so the expired ones are a prefix.
     */
    public int expiredPrefix(int size, IntToLongFunction arrivalMillis, long nowMillis) {
        if (maximumRecordAgeInSeconds < 0) {
            return 0;
        }
        long limitMillis = maximumRecordAgeInSeconds * 1000L;
        int expired = 0;
        while (expired < size && nowMillis - arrivalMillis.applyAsLong(expired) > limitMillis) {
            expired++;
        }
        return expired;
    }
}
