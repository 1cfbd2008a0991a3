package io.github.streamharness.internal.mapping;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.MappingState;
import io.github.streamharness.RecordState;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.time.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The control plane of one mapping (rule 18.1, 18.2): its state, UpdateEventSourceMapping (applied after an optional
 * delay, each lane finishing its batch under the configuration it was invoked with) and DeleteEventSourceMapping.
 * A new ParallelizationFactor re-partitions a shard's waiting records once none of its old lanes has a batch left,
 * so a key is never in two lanes at once.
 */
public final class MappingControl {
    private final MappingEngine engine;
    private boolean creating;
    private long enabledAt;
    private long updateToken;
    private boolean updating;
    private boolean deleted;
    private String deletedAt;

    MappingControl(MappingEngine engine) {
        this.engine = engine;
    }

    /** The mapping's state now. */
    public MappingState state() {
        if (deleted) {
            return MappingState.DELETING;
        }
        if (creating) {
            return MappingState.CREATING;
        }
        if (updating) {
            return MappingState.UPDATING;
        }
        return engine.isEnabled() ? MappingState.ENABLED : MappingState.DISABLED;
    }

    /** Rule 18.2: the mapping is Creating until {@code at}; then its positions are fixed and it reads. */
    void creating(long now, long at) {
        creating = true;
        enabledAt = at;
        engine.timeline(now, null, TimelineEntry.Kind.STATE, "mapping Creating until " + Scheduler.toInstant(at)
                + ": records written meanwhile are missed by LATEST (rule 18.2, 13.13)");
        engine.scheduler().schedule(at, () -> {
            if (deleted) {
                return;
            }
            creating = false;
            engine.timeline(at, null, TimelineEntry.Kind.STATE, "mapping "
                    + (engine.isEnabled() ? "Enabled" : "Disabled") + " after Creating: positions fixed now, "
                    + engine.config().startingPosition() + " (rule 18.2)");
            engine.begin(at);
        });
    }

    /** Enables or disables the mapping (rule 1.13); refused once it is deleted. */
    public void setEnabled(boolean enable) {
        refuseIfDeleted(enable ? "enable()" : "disable()");
        engine.setEnabled(enable);
    }

    /**
     * UpdateEventSourceMapping (rule 18.1): after {@code delayNanos} (the old configuration applies meanwhile: the
     * mapping is Updating), every lane uses {@code next}; a batch in flight finishes under the configuration it was
     * invoked with, the checkpoint and the attempt count of a batch waiting for a retry are kept.
     *
     * @throws IllegalArgumentException when the update changes StartingPosition or StartingPositionTimestamp, or
     *                                  the on-failure destination
     * @throws IllegalStateException    when the mapping is Creating, Updating or deleted
     */
    public void update(EventSourceMappingConfig next, FilterCriteria nextFilter, long delayNanos) {
        Objects.requireNonNull(next, "config");
        refuseIfDeleted("update(..)");
        EventSourceMappingConfig current = engine.config();
        if (creating) {
            throw new IllegalStateException("update(..) refused: the mapping is still Creating (until "
                    + Scheduler.toInstant(enabledAt) + "); AWS accepts an update once the mapping is Enabled or "
                    + "Disabled. Advance the clock past the creation delay first (rule 18.2).");
        }
        if (updating) {
            throw new IllegalStateException("update(..) refused: the mapping is Updating (the previous update is not "
                    + "applied yet, rule 18.1); advance the clock past the update delay, then update again.");
        }
        if (next.startingPosition() != current.startingPosition()) {
            throw new IllegalArgumentException("update(..) cannot change StartingPosition (" + current.startingPosition()
                    + " -> " + next.startingPosition() + "): UpdateEventSourceMapping has no StartingPosition "
                    + "parameter (rule 18.1). Build the new configuration with toBuilder() from config(), or delete "
                    + "the mapping and add a new one to start elsewhere.");
        }
        if (!next.startingPositionTimestamp().equals(current.startingPositionTimestamp())) {
            throw new IllegalArgumentException("update(..) cannot change StartingPositionTimestamp ("
                    + current.startingPositionTimestamp().map(Object::toString).orElse("none") + " -> "
                    + next.startingPositionTimestamp().map(Object::toString).orElse("none") + "): "
                    + "UpdateEventSourceMapping has no such parameter (rule 18.1). Delete the mapping and add a new "
                    + "one to start elsewhere.");
        }
        if (!next.onFailureDestination().equals(current.onFailureDestination())) {
            throw new IllegalArgumentException("update(..) cannot change the on-failure destination ("
                    + current.onFailureDestination().orElse("none") + " -> " + next.onFailureDestination()
                    .orElse("none") + ") in this version of the harness (AWS allows it); keep the destination, or "
                    + "add a second mapping for the new one.");
        }
        if (next.tumblingWindowInSeconds() != current.tumblingWindowInSeconds()
                || next.tumblingWindowInSeconds() > 0
                && next.parallelizationFactor() != current.parallelizationFactor()) {
            throw new IllegalArgumentException("update(..) cannot change TumblingWindowInSeconds ("
                    + current.tumblingWindowInSeconds() + " -> " + next.tumblingWindowInSeconds() + "), nor the "
                    + "ParallelizationFactor of a mapping with tumbling windows, in this version of the harness (AWS "
                    + "allows it; how open windows carry over is not documented, rule 8.4); keep both, or delete the "
                    + "mapping and add a new one.");
        }
        long now = engine.scheduler().nowNanos();
        long token = ++updateToken;
        if (delayNanos <= 0) {
            apply(current, next, nextFilter, now);
            return;
        }
        updating = true;
        engine.timeline(now, null, TimelineEntry.Kind.STATE, "mapping Updating: the new configuration applies at "
                + Scheduler.toInstant(now + delayNanos) + ", the old one until then (rule 18.1)");
        engine.scheduler().schedule(now + delayNanos, () -> {
            if (token == updateToken && !deleted) {
                updating = false;
                apply(current, next, nextFilter, engine.scheduler().eventTimeNanos());
            }
        });
    }

