package io.github.streamharness.model;

import java.util.Collections;
import java.util.List;

/**
 * One engine-agnostic test case for a single lane: the mapping, the records (all present when the lane starts),
 * and the oracle that decides every invocation's outcome.
 *
 * @param config     the mapping parameters
 * @param arrivalsMs each record's approximate arrival time in ms, non-decreasing (rule 4.6: expired records form a
 *                   prefix); record i is the i-th record of the lane
 * @param startMs    when the lane reads its first batch; not before the last arrival
 * @param oracle     the outcome of every invocation
 * @param seed       the generator seed that made this scenario, or -1 for a hand-written one (for replay)
 * @param setup      the stream around the lane: records it must not see, and which lane it is (rule 0.8, 2.6, 9.1)
 * @param change     a reshard or an update in the middle (issue 16), or null; with a reshard, the child's records
 *                   arrive at the change's time, after the start
 * @param function   the function's environments and limits (section 15, 0.14, 0.15)
 */
public record Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed,
                       StreamSetup setup, Change change, ModelFunction function) {

    /** A scenario with Lambda's default function settings. */
    public Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed,
                    StreamSetup setup, Change change) {
        this(config, arrivalsMs, startMs, oracle, seed, setup, change, ModelFunction.DEFAULTS);
    }

    /** A scenario on a plain one-lane stream, without a change. */
    public Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed) {
        this(config, arrivalsMs, startMs, oracle, seed, StreamSetup.oneLane(arrivalsMs.size()), null);
    }

    /** A scenario on a plain one-lane stream with a change in the middle. */
    public Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed,
                    Change change) {
        this(config, arrivalsMs, startMs, oracle, seed, StreamSetup.oneLane(arrivalsMs.size()), change);
    }

    /** A scenario around a stream setup, without a change. */
    public Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed,
                    StreamSetup setup) {
        this(config, arrivalsMs, startMs, oracle, seed, setup, null);
    }

    /** Copies the arrivals and checks them. */
    public Scenario {
        arrivalsMs = List.copyOf(arrivalsMs);
        if (setup.partitionKeys().size() != arrivalsMs.size()) {
            throw new IllegalArgumentException("the setup has " + setup.partitionKeys().size() + " keys for "
                    + arrivalsMs.size() + " records");
        }
        if (function.initDurationMs() > 0
                && function.initDurationMs() + config.invocationDurationMs() >= config.functionTimeoutMs()) {
            throw new IllegalArgumentException("Init plus the invocation's duration must fit the timeout");
        }
        if (arrivalsMs.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one record");
        }
        for (int i = 1; i < arrivalsMs.size(); i++) {
            if (arrivalsMs.get(i) < arrivalsMs.get(i - 1)) {
                throw new IllegalArgumentException("arrival times must be non-decreasing (rule 4.6), index " + i);
            }
        }
        int parentRecords = change != null && change.reshards() ? change.firstChildRecord() : arrivalsMs.size();
        if (parentRecords > arrivalsMs.size()) {
            throw new IllegalArgumentException("the child's first record is past the last record");
        }
        if (parentRecords > 0 && startMs < arrivalsMs.get(parentRecords - 1)) {
            throw new IllegalArgumentException("the lane cannot start before the last record arrived");
        }
        if (change != null) {
            if (change.atMs() < startMs) {
                throw new IllegalArgumentException("the change cannot come before the lane starts");
            }
            for (int i = parentRecords; i < arrivalsMs.size(); i++) {
                if (arrivalsMs.get(i) != change.atMs()) {
                    throw new IllegalArgumentException("the child's records arrive when the stream is resharded");
                }
            }
            if (change.kind() == Change.Kind.UPDATE && (change.updated().functionTimeoutMs() != config.functionTimeoutMs()
                    || change.updated().invocationDurationMs() != config.invocationDurationMs())) {
                throw new IllegalArgumentException("an update changes the mapping, not the function's durations");
            }
        }
    }

    /** The configuration an invocation starting at {@code atMs} runs under (rule 18.1). */
    public ModelConfig configAt(long atMs) {
        return change != null && change.kind() == Change.Kind.UPDATE && atMs > change.atMs() ? change.updated()
                : config;
    }

    /** The number of records written before the change into the original shard (all of them without a reshard). */
    public int parentRecordCount() {
        return change != null && change.reshards() ? change.firstChildRecord() : arrivalsMs.size();
    }

    /** A hand-written scenario: {@code records} records all arriving at time 0, the lane starting at time 0. */
    public static Scenario of(ModelConfig config, int records, Oracle oracle) {
        return new Scenario(config, Collections.nCopies(records, 0L), 0, oracle, -1);
    }

    /** The number of records. */
    public int recordCount() {
        return arrivalsMs.size();
    }

    /** A copy with another mapping configuration. */
    public Scenario withConfig(ModelConfig value) {
        Change c = change != null && change.kind() == Change.Kind.UPDATE
                ? new Change(Change.Kind.UPDATE, change.atMs(), 0, false, change.updated()
                .withDurations(value.functionTimeoutMs(), value.invocationDurationMs()))
                : change;
        return new Scenario(value, arrivalsMs, startMs, oracle, seed, setup, c, function);
    }

    /** A copy with other records and start time. */
    public Scenario withArrivals(List<Long> arrivals, long start) {
        return new Scenario(config, arrivals, start, oracle, seed, setup, change, function);
    }

    /** A copy with another oracle. */
    public Scenario withOracle(Oracle value) {
        return new Scenario(config, arrivalsMs, startMs, value, seed, setup, change, function);
    }

    /** A copy with another change (null for none). */
    public Scenario withChange(Change value) {
        return new Scenario(config, arrivalsMs, startMs, oracle, seed, setup, value, function);
    }

    /** A copy with another stream setup. */
    public Scenario withSetup(StreamSetup value) {
        return new Scenario(config, arrivalsMs, startMs, oracle, seed, value, change, function);
    }

    /** A copy with other function settings. */
    public Scenario withFunction(ModelFunction value) {
        return new Scenario(config, arrivalsMs, startMs, oracle, seed, setup, change, value);
    }
}
