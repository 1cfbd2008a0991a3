package io.github.streamharness.internal.mapping;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.internal.observe.SequenceRanges;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.stream.HashKeys;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event source mapping: reads every shard of the stream through its lanes, forms batches (spec 2), invokes the
 * function (spec 7), applies the failure policy (spec 4, 5, 6) and keeps the ledger of every record.
 */
public final class MappingEngine implements StreamLog.Listener, AutoCloseable {
    /** Lambda's synchronous invocation payload limit, measured on the event JSON (spec 2.5, 0.7). */
    public static final long MAX_EVENT_BYTES = 6_291_456L;

    private final EventSourceMappingConfig config;
    private final FilterCriteria filter;
    private final StreamLog stream;
    private final Scheduler scheduler;
    private final Invoker invoker;
    private final EventCodec codec;
    private final MappingEvents events;
    private final BackoffSchedule backoff;
    private final OnFailureMessages messages;
    private final System.Logger logger;
    private final List<ShardReader> readers = new ArrayList<>();
    private final HashKeys.Slices lanesOfKeys;
    private boolean enabled;
    private int invocations;
    private boolean warnedIgnoredPartialResponse;

    /** Creates the mapping at the scheduler's current time and starts reading if it is enabled. */
    public MappingEngine(EventSourceMappingConfig config, FilterCriteria filter, StreamLog stream,
                         Scheduler scheduler, Invoker invoker, EventCodec codec, MappingEvents events,
                         BackoffSchedule backoff, String mappingUuid, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (config.tumblingWindowInSeconds() > 0) {
            throw new UnsupportedOperationException("TumblingWindowInSeconds " + config.tumblingWindowInSeconds()
                    + " is valid on AWS, but tumbling windows (spec 8) are not modelled by this version of the "
                    + "harness; test the aggregation with TumblingWindowInSeconds 0, or call the handler directly "
                    + "with a KinesisTimeWindowEvent.");
        }
        this.config = config;
        this.lanesOfKeys = new HashKeys.Slices(config.parallelizationFactor());
        this.filter = filter;
        this.stream = stream;
        this.scheduler = scheduler;
        this.invoker = invoker;
        this.codec = codec;
        this.events = events;
        this.backoff = backoff;
        this.messages = config.onFailureDestination()
                .map(arn -> new OnFailureMessages(mapper, invoker.function().arn(), stream.arn(), arn, mappingUuid,
                        codec))
                .orElse(null);
        this.logger = System.getLogger("io.github.streamharness." + invoker.function().name());
        this.enabled = config.enabled();
        long now = scheduler.eventTimeNanos();
        for (ShardLog shard : stream.shards()) {
            int start = startIndex(shard, now);
            Lane[] lanes = new Lane[config.parallelizationFactor()];
            ShardReader reader = new ShardReader(shard, start, lanes);
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Lane(this, reader, i, now);
            }
            readers.add(reader);
            shard.addReader(reader::firstNeeded);
            for (int i = start; i < shard.size(); i++) {
                StreamRecord r = shard.get(i);
                accept(reader, i, r, now);
            }
        }
        stream.addListener(this);
        if (enabled) {
            readers.forEach(r -> {
                for (Lane lane : r.lanes) {
                    lane.start(now);
                }
            });
        }
    }

    private int startIndex(ShardLog shard, long now) {
        long nowMillis = Math.floorDiv(now, 1_000_000L);
        int first = shard.firstAvailable();
        while (first < shard.size() && nowMillis - shard.arrivalMillis(first) > stream.retentionMillis()) {
            first++;
        }
        if (config.startingPosition() == StartingPosition.LATEST) {
            return shard.size();
        }
        if (config.startingPosition() == StartingPosition.AT_TIMESTAMP) {
            long at = config.startingPositionTimestamp().orElseThrow().toEpochMilli();
            while (first < shard.size() && shard.arrivalMillis(first) < at) {
                first++;
            }
        }
        return first;
    }

    @Override
    public void recordWritten(ShardLog shard, int recordIndex, StreamRecord record, BigInteger hashKey) {
        ShardReader reader = readers.get(shard.index());
        long arrival = Math.max(scheduler.eventTimeNanos(), record.approximateArrivalEpochMillis() * 1_000_000L);
        accept(reader, recordIndex, record, arrival);
    }

    private void accept(ShardReader reader, int recordIndex, StreamRecord record, long at) {
        reader.pending(recordIndex);
        if (!filter.isEmpty() && !filter.matches(record.partitionKey(), record.dataBytes())) {
            // spec 9.4: not delivered, not sent to the destination, counted as processed
            reader.finish(recordIndex, RecordState.FILTERED);
            reader.advanceWatermark();
            return;
        }
        // spec 0.8: the lane is the slice of the partition key's MD5 hash key (an explicit hash key routes the record
        // to its shard, but the key's records still share one lane, so per-key order holds)
        int lane = reader.lanes.length == 1 ? 0 : lanesOfKeys.of(stream.hashKeyOf(record.partitionKey()));
        reader.lanes[lane].enqueue(recordIndex, at);
    }

    /** Cuts the next batch from the head of {@code queue}: BatchSize records, or fewer to stay within 6 MB. */
    Lane.BatchCut cutBatch(IntQueue queue, ShardLog shard) {
        int limit = Math.min(config.batchSize(), queue.size());
        long bound = codec.recordSizeBound(shard.maxPartitionKeyChars(), shard.maxDataBytes(),
                shard.sequenceNumber(0), shard.shardId());
        if (codec.envelopeSize() + limit * (bound + codec.separatorSize()) <= MAX_EVENT_BYTES) {
            return new Lane.BatchCut(limit, limit == config.batchSize()); // fits even at its largest: no sizing
        }
        long size = codec.envelopeSize();
        int n = 0;
        while (n < limit) {
            long add = codec.recordSize(shard.get(queue.get(n))) + (n > 0 ? codec.separatorSize() : 0);
            if (size + add > MAX_EVENT_BYTES && n > 0) {
                return new Lane.BatchCut(n, true); // spec 0.7: cut before the record that would exceed 6 MB
            }
            size += add;
            n++;
            if (size > MAX_EVENT_BYTES) {
                return new Lane.BatchCut(n, true); // a single record over the limit is delivered alone
            }
        }
        return new Lane.BatchCut(n, n == config.batchSize());
    }

    RecordState discard(ShardReader reader, int lane, List<StreamRecord> records, OnFailureCondition condition,
                        int invokeCount, String functionError, String requestId, long now) {
        String range = SequenceRanges.describe(records);
        if (messages == null) {
            timeline(now, reader, lane, TimelineEntry.Kind.ON_FAILURE, records.size() + " record(s) " + range
                    + " discarded (" + condition + ", approximateInvokeCount " + invokeCount
                    + "): no on-failure destination is configured, so AWS skips them (spec 4.4)",
                    WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION);
            return RecordState.DISCARDED;
        }
        if (messages.deliveryFails()) {
            timeline(now, reader, lane, TimelineEntry.Kind.WARNING, records.size() + " record(s) " + range
                    + " dropped: delivery to the on-failure destination failed (a FIFO queue or topic is not a "
                    + "supported destination type, spec 1.9, 6.5)", WarningKind.DESTINATION_DELIVERY_FAILED);
            return RecordState.DISCARDED;
        }
        DeadLetter message = messages.message(condition, invokeCount, functionError,
                requestId != null ? requestId : invoker.newUuid(), records, Scheduler.toInstant(now),
                invoker.newUuid());
        events.deadLetter(message);
        timeline(now, reader, lane, TimelineEntry.Kind.ON_FAILURE, records.size() + " record(s) " + range
                + " sent to " + message.destinationArn() + " as " + condition + " (approximateInvokeCount "
                + invokeCount + ")");
        return RecordState.SENT_TO_DESTINATION;
    }

    void warnIgnoredPartialResponse(long now, ShardReader reader, int lane, Invocation invocation,
                                    Outcome.Success success) {
        String text = "the function returned batchItemFailures " + success.ignoredBatchItemFailures()
                + " but the mapping does not enable FunctionResponseTypes ReportBatchItemFailures: AWS ignores "
                + "the response and treats the whole batch as successful, so those records are LOST "
                + "(spec 5.1, 13.6). Enable REPORT_BATCH_ITEM_FAILURES on the mapping.";
        timeline(now, reader, lane, TimelineEntry.Kind.WARNING, "invocation #" + invocation.number() + ": " + text,
                WarningKind.IGNORED_BATCH_ITEM_FAILURES);
        if (!warnedIgnoredPartialResponse) {
            // once per mapping in the log; every occurrence is in the timeline
            warnedIgnoredPartialResponse = true;
            logger.log(System.Logger.Level.WARNING, invoker.function().name() + ": " + text
                    + " (further occurrences are in the invocation log's timeline)");
        }
    }

    void timeline(long now, ShardReader reader, int lane, TimelineEntry.Kind kind, String text) {
        timeline(now, reader, lane, kind, text, null);
    }

    /** A timeline entry that is also a warning of {@code warning} (null: none, or OTHER for a WARNING entry). */
    void timeline(long now, ShardReader reader, int lane, TimelineEntry.Kind kind, String text,
                  WarningKind warning) {
        events.timeline(new TimelineEntry(Scheduler.toInstant(now), reader == null ? null : reader.shard.shardId(),
                lane, kind, text, warning));
    }

    EventSourceMappingConfig config() {
        return config;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Invoker invoker() {
        return invoker;
    }

    MappingEvents events() {
        return events;
    }

    BackoffSchedule backoff() {
        return backoff;
    }

    long retentionMillis() {
        return stream.retentionMillis();
    }

    int nextInvocationNumber() {
        return ++invocations;
    }

    /** Whether the mapping polls (spec 1.13). */
    public boolean isEnabled() {
        return enabled;
    }

    /** Disables or enables the mapping; re-enabling resumes from the checkpoint (spec 1.13). */
    public void setEnabled(boolean enable) {
        if (enable == enabled) {
            return;
        }
        enabled = enable;
        long now = scheduler.nowNanos();
        timeline(now, null, 0, TimelineEntry.Kind.STATE, enable ? "mapping enabled: resuming from the checkpoint"
                : "mapping disabled: polling stops, the checkpoint is kept");
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                if (enable && lane.status() == Lane.Status.DISABLED) {
                    lane.start(now);
                } else if (!enable) {
                    lane.disable();
                }
            }
        }
    }

    /** The reader of shard {@code i}. */
    private ShardReader reader(String shardId) {
        for (ShardReader r : readers) {
            if (r.shard.shardId().equals(shardId)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no shard " + shardId + " in stream " + stream.name() + " (shards: "
                + readers.stream().map(r -> r.shard.shardId()).toList() + ")");
    }

    /** The checkpoint of a shard: the last record at or below which every record is done. */
    public Optional<StreamRecord> checkpoint(String shardId) {
        return Optional.ofNullable(reader(shardId).checkpoint());
    }

    /** Where the mapping stands in a shard. */
    public PositionView position(String shardId) {
        ShardReader reader = reader(shardId);
        long now = scheduler.nowNanos();
        sweepRetention(now);
        StreamRecord next = null;
        StreamRecord blocked = null;
        long age = 0;
        int pending = 0;
        for (Lane lane : reader.lanes) {
            StreamRecord head = lane.head();
            pending += lane.pendingCount();
            if (head != null && (next == null || new BigInteger(head.sequenceNumber())
                    .compareTo(new BigInteger(next.sequenceNumber())) < 0)) {
                next = head;
            }
            if (blocked == null && lane.isRetrying()) {
                blocked = head;
            }
            age = Math.max(age, lane.iteratorAgeNanos(now));
        }
        return new PositionView(reader.checkpoint(), next, blocked, pending, age);
    }

    /** What {@link #position(String)} reports. */
    public record PositionView(StreamRecord checkpoint, StreamRecord next, StreamRecord blockedAt, int pending,
                               long iteratorAgeNanos) {
    }

    /** The ledger state of a record for this mapping. */
    public RecordState stateOf(StreamRecord record) {
        ShardLog shard = stream.shardOf(record);
        if (shard == null) {
            throw new IllegalArgumentException(record + " is not a record of stream " + stream.name());
        }
        sweepRetention(scheduler.nowNanos());
        return readers.get(shard.index()).state(shard.indexOf(record.sequenceNumber()));
    }

    /** Records per ledger state, over every shard, indexed by {@link RecordState#ordinal()}. */
    public long[] ledgerCounts() {
        sweepRetention(scheduler.nowNanos());
        long[] total = new long[RecordState.values().length];
        for (ShardReader r : readers) {
            long[] c = r.count();
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    /** As {@link #ledgerCounts()}, recounted from every record's state (slow; for ledger verification). */
    public long[] ledgerRecount() {
        sweepRetention(scheduler.nowNanos());
        long[] total = new long[RecordState.values().length];
        for (ShardReader r : readers) {
            long[] c = r.recount();
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    /** Every record in a given ledger state, shard by shard, in order. */
    public List<StreamRecord> recordsIn(RecordState state) {
        sweepRetention(scheduler.nowNanos());
        List<StreamRecord> out = new ArrayList<>();
        for (ShardReader r : readers) {
            for (int i = r.shard.firstAvailable(); i < r.shard.size(); i++) {
                if (r.state(i) == state) {
                    out.add(r.shard.get(i));
                }
            }
        }
        return out;
    }

    /** Records that lanes still hold as pending; must equal the PENDING count of the ledger. */
    public long queuedRecords() {
        long n = 0;
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                n += lane.pendingCount();
            }
        }
        return n;
    }

    private void sweepRetention(long now) {
        if (scheduler.activeTimer() != null) {
            return;
        }
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                lane.sweepRetention(now);
            }
        }
    }

    @Override
    public void close() {
        invoker.close();
    }
}
