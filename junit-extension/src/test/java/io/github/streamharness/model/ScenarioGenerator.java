package io.github.streamharness.model;

import io.github.streamharness.model.GeneratedOracle.FailureStyle;
import io.github.streamharness.model.GeneratedOracle.RecordFault;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Makes random scenarios from a seed: the same seed always gives the same scenario, so a failing case is replayed
 * from its seed alone. Every scenario it makes terminates (infinite retries always come with a record age, and
 * throttles never reach 100 %).
 */
public final class ScenarioGenerator {

    private static final long[] TIMEOUTS_MS = {1_000, 3_000, 10_000, 60_000};
    private static final int[] WINDOWS_S = {1, 5, 10, 30, 60, 120, 300, 900};
    private static final long CHANGE_SALT = 0x5EED_16L;

    /** The scenario for this seed. */
    public Scenario generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int records = pick(random, 1 + random.nextInt(10), 1 + random.nextInt(100), 1 + random.nextInt(500));
        ModelConfig config = config(random);
        List<Long> arrivals = new ArrayList<>(records);
        long t = 0;
        for (int i = 0; i < records; i++) {
            if (random.nextInt(3) == 0) {
                t += 1 + random.nextInt(2_000);  // a third of the records arrive later than the one before
            }
            arrivals.add(t);
        }
        // a quarter of the lanes start late, so that some records may be too old before their first read (rule 4.6)
        long start = t + (random.nextInt(4) == 0 ? random.nextLong(120_001) : 0);
        GeneratedOracle oracle = oracle(random, records);
        StreamSetup setup = setup(random, records, seed);
        // drawn after the setup, so every other part of a seed's scenario stays as it was: a quarter of the cases
        // aggregate in tumbling windows (section 8) of a length that divides a day, so model time 0 (a midnight) is
        // aligned
        if (random.nextInt(4) == 0) {
            config = config.withTumblingWindowInSeconds(WINDOWS_S[random.nextInt(WINDOWS_S.length)]);
        }
        Scenario scenario = new Scenario(config, arrivals, start, oracle, seed, setup);
        // issue 16: three in five of the cases on a plain one-lane stream get a reshard or an update in the middle,
        // drawn from a second stream of the seed so that everything above stays what it was
        SplittableRandom changes = new SplittableRandom(seed ^ CHANGE_SALT);
        Scenario changed = plain(scenario.setup()) && changes.nextInt(5) < 3 ? withChange(scenario, changes) : scenario;
        // issue 13: the function's environments and limits, from a third stream of the seed (not yet combined with a
        // change in the middle)
        return changed.change() != null ? changed
                : changed.withFunction(function(new SplittableRandom(seed ^ FUNCTION_SALT), config));
    }

    /** One shard, one lane, TRIM_HORIZON, no filter: the stream a change in the middle is replayed on. */
    private static boolean plain(StreamSetup setup) {
        return setup.shards() == 1 && setup.parallelizationFactor() == 1 && !setup.atTimestamp()
                && setup.filteredBefore().isEmpty();
    }

    /** The seed's change: a split, a merge or an update, at a time the lane is likely to be busy. */
    private static Scenario withChange(Scenario s, SplittableRandom random) {
        int n = s.recordCount();
        long at = s.startMs() + pick(random, 0, random.nextInt(5_000), random.nextInt(120_000));
        Change.Kind kind = Change.Kind.values()[random.nextInt(3)];
        if (kind == Change.Kind.UPDATE && s.config().tumbling()) {
            return s; // not yet: an update of a windowed mapping (the model and the engine cut batches differently)
        }
        if (kind == Change.Kind.UPDATE) {
            ModelConfig c = s.config();
            ModelConfig updated = config(random).withDurations(c.functionTimeoutMs(), c.invocationDurationMs())
                    .withTumblingWindowInSeconds(c.tumblingWindowInSeconds()); // an update keeps the windows
            if (c.maximumRetryAttempts() == -1 && !updated.hasRecordAge()) {
                updated = updated.withMaximumRecordAgeInSeconds(c.maximumRecordAgeInSeconds()); // still ends
            }
            return s.withChange(new Change(kind, at, 0, false, updated));
        }
        int firstChild = random.nextInt(n + 1); // 0: nothing before the change; n: nothing after it
        List<Long> arrivals = new ArrayList<>(s.arrivalsMs());
        for (int i = firstChild; i < n; i++) {
            arrivals.set(i, at);
        }
        return new Scenario(s.config(), arrivals, s.startMs(), s.oracle(), s.seed(),
                new Change(kind, at, firstChild, random.nextBoolean(), null));
    }

    /**
     * The stream around the lane (drawn after everything else, so the lane's own content of a seed stays as it
     * was): a third of the cases on 1..4 shards with ParallelizationFactor 1..10 and up to four keys of one lane
     * (rule 0.8), a fifth with AT_TIMESTAMP set in the future (rule 2.6), a fifth with filtered-out records, half of
     * those also named by a partitionKey pattern that must not match (rule 9.1).
     */
    private static StreamSetup setup(SplittableRandom random, int records, long seed) {
        int shards = 1;
        int factor = 1;
        List<String> keys = new ArrayList<>(java.util.Collections.nCopies(records, "pk"));
        if (random.nextInt(3) == 0) {
            shards = 1 + random.nextInt(4);
            factor = 1 + random.nextInt(10);
            int shard = random.nextInt(shards);
            int lane = random.nextInt(factor);
            List<String> laneKeys = new ArrayList<>();
            int wanted = 1 + random.nextInt(4);
            for (int j = 0; laneKeys.size() < wanted; j++) {
                String key = "key-" + seed + "-" + j;
                if (StreamSetup.shardOf(key, shards) == shard && StreamSetup.laneOf(key, factor) == lane) {
                    laneKeys.add(key);
                }
            }
            for (int i = 0; i < records; i++) {
                keys.set(i, laneKeys.get(random.nextInt(laneKeys.size())));
            }
        }
        int beforeTimestamp = random.nextInt(5) == 0 ? random.nextInt(4) : -1;
        List<Integer> filtered = new ArrayList<>();
        boolean partitionKeyFilter = false;
        if (random.nextInt(5) == 0) {
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                filtered.add(random.nextInt(records));
            }
            partitionKeyFilter = random.nextBoolean();
        }
        return new StreamSetup(shards, factor, keys, beforeTimestamp, filtered, partitionKeyFilter);
    }

    private static final long FUNCTION_SALT = 0x5EED_F00DL;

    /**
     * The function around the lane: an eighth of the cases with reserved concurrency 0 (only with a record age:
     * throttles end only by age, rule 15.3), an eighth with a limit 1..10 that one lane never reaches, a sixth with
     * provisioned concurrency, a third with an Init phase that fits the timeout, a third with a short keep-warm time
     * so that back-offs reclaim the environment (rule 0.14).
     */
    static ModelFunction function(SplittableRandom random, ModelConfig config) {
        int roll = random.nextInt(8);
        int reserved = roll == 0 && config.hasRecordAge() ? 0 : roll == 1 ? 1 + random.nextInt(10) : -1;
        int provisioned = reserved != 0 && random.nextInt(6) == 0
                ? 1 + random.nextInt(reserved == -1 ? 5 : reserved) : 0;
        long room = Math.min(10_000, config.functionTimeoutMs() - config.invocationDurationMs() - 1);
        long init = room > 0 && random.nextInt(3) == 0 ? random.nextLong(room + 1) : 0;
        long keepWarm = random.nextInt(3) == 0 ? 1 + random.nextLong(120_000) : 600_000;
        return new ModelFunction(reserved, provisioned, init, keepWarm);
    }

    private static ModelConfig config(SplittableRandom random) {
        int batchSize = pick(random, 1 + random.nextInt(10), 1 + random.nextInt(100), 100 + random.nextInt(901));
        boolean bisect = random.nextBoolean();
        int retries = random.nextInt(5) == 0 ? -1 : random.nextInt(6);
        // rule 4.5: -1 retries only end by record age, so -1 always comes with one here
        int age = retries == -1 || random.nextInt(3) == 0 ? 60 + random.nextInt(541) : -1;
        boolean reportBatchItemFailures = random.nextBoolean();
        long timeout = TIMEOUTS_MS[random.nextInt(TIMEOUTS_MS.length)];
        long duration = random.nextInt(3) == 0 ? random.nextLong(Math.min(timeout, 5_000) + 1) : 0;
        return new ModelConfig(batchSize, bisect, retries, age, reportBatchItemFailures, timeout, duration);
    }

    private static GeneratedOracle oracle(SplittableRandom random, int records) {
        TreeMap<Integer, RecordFault> faults = new TreeMap<>();
        int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.min(records, 6));
        FailureStyle[] styles = FailureStyle.values();
        for (int i = 0; i < count; i++) {
            int failures = random.nextInt(3) == 0 ? RecordFault.ALWAYS : 1 + random.nextInt(4);
            // half exceptions or timeouts, a quarter valid partial responses, a quarter invalid ones
            int roll = random.nextInt(4);
            FailureStyle style = roll < 2 ? styles[random.nextInt(2)]
                    : roll == 2 ? FailureStyle.PARTIAL : styles[3 + random.nextInt(styles.length - 3)];
            faults.put(random.nextInt(records), new RecordFault(failures, style));
        }
        int throttlePercent = random.nextInt(5) == 0 ? 1 + random.nextInt(30) : 0;
        return new GeneratedOracle(faults, throttlePercent, random.nextLong(), random.nextInt(4) == 0,
                random.nextInt(4) == 0);
    }

    /** Three-way pick, 30/40/30: small, medium or large. */
    private static int pick(SplittableRandom random, int small, int medium, int large) {
        int roll = random.nextInt(10);
        return roll < 3 ? small : roll < 7 ? medium : large;
    }
}
