package io.github.streamharness.model;

import java.util.Collections;
import java.util.List;

/**
 * One engine-agnostic test case for a single lane: the mapping, the records (all present when the lane starts),
 * and the oracle that decides every invocation's outcome.
 *
 * @param config     the mapping parameters
 * @param arrivalsMs each record's approximate arrival time in ms, non-decreasing (spec 4.6: expired records form a
 *                   prefix); record i is the i-th record of the lane
 * @param startMs    when the lane reads its first batch; not before the last arrival
 * @param oracle     the outcome of every invocation
 * @param seed       the generator seed that made this scenario, or -1 for a hand-written one (for replay)
 * @param setup      the stream around the lane: records it must not see, and which lane it is (spec 0.8, 2.6, 9.1)
 */
public record Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed,
                       StreamSetup setup) {

    /** A scenario on a plain one-lane stream. */
    public Scenario(ModelConfig config, List<Long> arrivalsMs, long startMs, Oracle oracle, long seed) {
        this(config, arrivalsMs, startMs, oracle, seed, StreamSetup.oneLane(arrivalsMs.size()));
    }

    /** Copies the arrivals and checks them. */
    public Scenario {
        arrivalsMs = List.copyOf(arrivalsMs);
        if (setup.partitionKeys().size() != arrivalsMs.size()) {
            throw new IllegalArgumentException("the setup has " + setup.partitionKeys().size() + " keys for "
                    + arrivalsMs.size() + " records");
        }
        if (arrivalsMs.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one record");
        }
        for (int i = 1; i < arrivalsMs.size(); i++) {
            if (arrivalsMs.get(i) < arrivalsMs.get(i - 1)) {
                throw new IllegalArgumentException("arrival times must be non-decreasing (spec 4.6), index " + i);
            }
        }
        if (startMs < arrivalsMs.get(arrivalsMs.size() - 1)) {
            throw new IllegalArgumentException("the lane cannot start before the last record arrived");
        }
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
        return new Scenario(value, arrivalsMs, startMs, oracle, seed, setup);
    }

    /** A copy with other records and start time. */
    public Scenario withArrivals(List<Long> arrivals, long start) {
        return new Scenario(config, arrivals, start, oracle, seed, setup);
    }

    /** A copy with another oracle. */
    public Scenario withOracle(Oracle value) {
        return new Scenario(config, arrivalsMs, startMs, value, seed, setup);
    }

    /** A copy with another stream setup. */
    public Scenario withSetup(StreamSetup value) {
        return new Scenario(config, arrivalsMs, startMs, oracle, seed, value);
    }
}
