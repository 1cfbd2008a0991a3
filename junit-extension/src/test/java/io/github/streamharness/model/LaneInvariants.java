package io.github.streamharness.model;

import io.github.streamharness.model.ModelDeadLetter.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules that any correct lane run obeys whatever the oracle says: every record accounted for exactly once, batches
 * in order and within BatchSize, no expired record delivered, exhaustion after exactly N + 1 attempts. Holds for the
 * reference model, and for the engine once its run is read into a {@link ModelResult}.
 */
public final class LaneInvariants {

    private LaneInvariants() {
    }

    /** The rules the result breaks, empty when it keeps them all. */
    public static List<String> violations(Scenario scenario, ModelResult result) {
        List<String> out = new ArrayList<>();
        ModelConfig config = scenario.config();
        int n = scenario.recordCount();
        // every record ends exactly once: committed, or in exactly one message (architecture: the ledger)
        int[] seen = new int[n];
        result.committed().forEach(i -> seen[i]++);
        for (ModelDeadLetter d : result.deadLetters()) {
            if (d.batchSize() != d.lastRecord() - d.firstRecord() + 1) {
                out.add("message batchSize does not match its range: " + d);
            }
            for (int i = d.firstRecord(); i <= d.lastRecord(); i++) {
                seen[i]++;
                RecordFate expected = d.condition() == Condition.RecordAgeExceeded
                        ? RecordFate.RECORD_AGE_EXCEEDED : RecordFate.RETRY_ATTEMPTS_EXHAUSTED;
                if (result.fates().get(i) != expected) {
                    out.add("record " + i + " is in " + d + " but its fate is " + result.fates().get(i));
                }
            }
            if (d.approximateInvokeCount() < 1) {
                out.add("approximateInvokeCount below 1 (rule 13.7): " + d);
            }
            // with an update in the middle, a batch keeps its count across the change (rule 18.1): either limit
            boolean updated = scenario.change() != null && scenario.change().kind() == Change.Kind.UPDATE;
            if (d.condition() == Condition.RetryAttemptsExhausted && config.maximumRetryAttempts() != -1 && !updated
                    && d.approximateInvokeCount() != config.maximumRetryAttempts() + 1) {
                out.add("exhausted after other than MaximumRetryAttempts + 1 attempts (rule 1.7): " + d);
            }
            if (d.condition() == Condition.RecordAgeExceeded && d.functionError() != null) {
                out.add("RecordAgeExceeded has no responseContext (rule 6.2): " + d);
            }
        }
        for (int i = 0; i < n; i++) {
            if (seen[i] != 1) {
                out.add("record " + i + " ended " + seen[i] + " times");
            }
            if (result.fates().get(i) == RecordFate.COMMITTED != result.committed().contains(i)) {
                out.add("record " + i + " fate " + result.fates().get(i) + " disagrees with the committed list");
            }
        }
        if (result.checkpoint() != n - 1) {
            out.add("final checkpoint " + result.checkpoint() + ", expected " + (n - 1));
        }
        ModelInvocation previous = null;
        for (ModelInvocation inv : result.invocations()) {
            checkInvocation(scenario, inv, previous, out);
            previous = inv;
        }
        return out;
    }

    private static void checkInvocation(Scenario scenario, ModelInvocation inv, ModelInvocation previous,
                                        List<String> out) {
        ModelConfig config = scenario.configAt(inv.startMs());
        List<Integer> records = inv.records();
        // rule 18.1: a retried batch keeps the size it was cut with, also when BatchSize changed meanwhile
        if (records.size() > Math.max(config.batchSize(), scenario.config().batchSize())) {
            out.add("batch over BatchSize (rule 1.1): #" + inv.number());
        }
        for (int k = 1; k < records.size(); k++) {
            if (records.get(k) != records.get(k - 1) + 1) {
                out.add("batch not a contiguous run of the lane (rule 3.1): #" + inv.number());
            }
        }
        boolean ordered = records.isEmpty() || previous == null || previous.records().isEmpty()
                || inv.first() >= previous.first(); // a window's final invocation may carry no records
        if (previous != null && (inv.startMs() < previous.endMs() || !ordered)) {
            out.add("invocation #" + inv.number() + " overlaps or goes back in the lane (rule 3.1)");
        }
        long expectedDuration = inv.outcome() instanceof Outcome.Throttle ? 0
                : inv.outcome() instanceof Outcome.Timeout ? config.functionTimeoutMs()
                : config.invocationDurationMs() + (inv.coldStart() ? scenario.function().initDurationMs() : 0);
        // rule 0.15: a cold invocation's Init phase comes first and counts in its duration
        if (inv.endMs() - inv.startMs() != expectedDuration) {
            out.add("invocation #" + inv.number() + " lasted " + (inv.endMs() - inv.startMs()) + " ms (rule 0.4)");
        }
        if (config.hasRecordAge() && !records.isEmpty()) {
            long oldest = inv.startMs() - scenario.arrivalsMs().get(inv.first());
            if (oldest > config.maximumRecordAgeInSeconds() * 1000L) {
                out.add("invocation #" + inv.number() + " delivered an expired record (rule 4.6, 0.12)");
            }
        }
    }
}
