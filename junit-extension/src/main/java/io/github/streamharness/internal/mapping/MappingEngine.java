package io.github.streamharness.internal.mapping;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.SequenceRanges;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
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

    private EventSourceMappingConfig config;
    private FilterCriteria filter;
    private final StreamLog stream;
    private final Scheduler scheduler;
    private final Invoker invoker;
    private final EventCodec codec;
    private final MappingEvents events;
    private final BackoffSchedule backoff;
    private final OnFailureMessages messages;
    private final System.Logger logger;
    private final List<ShardReader> readers = new ArrayList<>();
    private final ShardLineage lineage;
    private final MappingControl control;
    private boolean begun;
    private boolean enabled;
    private int invocations;
    private boolean warnedIgnoredPartialResponse;

    /**
     * Creates the mapping at the scheduler's current time; it is Creating for {@code creationDelayNanos}, then starts
     * reading (spec 18.2: LATEST is fixed when it becomes Enabled).
     */
    public MappingEngine(EventSourceMappingConfig config, FilterCriteria filter, StreamLog stream,
                         Scheduler scheduler, Invoker invoker, EventCodec codec, MappingEvents events,
                         BackoffSchedule backoff, String mappingUuid, com.fasterxml.jackson.databind.ObjectMapper mapper,
                         long creationDelayNanos) {
        MappingControl.checkSupported(config);
        this.config = config;
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
        this.lineage = new ShardLineage(this::openChild, (at, reader, kind, text) -> timeline(at, reader, 0, kind,
                text));
        this.control = new MappingControl(this);
        long now = scheduler.eventTimeNanos();
        if (creationDelayNanos > 0) {
            control.creating(now, now + creationDelayNanos);
        } else {
            begin(now);
        }
    }

    /** The mapping leaves Creating: positions are fixed now, and reading starts if it is enabled. */
    void begin(long now) {
        begun = true;
        for (ShardLog shard : stream.shards()) {
            addReader(shard, startIndex(shard, now), now);
        }
        stream.addListener(this);
        for (ShardReader r : readers) {
            if (enabled && !r.awaitingParents) {
                for (Lane lane : r.lanes) {
                    lane.start(now);
                }
            }
        }
    }

    /** The control plane of the mapping: state, update, delete (spec 18). */
    public MappingControl control() {
        return control;
    }

    /** Replaces the configuration; lanes read it at their next step, batches in flight keep theirs (spec 18.1). */
    void applyConfig(EventSourceMappingConfig next, FilterCriteria nextFilter) {
        this.config = next;
        this.filter = nextFilter;
    }

    List<ShardReader> readers() {
        return readers;
    }

    /** A lane of a repartitioning reader has no batch left (spec 18.1). */
    void laneFree(ShardReader reader, Lane lane, long now) {
        control.laneFree(reader, lane, now);
    }

    /** New lanes for a reader, one per slice of the current ParallelizationFactor. */
    Lane[] newLanes(ShardReader reader, long now) {
        Lane[] lanes = new Lane[config.parallelizationFactor()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(this, reader, i, now);
        }
        reader.lanes = lanes;
        reader.slices = new HashKeys.Slices(lanes.length);
        return lanes;
    }

    /** The lane of a record among its reader's lanes (spec 0.8). */
    Lane laneOf(ShardReader reader, StreamRecord record) {
        return reader.lanes.length == 1 ? reader.lanes[0]
                : reader.lanes[reader.slices.of(stream.hashKeyOf(record.partitionKey()))];
    }

    private ShardReader addReader(ShardLog shard, int start, long now) {
        ShardReader reader = new ShardReader(shard, start);
        Lane[] lanes = newLanes(reader, now);
        readers.add(reader);
        shard.addReader(reader::firstNeeded);
        if (!lineage.add(reader)) {
            for (Lane lane : lanes) {
                lane.awaitParents();
            }
        }
        for (int i = start; i < shard.size(); i++) {
            accept(reader, i, shard.get(i), now);
        }
        return reader;
    }

    @Override
    public void resharded(List<ShardLog> closed, List<ShardLog> opened, String what) {
        long now = scheduler.eventTimeNanos();
        timeline(now, null, 0, TimelineEntry.Kind.RESHARD, what);
        for (ShardLog child : opened) {
            // a child's records are all new to every mapping: it is read from its first record (spec 11.1)
            ShardReader reader = addReader(child, 0, now);
            if (!reader.awaitingParents) {
                openChild(reader, now);
            }
        }
        for (ShardLog parent : closed) {
            lineage.progressed(readers.get(parent.index()), now); // a caught-up parent lets its children go at once
        }
    }

    /** A reader's checkpoint moved: children of a finished parent may start (spec 0.10). */
    void readerProgressed(ShardReader reader, long now) {
        lineage.progressed(reader, now);
    }

    private void openChild(ShardReader reader, long now) {
        for (Lane lane : reader.lanes) {
            if (enabled) {
                lane.start(now);
            } else {
                lane.disable();
            }
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
            if (reader.advanceWatermark()) {
                lineage.progressed(reader, at);
            }
            return;
        }
        // spec 0.8: the lane is the slice of the partition key's MD5 hash key (an explicit hash key routes the record
        // to its shard, but the key's records still share one lane, so per-key order holds)
        laneOf(reader, record).enqueue(recordIndex, at);
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
                    + "): no on-failure destination is configured, so AWS skips them (spec 4.4)");
            return RecordState.DISCARDED;
        }
        if (messages.deliveryFails()) {
            timeline(now, reader, lane, TimelineEntry.Kind.WARNING, records.size() + " record(s) " + range
                    + " dropped: delivery to the on-failure destination failed (a FIFO queue or topic is not a "
                    + "supported destination type, spec 1.9, 6.5)");
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
        timeline(now, reader, lane, TimelineEntry.Kind.WARNING, "invocation #" + invocation.number() + ": " + text);
        if (!warnedIgnoredPartialResponse) {
            // once per mapping in the log; every occurrence is in the timeline
            warnedIgnoredPartialResponse = true;
            logger.log(System.Logger.Level.WARNING, invoker.function().name() + ": " + text
                    + " (further occurrences are in the invocation log's timeline)");
        }
    }

    void timeline(long now, ShardReader reader, int lane, TimelineEntry.Kind kind, String text) {
        events.timeline(new TimelineEntry(Scheduler.toInstant(now), reader == null ? null : reader.shard.shardId(),
                lane, kind, text));
    }

    /** The configuration in force (the last update applied). */
    public EventSourceMappingConfig config() {
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
        setEnabled(enable, true);
    }

    void setEnabled(boolean enable, boolean announce) {
        if (enable == enabled) {
            return;
        }
        enabled = enable;
        long now = scheduler.nowNanos();
        if (announce) {
            timeline(now, null, 0, TimelineEntry.Kind.STATE, enable ? "mapping enabled: resuming from the checkpoint"
                    : "mapping disabled: polling stops, the checkpoint is kept");
        }
        for (ShardReader r : readers) {
            if (r.awaitingParents) {
                continue; // its lanes start when its parents are done (spec 0.10)
            }
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
        return creating(shardId) ? Optional.empty() : Optional.ofNullable(reader(shardId).checkpoint());
    }

    /** Whether the mapping is still Creating (no positions yet); checks that the shard exists. */
    private boolean creating(String shardId) {
        if (begun) {
            return false;
        }
        if (stream.shard(shardId) == null) {
            reader(shardId); // the usual error
        }
        return true;
    }

    /** Where the mapping stands in a shard. */
    public PositionView position(String shardId) {
        if (creating(shardId)) {
            ShardLog shard = stream.shard(shardId);
            return new PositionView(null, shard.size() == 0 ? null : shard.get(shard.firstAvailable()), null,
                    shard.size() - shard.firstAvailable(), 0);
        }
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
        if (!begun) {
            return RecordState.PENDING; // Creating: no position yet, every record is still to be decided (spec 18.2)
        }
        return readers.get(shard.index()).state(shard.indexOf(record.sequenceNumber()));
    }

    /** Records per ledger state, over every shard, indexed by {@link RecordState#ordinal()}. */
    public long[] ledgerCounts() {
        sweepRetention(scheduler.nowNanos());
        long[] total = new long[RecordState.values().length];
        total[RecordState.PENDING.ordinal()] = begun ? 0 : queuedRecords();
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
        total[RecordState.PENDING.ordinal()] = begun ? 0 : queuedRecords();
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
        if (!begun) {
            if (state == RecordState.PENDING) {
                stream.shards().forEach(s -> out.addAll(s.records()));
            }
            return out;
        }
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
        if (!begun) {
            return stream.shards().stream().mapToLong(ShardLog::size).sum();
        }
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
