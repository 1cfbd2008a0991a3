package io.github.streamharness.internal.mapping;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.policy.OnFailureSender;
import io.github.streamharness.internal.stream.KeyHash;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.window.WindowTracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event source mapping: wires the pipeline (section 2 {@link BatchAssembler}, section 5 outcome reading in the
 * invoker, section 4-6 {@link FailurePolicy} and {@link OnFailureSender}) into one {@link LaneContext}, routes every
 * record of the stream to its shard's lane (rule 0.8) and answers the ledger and position queries.
 */
public final class MappingEngine implements StreamLog.Listener, AutoCloseable {
    /** Lambda's synchronous invocation payload limit, measured on the event JSON (rule 2.5, 0.7). */
    public static final long MAX_EVENT_BYTES = BatchAssembler.MAX_EVENT_BYTES;

    private EventSourceMappingConfig config;
    private final StreamLog stream;
    private final Scheduler scheduler;
    private final Invoker invoker;
    private final EventCodec codec;
    private final LaneContext context;
    private final List<ShardReader> readers = new ArrayList<>();
    private final ShardLineage lineage;
    private final MappingControl control;
    private boolean begun;
    private final MappingLedger ledger;

    /**
     * Creates the mapping at the scheduler's current time; it is Creating for {@code creationDelayNanos}, then starts
     * reading if it is enabled (rule 18.2: LATEST is fixed when it leaves Creating).
     */
    public MappingEngine(EventSourceMappingConfig config, FilterCriteria filter, StreamLog stream,
                         Scheduler scheduler, Invoker invoker, EventCodec codec, MappingEvents events,
                         BackoffSchedule backoff, String mappingUuid,
                         java.util.function.Supplier<com.fasterxml.jackson.databind.ObjectMapper> mapper,
                         long creationDelayNanos) {
        this.config = config;
        this.stream = stream;
        this.scheduler = scheduler;
        this.invoker = invoker;
        this.codec = codec;
        OnFailureSender sender = new OnFailureSender(config.onFailureDestination(), invoker.function().arn(),
                stream.arn(), mappingUuid, codec, invoker::newUuid, events::deadLetter, events::timeline,
                events.observations());
        this.context = new LaneContext(scheduler, settings(config, filter), invoker, sender, backoff, events,
                stream.retentionMillis(), config.enabled(),
                (assembler, shardId, notes) -> new WindowTracker(assembler, mapper, shardId, stream.arn(), notes));
        this.lineage = new ShardLineage(this::openChild, (at, reader, kind, text) -> context.timeline(at,
                reader.shard.shardId(), 0, kind, text));
        this.control = new MappingControl(this);
        this.ledger = new MappingLedger(stream, scheduler, readers, () -> begun);
        context.hooks = new LaneContext.Hooks() {
            @Override
            public void progressed(ShardReader reader, long now) {
                lineage.progressed(reader, now);
            }

            @Override
            public void laneFree(ShardReader reader, Lane lane, long now) {
                control.laneFree(reader, lane, now);
            }
        };
        long now = scheduler.eventTimeNanos();
        Optional<String> nonDataKey = filter.nonDataKeyWarning();
        if (nonDataKey.isPresent()) { // rule 9.1: once per mapping, when it is created
            String text = nonDataKey.get();
            context.timeline(now, null, 0, TimelineEntry.Kind.WARNING, text, WarningKind.FILTER_ON_NON_DATA_KEY);
            context.warnOnce(text);
        }
        if (creationDelayNanos > 0) {
            control.creating(now, now + creationDelayNanos);
        } else {
            begin(now);
        }
    }

    /** The stages' view of a configuration (section 2, 4, 5). */
    private LaneContext.Settings settings(EventSourceMappingConfig c, FilterCriteria filter) {
        return new LaneContext.Settings(new BatchAssembler(filter, codec, c.batchSize(),
                c.maximumBatchingWindowInSeconds(), c.maximumRecordAgeInSeconds(), c.tumblingWindowInSeconds()),
                new FailurePolicy.Settings(c.bisectBatchOnFunctionError(), c.maximumRetryAttempts()),
                c.reportBatchItemFailures());
    }

