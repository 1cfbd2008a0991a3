package io.github.streamharness.internal.mapping;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.policy.OnFailureSender;
import io.github.streamharness.internal.stream.HashKeys;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event source mapping: wires the pipeline (spec 2 {@link BatchAssembler}, spec 5 outcome reading in the
 * invoker, spec 4-6 {@link FailurePolicy} and {@link OnFailureSender}) into one {@link LaneContext}, routes every
 * record of the stream to its shard's lane (spec 0.8) and answers the ledger and position queries.
 */
public final class MappingEngine implements StreamLog.Listener, AutoCloseable {
    /** Lambda's synchronous invocation payload limit, measured on the event JSON (spec 2.5, 0.7). */
    public static final long MAX_EVENT_BYTES = BatchAssembler.MAX_EVENT_BYTES;

    private final EventSourceMappingConfig config;
    private final StreamLog stream;
    private final Scheduler scheduler;
    private final Invoker invoker;
    private final LaneContext context;
    private final List<ShardReader> readers = new ArrayList<>();

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
        this.stream = stream;
        this.scheduler = scheduler;
        this.invoker = invoker;
        OnFailureSender sender = new OnFailureSender(config.onFailureDestination(), mapper, invoker.function().arn(),
                stream.arn(), mappingUuid, codec, invoker::newUuid, events::deadLetter, events::timeline,
                events.observations());
        this.context = new LaneContext(scheduler,
                new BatchAssembler(filter, codec, config.batchSize(), config.maximumBatchingWindowInSeconds(),
                        config.maximumRecordAgeInSeconds()),
                invoker, new FailurePolicy.Settings(config.bisectBatchOnFunctionError(), config.maximumRetryAttempts()),
                sender, backoff, events, stream.retentionMillis(), config.reportBatchItemFailures(), config.enabled());
        boolean enabled = config.enabled();
        long now = scheduler.eventTimeNanos();
        filter.nonDataKeyWarning().ifPresent(text -> { // spec 9.1: once per mapping, when it is created
            context.timeline(now, null, 0, TimelineEntry.Kind.WARNING, text);
            context.warnOnce(text);
        });
        for (ShardLog shard : stream.shards()) {
            int start = startIndex(shard, now);
            Lane[] lanes = new Lane[config.parallelizationFactor()];
            ShardReader reader = new ShardReader(shard, start, lanes);
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Lane(context, reader, i, now);
                if (!enabled) {
                    lanes[i].disable(); // spec 1.13: created disabled, it polls from when it is enabled
                }
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
        if (config.startingPosition() == StartingPosition.AT_TIMESTAMP && recordIndex == reader.startIndex()
                && reader.watermark() == recordIndex && shard.arrivalMillis(recordIndex)
                < config.startingPositionTimestamp().orElseThrow().toEpochMilli()) {
            reader.beforeStart(recordIndex); // spec 2.6: a future timestamp starts at the first record at or after it
            return;
        }
        long arrival = Math.max(scheduler.eventTimeNanos(), record.approximateArrivalEpochMillis() * 1_000_000L);
        accept(reader, recordIndex, record, arrival);
    }

    private void accept(ShardReader reader, int recordIndex, StreamRecord record, long at) {
        reader.pending(recordIndex);
        if (!context.assembler.selects(record)) {
            // spec 9.4: not delivered, not sent to the destination, counted as processed
            reader.finish(recordIndex, RecordState.FILTERED);
            reader.advanceWatermark();
            context.events.observations().filteredOut(reader.shard.shardId(), at, 1);
            return;
        }
        // spec 0.8: each shard has its own N lanes, lane = MD5(partitionKey) mod N (an explicit hash key routes the
        // record to its shard, but the key's records still share one lane, so per-key order holds)
        int lane = reader.lanes.length == 1 ? 0
                : HashKeys.lane(stream.hashKeyOf(record.partitionKey()), reader.lanes.length);
        reader.lanes[lane].enqueue(recordIndex, at);
    }

    /** Whether the mapping polls (spec 1.13). */
    public boolean isEnabled() {
        return context.enabled();
    }

    /** Disables or enables the mapping; re-enabling resumes from the checkpoint (spec 1.13). */
    public void setEnabled(boolean enable) {
        if (enable == context.enabled()) {
            return;
        }
        context.enabled(enable);
        long now = scheduler.nowNanos();
        context.timeline(now, null, 0, TimelineEntry.Kind.STATE, enable ? "mapping enabled: resuming from the checkpoint"
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

    /** Lanes that are stuck: not idle or disabled, yet with no event scheduled to move them (see Lane#stuck). */
    public List<String> stuckLanes() {
        List<String> out = new ArrayList<>();
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                String why = lane.stuck();
                if (why != null) {
                    out.add(why);
                }
            }
        }
        return out;
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
