package io.github.streamharness.model;

import io.github.streamharness.model.GeneratedOracle.FailureStyle;
import io.github.streamharness.model.GeneratedOracle.RecordFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Shrinks a failing scenario: tries fewer records, a smaller batch, a simpler mapping and a simpler oracle, and
 * keeps the smallest scenario for which the predicate still holds. Each accepted step makes the scenario strictly
 * smaller by {@link #measure(Scenario)}, so shrinking always ends.
 *
 * <p>Only a {@link GeneratedOracle} can be renumbered, so records are dropped anywhere only with one; with another
 * oracle only a suffix of the records is dropped.
 */
public final class Shrinker {

    private final int maxTries;

    /** A shrinker that evaluates the predicate at most {@code maxTries} times. */
    public Shrinker(int maxTries) {
        this.maxTries = maxTries;
    }

    /**
     * The smallest scenario found, starting from {@code failing}, for which {@code stillFails} is true. The
     * predicate should not throw; wrap the code under test and return true for the failure being chased.
     */
    public Scenario shrink(Scenario failing, Predicate<Scenario> stillFails) {
        if (!stillFails.test(failing)) {
            throw new IllegalArgumentException("the scenario to shrink does not fail; is the predicate deterministic?");
        }
        Scenario current = failing;
        int tries = 0;
        boolean progress = true;
        while (progress && tries < maxTries) {
            progress = false;
            for (Supplier<Scenario> candidate : candidates(current)) {
                Scenario smaller = build(candidate);
                if (smaller == null || compare(measure(smaller), measure(current)) >= 0) {
                    continue;
                }
                tries++;
                if (stillFails.test(smaller)) {
                    current = smaller;
                    progress = true;
                    break;
                }
                if (tries >= maxTries) {
                    break;
                }
            }
        }
        return current;
    }

    /** The candidates, boldest first; a candidate that is not a valid scenario yields null. */
    private static List<Supplier<Scenario>> candidates(Scenario s) {
        List<Supplier<Scenario>> out = new ArrayList<>();
        int n = s.recordCount();
        ModelConfig c = s.config();
        // fewer records: drop chunks of n/2, n/4, ..., 1 (the oracle renumbers; other oracles only lose a suffix)
        for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= n; from += chunk) {
                int start = from;
                int end = from + chunk;
                if (s.oracle() instanceof GeneratedOracle || end == n) {
                    out.add(() -> withoutRecords(s, start, end));
                }
            }
        }
        // a smaller batch
        out.add(() -> s.withConfig(c.withBatchSize(Math.min(c.batchSize(), n))));
        out.add(() -> s.withConfig(c.withBatchSize(1)));
        out.add(() -> s.withConfig(c.withBatchSize(Math.max(1, c.batchSize() / 2))));
        out.add(() -> s.withConfig(c.withBatchSize(Math.max(1, c.batchSize() - 1))));
        // a simpler oracle
        if (s.oracle() instanceof GeneratedOracle oracle) {
            out.add(() -> s.withOracle(oracle.withOptions(0, oracle.emptyPartialOnSuccess(), oracle.overReport())));
            for (var fault : oracle.faults().entrySet()) {
                int index = fault.getKey();
                RecordFault f = fault.getValue();
                out.add(() -> s.withOracle(oracle.withFault(index, null)));
                RecordFault plain = new RecordFault(f.failures(), FailureStyle.EXCEPTION);
                out.add(() -> s.withOracle(oracle.withFault(index, plain)));
                out.add(() -> s.withOracle(oracle.withFault(index, new RecordFault(1, f.style()))));
            }
            out.add(() -> s.withOracle(oracle.withOptions(oracle.throttlePercent(), false, oracle.overReport())));
            out.add(() -> s.withOracle(oracle.withOptions(oracle.throttlePercent(), oracle.emptyPartialOnSuccess(),
                    false)));
        }
        // a simpler mapping
        out.add(() -> s.withConfig(c.withBisect(false)));
        out.add(() -> s.withConfig(c.withReportBatchItemFailures(false)));
        out.add(() -> s.withConfig(c.withMaximumRetryAttempts(0)));
        out.add(() -> s.withConfig(c.withMaximumRetryAttempts(c.maximumRetryAttempts() - 1)));
        if (c.maximumRetryAttempts() != -1) {
            out.add(() -> s.withConfig(c.withMaximumRecordAgeInSeconds(-1)));
        }
        out.add(() -> s.withConfig(c.withDurations(c.functionTimeoutMs(), 0)));
        out.add(() -> s.withConfig(c.withDurations(Math.max(ModelConfig.DEFAULT_FUNCTION_TIMEOUT_MS,
                c.invocationDurationMs()), c.invocationDurationMs())));
        if (s.setup().complexity() > 0) {
            out.add(() -> s.withSetup(StreamSetup.oneLane(n)));
        }
        // simpler times: start when the last record arrives, then every record arriving at once
        long last = s.arrivalsMs().get(n - 1);
        out.add(() -> s.withArrivals(s.arrivalsMs(), last));
        out.add(() -> s.withArrivals(Collections.nCopies(n, last), last));
        long first = s.arrivalsMs().get(0);
        out.add(() -> s.withArrivals(s.arrivalsMs().stream().map(t -> t - first).toList(), s.startMs() - first));
        if (s.change() != null) {
            // without the change: every record in the original shard, the lane starting after the last one
            out.add(() -> new Scenario(c, s.arrivalsMs(), Math.max(s.startMs(), last), s.oracle(), s.seed(),
                    s.setup(), null));
            out.add(() -> new Scenario(c, s.arrivalsMs().stream().map(t -> Math.min(t, s.startMs())).toList(),
                    s.startMs(), s.oracle(), s.seed(), s.setup(), new Change(s.change().kind(), s.startMs(),
                    s.change().firstChildRecord(), s.change().givenFirst(), s.change().updated())));
        }
        return out;
    }

    private static Scenario withoutRecords(Scenario s, int from, int to) {
        List<Long> arrivals = new ArrayList<>(s.arrivalsMs());
        arrivals.subList(from, to).clear();
        Oracle oracle = s.oracle() instanceof GeneratedOracle g ? g.withoutRecords(from, to) : s.oracle();
        Change change = s.change();
        if (change != null && change.reshards()) {
            int k = change.firstChildRecord();
            change = change.withFirstChildRecord(k - Math.max(0, Math.min(to, k) - from));
        }
        return new Scenario(s.config(), arrivals, s.startMs(), oracle, s.seed(), s.setup().withoutRecords(from, to),
                change);
    }

    private static Scenario build(Supplier<Scenario> candidate) {
        try {
            return candidate.get();
        } catch (IllegalArgumentException invalid) {
            return null;  // e.g. MaximumRetryAttempts below -1, or no record left
        }
    }

    /**
     * The size of a scenario, compared lexicographically: records first, then batch size, the oracle's
     * complexity, the mapping's options, and last the spread of times.
     */
    static long[] measure(Scenario s) {
        ModelConfig c = s.config();
        long faults = 0;
        long failures = 0;
        long styles = 0;
        long options = 0;
        if (s.oracle() instanceof GeneratedOracle g) {
            faults = g.faults().size();
            for (RecordFault f : g.faults().values()) {
                failures += f.failures();
                styles += f.style().ordinal();
            }
            options = g.throttlePercent() + (g.emptyPartialOnSuccess() ? 1 : 0) + (g.overReport() ? 1 : 0);
        }
        long retries = c.maximumRetryAttempts() == -1 ? 10_001 : c.maximumRetryAttempts();
        long flags = (c.bisectBatchOnFunctionError() ? 1 : 0) + (c.reportBatchItemFailures() ? 1 : 0);
        long spread = s.startMs() - s.arrivalsMs().get(0);
        long lateStart = s.startMs() - s.arrivalsMs().get(s.recordCount() - 1);
        long changed = s.change() == null ? 0 : 1;
        long changeOffset = s.change() == null ? 0 : s.change().atMs() - s.startMs();
        return new long[] {s.recordCount(), changed, changeOffset, c.batchSize(), faults, failures, styles, options,
            flags, retries,
            c.hasRecordAge() ? 1 : 0, c.invocationDurationMs(), c.functionTimeoutMs(), lateStart, spread,
            Math.abs(s.arrivalsMs().get(0)), s.setup().complexity()};
    }

    private static int compare(long[] a, long[] b) {
        return Arrays.compare(a, b);
    }
}
