package io.github.streamharness.model;

import io.github.streamharness.model.ModelDeadLetter.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A deliberately small implementation of the event source mapping's failure rules for one lane, written straight
 * from the spec (sections 0.1, 0.2, 0.6, 0.12, 4, 5, 6, and 8 with 0.11, 0.11b and 11.2 for tumbling windows) and
 * independent of the engine, to test the engine against.
 *
 * <p>The function around the lane (rule 15.3, 15.4, 0.14, 0.15) follows {@link ModelFunction}.
 *
 * <p>Simplifications: every record is present when the lane starts, the batching window is 0, there is no 6 MB cut
 * and no retention, and a batch is always a contiguous run of record indices {@code [from, to)}. Batching itself
 * (records arriving while the lane runs, BatchSize, the batching window, the 6 MB cut and trigger, the poll cadence:
 * rule 2.3, 0.3, 0.7) is modelled apart, for a handler that always succeeds, by {@link BatchingModel}, compared with
 * the engine by {@code reliability/BatchingDifferentialTest}. A scenario's
 * {@link Change} (issue 16) reshards the stream, so that the last records are a child shard's, read after the parent
 * (rule 0.10), or updates the mapping's parameters in the middle (rule 18.1).
 */
public final class ReferenceModel {

    /** The default bound on invocations, after which a scenario is declared non-terminating. */
    public static final int DEFAULT_INVOCATION_LIMIT = 1_000_000;

    /** Rule 0.2: the first retry waits 1 s, each further one twice as long, at most 60 s. */
    static final long INITIAL_BACKOFF_MS = 1_000;
    static final long MAX_BACKOFF_MS = 60_000;

    private final int invocationLimit;

    /** A model that gives up after {@link #DEFAULT_INVOCATION_LIMIT} invocations. */
    public ReferenceModel() {
        this(DEFAULT_INVOCATION_LIMIT);
    }

    /** A model that gives up (IllegalStateException) after {@code invocationLimit} invocations. */
    public ReferenceModel(int invocationLimit) {
        this.invocationLimit = invocationLimit;
    }

    /** Runs the scenario to the end: every record is committed or sent to the on-failure destination. */
    public ModelResult run(Scenario scenario) {
        return new Run(scenario, invocationLimit).toEnd();
    }