    /** The mapping leaves Creating: positions are fixed now, and reading starts if it is enabled. */
    void begin(long now) {
        begun = true;
        for (ShardLog shard : stream.shards()) {
            addReader(shard, startIndex(shard, now), now);
        }
        stream.addListener(this);
        for (ShardReader r : readers) {
            if (!r.awaitingParents) {
                openChild(r, now);
            }
        }
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
        } else if (!context.enabled()) {
            for (Lane lane : lanes) {
                lane.disable(); // rule 1.13: created disabled, it polls from when it is enabled
            }
        }
        for (int i = start; i < shard.size(); i++) {
            accept(reader, i, now, null);
        }
        return reader;
    }

    @Override
    public void resharded(List<ShardLog> closed, List<ShardLog> opened, String what) {
        long now = scheduler.eventTimeNanos();
        context.timeline(now, null, 0, TimelineEntry.Kind.RESHARD, what);
        for (ShardLog child : opened) {
            // a child's records are all new to every mapping: it is read from its first record (rule 11.1)
            ShardReader reader = addReader(child, 0, now);
            if (!reader.awaitingParents) {
                openChild(reader, now);
            }
        }
        for (ShardLog parent : closed) {
            for (Lane lane : readers.get(parent.index()).lanes) {
                lane.shardClosed(now); // rule 11.2: its open window closes with its final invocation
            }
            lineage.progressed(readers.get(parent.index()), now); // a caught-up parent lets its children go at once
        }
    }

    /** Starts a reader's lanes, or leaves them disabled while the mapping is. */
    private void openChild(ShardReader reader, long now) {
        for (Lane lane : reader.lanes) {
            if (context.enabled()) {
                lane.start(now);
            } else {
                lane.disable();
            }
        }
    }

    /** The control plane of the mapping: state, update, delete (section 18). */
    public MappingControl control() {
        return control;
    }

    /** The configuration in force (the last update applied). */
    public EventSourceMappingConfig config() {
        return config;
    }

    /** Replaces the configuration; lanes read it at their next step, batches in flight keep theirs (rule 18.1). */
    void applyConfig(EventSourceMappingConfig next, FilterCriteria nextFilter) {
        this.config = next;
        context.settings(settings(next, nextFilter));
    }

    Scheduler scheduler() {
        return scheduler;
    }

    List<ShardReader> readers() {
        return readers;
    }

    void timeline(long now, ShardReader reader, TimelineEntry.Kind kind, String text) {
        context.timeline(now, reader == null ? null : reader.shard.shardId(), 0, kind, text);
    }

    /** New lanes for a reader, one per lane of the current ParallelizationFactor. */
    Lane[] newLanes(ShardReader reader, long now) {
        Lane[] lanes = new Lane[config.parallelizationFactor()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(context, reader, i, now);
        }
        reader.lanes = lanes;
        return lanes;
    }

    /**
     * Rule 0.8: each shard has its own N lanes, lane = MD5(partitionKey) mod N (an explicit hash key routes the
     * record to its shard, but the key's records still share one lane, so per-key order holds). For record
     * {@code recordIndex} of the reader's shard; {@code key} is its key's hash when the stream already has it, or null.
     */
    Lane laneOf(ShardReader reader, int recordIndex, KeyHash key) {
        Lane[] lanes = reader.lanes;
        if (lanes.length == 1) {
            return lanes[0];
        }
        KeyHash k = key != null ? key : stream.keyHash(reader.shard.partitionKey(recordIndex));
        return lanes[k.lane(lanes.length)]; // remembered per key: one MD5 and one reduction per key, not per record
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
    public void recordWritten(ShardLog shard, int recordIndex, long arrivalMillis, KeyHash key) {
        ShardReader reader = readers.get(shard.index());
        if (config.startingPosition() == StartingPosition.AT_TIMESTAMP && recordIndex == reader.startIndex()
                && reader.watermark() == recordIndex && shard.arrivalMillis(recordIndex)
                < config.startingPositionTimestamp().orElseThrow().toEpochMilli()) {
            reader.beforeStart(recordIndex); // rule 2.6: a future timestamp starts at the first record at or after it
            return;
        }
        long arrival = Math.max(scheduler.eventTimeNanos(), arrivalMillis * 1_000_000L);
        accept(reader, recordIndex, arrival, key);
    }

    /** Takes record {@code recordIndex} of the reader's shard: filtered out (rule 9.4) or queued on its lane. */
    private void accept(ShardReader reader, int recordIndex, long at, KeyHash key) {
        reader.pending(recordIndex);
        BatchAssembler assembler = context.settings().assembler();
        if (!assembler.selectsAll() && !assembler.selects(reader.shard.get(recordIndex))) {
            // rule 9.4: not delivered, not sent to the destination, counted as processed
            reader.finish(recordIndex, RecordState.FILTERED);
            context.events.observations().filteredOut(reader.shard.shardId(), at, 1);
            if (reader.advanceWatermark()) {
                lineage.progressed(reader, at);
            }
            return;
        }
        laneOf(reader, recordIndex, key).enqueue(recordIndex, at);
    }

    /** Whether the mapping polls (rule 1.13). */
    public boolean isEnabled() {
        return context.enabled();
    }

    /** Disables or enables the mapping; re-enabling resumes from the checkpoint (rule 1.13). */
    public void setEnabled(boolean enable) {
        setEnabled(enable, true);
    }

    void setEnabled(boolean enable, boolean announce) {
        if (enable == context.enabled()) {
            return;
        }
        context.enabled(enable);
        long now = scheduler.nowNanos();
        if (announce) {
            context.timeline(now, null, 0, TimelineEntry.Kind.STATE, enable
                    ? "mapping enabled: resuming from the checkpoint"
                    : "mapping disabled: polling stops, the checkpoint is kept");
        }
        for (ShardReader r : readers) {
            if (r.awaitingParents) {
                continue; // its lanes start when its parents are done (rule 0.10)
            }
            for (Lane lane : r.lanes) {
                if (enable && lane.status() == LaneStatus.DISABLED) {
                    lane.start(now);
                } else if (!enable) {
                    lane.disable();
                }
            }
        }
    }

    /** The mapping's positions and ledger, as the public API reads them. */
    public MappingLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        invoker.close();
    }
}