    private void apply(EventSourceMappingConfig old, EventSourceMappingConfig next, FilterCriteria nextFilter,
                       long now) {
        engine.applyConfig(next, nextFilter);
        engine.timeline(now, null, TimelineEntry.Kind.STATE, "mapping updated: " + changes(old, next)
                + "; batches in flight finish as they were invoked, checkpoints and retry counts are kept "
                + "(rule 18.1)");
        if (next.parallelizationFactor() != old.parallelizationFactor()) {
            for (ShardReader reader : engine.readers()) {
                reader.repartitioning = true;
                for (Lane lane : reader.lanes) {
                    if (lane.hasNoBatch()) {
                        lane.settle();
                    }
                }
                repartitionIfSettled(reader, now);
            }
        }
        if (next.enabled() != engine.isEnabled()) {
            engine.setEnabled(next.enabled());
        }
    }

    /** A lane of a repartitioning reader finished its batch: it stops, and the reader re-partitions when all have. */
    void laneFree(ShardReader reader, Lane lane, long now) {
        lane.settle();
        repartitionIfSettled(reader, now);
    }

    private void repartitionIfSettled(ShardReader reader, long now) {
        for (Lane lane : reader.lanes) {
            if (lane.status() != LaneStatus.SETTLED) {
                return;
            }
        }
        List<Integer> waiting = new ArrayList<>();
        for (Lane lane : reader.lanes) {
            IntQueue q = lane.settle();
            for (int i = 0; i < q.size(); i++) {
                waiting.add(q.get(i));
            }
        }
        waiting.sort(null); // shard order: each key's records keep their order in its new lane
        int before = reader.lanes.length;
        Lane[] lanes = engine.newLanes(reader, now);
        reader.repartitioning = false;
        for (Lane lane : lanes) {
            if (reader.awaitingParents) {
                lane.awaitParents();
            } else if (!engine.isEnabled()) {
                lane.disable();
            } else {
                lane.start(now);
            }
        }
        for (int i : waiting) {
            engine.laneOf(reader, i, null).enqueue(i, now);
        }
        engine.timeline(now, reader, TimelineEntry.Kind.STATE, "ParallelizationFactor " + before + " -> "
                + lanes.length + ": the old lanes' batches are done; " + waiting.size() + " waiting record(s) "
                + "re-partitioned by partition key into " + lanes.length + " lane(s) (rule 18.1, 0.8)");
    }

    /**
     * DeleteEventSourceMapping (rule 18.1): no invocation after the batch in flight; the undelivered records stay
     * PENDING in the ledger (they are still in the stream).
     */
    public void delete() {
        refuseIfDeleted("delete()");
        long now = engine.scheduler().nowNanos();
        deleted = true;
        deletedAt = Scheduler.toInstant(now).toString();
        updateToken++;
        updating = false;
        engine.setEnabled(false, false);
        engine.timeline(now, null, TimelineEntry.Kind.STATE, "mapping deleted: no invocation after the batch in "
                + "flight; " + engine.ledger().ledgerCounts()[RecordState.PENDING.ordinal()] + " undelivered record(s) stay "
                + "PENDING (rule 18.1)");
    }

    private void refuseIfDeleted(String call) {
        if (deleted) {
            throw new IllegalStateException(call + " refused: the mapping was deleted at " + deletedAt + " (rule "
                    + "18.1); a deleted mapping cannot be enabled, disabled, updated or deleted again. Add a new "
                    + "mapping with addMapping(..) to read the stream again.");
        }
    }

    private static String changes(EventSourceMappingConfig a, EventSourceMappingConfig b) {
        List<String> out = new ArrayList<>();
        change(out, "BatchSize", a.batchSize(), b.batchSize());
        change(out, "MaximumBatchingWindowInSeconds", a.maximumBatchingWindowInSeconds(),
                b.maximumBatchingWindowInSeconds());
        change(out, "ParallelizationFactor", a.parallelizationFactor(), b.parallelizationFactor());
        change(out, "BisectBatchOnFunctionError", a.bisectBatchOnFunctionError(), b.bisectBatchOnFunctionError());
        change(out, "MaximumRetryAttempts", a.maximumRetryAttempts(), b.maximumRetryAttempts());
        change(out, "MaximumRecordAgeInSeconds", a.maximumRecordAgeInSeconds(), b.maximumRecordAgeInSeconds());
        change(out, "FunctionResponseTypes", a.functionResponseTypes(), b.functionResponseTypes());
        change(out, "FilterCriteria", a.filterPatterns(), b.filterPatterns());
        change(out, "Enabled", a.enabled(), b.enabled());
        return out.isEmpty() ? "no parameter changed" : String.join(", ", out);
    }

    private static void change(List<String> out, String name, Object a, Object b) {
        if (!a.equals(b)) {
            out.add(name + " " + a + " -> " + b);
        }
    }

    /** A duration in nanos, for callers that hold a {@link Duration}. */
    public static long nanos(Duration d) {
        return d == null ? 0 : d.toNanos();
    }
}