    /** Rule 0.2: the delay before the k-th consecutive retry of the same batch (k = 1, 2, ...). */
    static long backoffMs(int k) {
        return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS << Math.min(k - 1, 16));
    }

    /** How an invocation's outcome reads under the mapping's settings (rule 4.1, 4.2, 5). */
    private sealed interface Reading {
    }

    /** Every record of the batch is done (rule 5.3, and 5.1 for any response without ReportBatchItemFailures). */
    private record Succeeded() implements Reading {
    }

    /** Rule 5.5: the records before {@code firstFailed} are committed, the rest is retried. */
    private record PartlySucceeded(int firstFailed) implements Reading {
    }

    /**
     * Rule 5.7: a valid partial response whose lowest id is the batch's first record: nothing is committed and the
     * whole batch is retried as it was; the attempt counts (as for rule 5.4) but the batch is never bisected.
     */
    private record NoProgress() implements Reading {
    }

    /** A function error (rule 4.1); {@code functionError} is "Unhandled" or null for a failure response. */
    private record Failed(String functionError) implements Reading {
    }

    /** Rule 4.2: the function was not reached. */
    private record Throttled() implements Reading {
    }

    /** The state of one run; one instance per {@link #run(Scenario)}. */
    private static final class Run {
        private final Scenario scenario;
        private final int invocationLimit;
        private final int[] deliveries;
        private final RecordFate[] fates;
        private final List<ModelInvocation> invocations = new ArrayList<>();
        private final List<ModelDeadLetter> deadLetters = new ArrayList<>();
        private final List<Integer> committed = new ArrayList<>();
        private final ModelFunction function;
        private long now;
        private int checkpoint = -1;
        private boolean environment;             // the lane's environment exists (not replaced after a timeout)
        private long environmentFreeAt;          // when its last invocation ended

        Run(Scenario scenario, int invocationLimit) {
            this.scenario = scenario;
            this.function = scenario.function();
            this.invocationLimit = invocationLimit;
            this.deliveries = new int[scenario.recordCount()];
            this.fates = new RecordFate[scenario.recordCount()];
            this.now = scenario.startMs();
        }

        ModelResult toEnd() {
            int n = scenario.recordCount();
            int parent = scenario.parentRecordCount();
            Change change = scenario.change();
            // rule 11.2: a resharded parent ends at the change; its last window closes then
            read(0, parent, change != null && change.reshards() ? change.atMs() : Long.MAX_VALUE);
            if (parent < n) {
                // Rule 0.10, 11.1: the child is read only once the parent is read to its end and its last batch
                // completed, and not before it exists; its lane starts fresh (a new batch, no attempts).
                now = Math.max(now, scenario.change().atMs());
                read(parent, n, Long.MAX_VALUE);
            }
            return new ModelResult(invocations, deadLetters, committed, Arrays.asList(fates), checkpoint, now);
        }

        /**
         * Rule 3.1: one batch at a time, in order; a batch = the next up to BatchSize records (window 0, rule 2.3),
         * BatchSize as configured when the batch is cut (rule 18.1), and the next batch is read as soon as the
         * previous one is done (rule 0.3).
         */
        private void read(int first, int end, long shardEndMs) {
            if (config().tumbling()) {
                // Rule 8.3, 0.11: windows by arrival time, aligned to multiples of their length; a batch never
                // spans two windows, and each window ends with its final invocation before the next one starts
                long length = config().tumblingWindowInSeconds() * 1000L;
                for (int from = first; from < end; ) {
                    long windowEnd = Math.floorDiv(scenario.arrivalsMs().get(from), length) * length + length;
                    int to = from;
                    while (to < end && scenario.arrivalsMs().get(to) < windowEnd) {
                        to++;
                    }
                    window(from, to, windowEnd, shardEndMs);
                    from = to;
                }
                return;
            }
            int from = first;
            while (from < end) {
                int to = Math.min(end, from + config().batchSize());
                resolve(from, to, false);
                from = to;
            }
        }

        /** Rule 18.1: the configuration in force now (an update applies to what starts after it). */
        private ModelConfig config() {
            return scenario.configAt(now);
        }

        /**
         * Invokes the batch {@code [from, to)} until every one of its records is committed or discarded. The batch
         * starts with no attempts (a new batch, a bisected half (rule 0.1) or a partial remainder (rule 5.6)).
         *
         * <p>With {@code finalForWindow} it is a window's final invocation (rule 8.4, 0.11b, 8.5), due now and
         * carrying {@code [from, to)}, maybe none. Never split; while it carries records they follow the retry and
         * record-age rules; with none left ({@code Records: []}) it is retried until it succeeds, MaximumRetryAttempts
         * runs out (N + 1 attempts of its own) or it is older than MaximumRecordAgeInSeconds, counted from when it
         * was due: then the window is given up (its state dropped, nothing sent).
         */
        private void resolve(int from, int to, boolean finalForWindow) {
            long due = now;
            int attempts = 0;  // invocations of this batch that reached the function (rule 1.7, 4.2)
            int retries = 0;   // consecutive retries so far: drives the back-off (rule 0.2)
            int throttles = 0; // consecutive throttles: their own back-off counter (rule 15.3)
            while (true) {
                // Rule 4.6, 0.12: before every attempt, the expired prefix goes to the destination; the rest is
                // invoked (the same batch, keeping its attempt count). Rule 13.7: the count shows at least 1.
                int fresh = from;
                while (fresh < to && expired(fresh)) {
                    fresh++;
                }
                if (fresh > from) {
                    discard(Condition.RecordAgeExceeded, Math.max(1, attempts), from, fresh, null);
                    from = fresh;
                    if (from == to) {
                        if (!finalForWindow) {
                            return;
                        }
                        attempts = 0; // its records are gone: the final invocation starts over with none
                        retries = 0;
                    }
                }

                ModelConfig config = config(); // rule 18.1: the attempt is read and decided as it was invoked
                if (finalForWindow && from == to && config.hasRecordAge()
                        && now - due > config.maximumRecordAgeInSeconds() * 1000L) {
                    return; // rule 8.5, 0.12: the window's final invocation is too old: given up
                }
                Outcome outcome = invoke(from, to, attempts + 1, config);
                Reading reading = read(outcome, from, to, config);
                if (reading instanceof Throttled) {
                    // Rule 4.2, 13.10, 15.3: not an attempt, never bisected, retried on the throttle back-off's own
                    // counter, which restarts when an invocation reaches the function.
                    now += backoffMs(++throttles);
                    continue;
                }
                throttles = 0;
                attempts++;
                if (reading instanceof Succeeded) {
                    commit(from, to);
                    return;
                }
                if (reading instanceof PartlySucceeded partly) {
                    // Rule 5.5: commit before the lowest failed record. Rule 5.6: the remainder is a new batch with
                    // a fresh count, invoked after the initial back-off; bisect plays no part (rule 5.7).
                    commit(from, partly.firstFailed());
                    from = partly.firstFailed();
                    attempts = 0;
                    retries = 0;
                    now += INITIAL_BACKOFF_MS;
                    continue;
                }
                String functionError = reading instanceof Failed failed ? failed.functionError() : null;
                if (!finalForWindow && reading instanceof Failed && config.bisectBatchOnFunctionError()
                        && to - from > 1) {
                    // Rule 0.1, 4.7: split into the first ceil(n/2) and the rest, no attempt counted, no delay,
                    // left half done before the right half is invoked, each half with a fresh count. Rule 8.5: a
                    // final invocation is never split.
                    int mid = from + (to - from + 1) / 2;
                    resolve(from, mid, false);
                    resolve(mid, to, false);
                    return;
                }
                // Rule 1.7: MaximumRetryAttempts N gives N + 1 invocations; -1 retries until the records expire.
                if (config.maximumRetryAttempts() == -1 || attempts < config.maximumRetryAttempts() + 1) {
                    now += backoffMs(++retries);
                    continue;
                }
                if (from == to) {
                    return; // rule 8.4, 8.5: MaximumRetryAttempts ends the failing final invocation too
                }
                // Rule 4.4, 0.1: exhausted; the exact final batch goes to the destination.
                discard(Condition.RetryAttemptsExhausted, attempts, from, to, functionError);
                if (!finalForWindow) {
                    return;
                }
                from = to; // rule 8.4: the window still needs its final invocation, now with no records
                attempts = 0;
                retries = 0;
            }
        }

        /**
         * Rule 8, 0.11b: the window of records {@code [from, to)} ending at {@code end}. Aggregation batches of up to
         * BatchSize; once the window's end has passed, the batch that takes every record left is its final
         * invocation; with every record done before that, the final invocation comes at the end with no records.
         * Rule 11.2: when the shard ends at {@code shardEndMs} (a split or merge), the window ends then too: a batch
         * cut after that instant (what was due at it ran first) is final if it takes every record left.
         */
        private void window(int from, int to, long end, long shardEndMs) {
            int next = from;
            while (next < to) {
                int size = Math.min(config().batchSize(), to - next);
                if ((now >= end || now > shardEndMs) && size == to - next) {
                    resolve(next, to, true);
                    return;
                }
                resolve(next, next + size, false);
                next += size;
            }
            now = Math.max(now, Math.min(end, shardEndMs));
            resolve(to, to, true);
        }

        /** Rule 0.12: expired when now - arrival > MaximumRecordAgeInSeconds. */
        private boolean expired(int record) {
            ModelConfig config = config();
            return config.hasRecordAge()
                    && now - scenario.arrivalsMs().get(record) > config.maximumRecordAgeInSeconds() * 1000L;
        }

        /** Asks the oracle, logs the invocation and moves the clock to its end (rule 0.4). */
        private Outcome invoke(int from, int to, int attempt, ModelConfig config) {
            if (invocations.size() >= invocationLimit) {
                throw new IllegalStateException("no end after " + invocationLimit + " invocations; stuck on records "
                        + from + ".." + (to - 1) + " at t=" + now + "ms (retention is not modelled)");
            }
            List<Integer> records = IntStream.range(from, to).boxed().toList();
            int number = invocations.size() + 1;
            if (function.throttlesAll()) {
                // rule 15.3: reserved concurrency 0: the function is never reached, the oracle never asked
                invocations.add(new ModelInvocation(number, records, attempt, Outcome.THROTTLE, now, now));
                return Outcome.THROTTLE;
            }
            List<Integer> counts = IntStream.range(from, to).mapToObj(i -> deliveries[i]).toList();
            Outcome outcome = scenario.oracle().decide(new OracleCall(number, records, attempt, counts));
            if (outcome instanceof Outcome.Throttle) {
                invocations.add(new ModelInvocation(number, records, attempt, outcome, now, now));
                return outcome;
            }
            // rule 0.14, 15.4: the previous environment serves again unless replaced or reclaimed; a provisioned one
            // never cold-starts
            boolean provisioned = function.provisionedConcurrency() > 0;
            boolean cold = !provisioned
                    && (!environment || now - environmentFreeAt > function.keepWarmMs());
            long init = cold ? function.initDurationMs() : 0;  // rule 0.15: Init counts against the timeout
            long duration = outcome instanceof Outcome.Timeout ? config.functionTimeoutMs()
                    : init + config.invocationDurationMs();
            for (int i = from; i < to; i++) {
                deliveries[i]++;
            }
            invocations.add(new ModelInvocation(number, records, attempt, outcome, now, now + duration, cold));
            now += duration;
            environment = !(outcome instanceof Outcome.Timeout);  // rule 0.4: a timed-out runtime is replaced
            environmentFreeAt = now;
            return outcome;
        }

        /** Rule 4.1, 4.2, 5.1 and 5.3 to 5.5 with decision 0.6. */
        private Reading read(Outcome outcome, int from, int to, ModelConfig config) {
            if (outcome instanceof Outcome.Throttle) {
                return new Throttled();
            }
            if (outcome instanceof Outcome.FunctionException || outcome instanceof Outcome.Timeout) {
                return new Failed(ModelDeadLetter.UNHANDLED);
            }
            if (outcome instanceof Outcome.Success || !config.reportBatchItemFailures()) {
                return new Succeeded();  // rule 5.1, 13.6, 13.16: without the feature any response is success
            }
            List<ItemId> failures = ((Outcome.Partial) outcome).failures();
            if (failures.isEmpty()) {
                return new Succeeded();  // rule 5.3
            }
            int lowest = Integer.MAX_VALUE;
            for (ItemId id : failures) {
                if (!(id instanceof ItemId.Record record) || record.index() < from || record.index() >= to) {
                    return new Failed(null);  // rule 5.4, 0.6: one invalid or foreign id fails the whole batch
                }
                lowest = Math.min(lowest, record.index());  // rule 5.5: the lowest one is the checkpoint
            }
            // Rule 5.7: bisected at the returned record; when that is the first one, the retry is the whole batch.
            return lowest == from ? new NoProgress() : new PartlySucceeded(lowest);
        }

        private void commit(int from, int to) {
            for (int i = from; i < to; i++) {
                fates[i] = RecordFate.COMMITTED;
                committed.add(i);
            }
            checkpoint = Math.max(checkpoint, to - 1);
        }

        /** Rule 6.1: one message per discarded batch or remainder; the checkpoint moves past it (rule 4.4). */
        private void discard(Condition condition, int invokeCount, int from, int to, String functionError) {
            deadLetters.add(new ModelDeadLetter(condition, invokeCount, from, to - 1, to - from, functionError, now));
            RecordFate fate = condition == Condition.RecordAgeExceeded
                    ? RecordFate.RECORD_AGE_EXCEEDED : RecordFate.RETRY_ATTEMPTS_EXHAUSTED;
            for (int i = from; i < to; i++) {
                fates[i] = fate;
            }
            checkpoint = Math.max(checkpoint, to - 1);
        }
    }
}
