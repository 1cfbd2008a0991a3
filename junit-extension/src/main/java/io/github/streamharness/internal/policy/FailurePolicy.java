package io.github.streamharness.internal.policy;

import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.Outcome;
import io.github.streamharness.internal.batch.BatchAssembler;

import java.time.Duration;
import java.time.Instant;

/**
 * The failure policy of an event source mapping (rule 1.7, 4, 5, 0.1, 0.6): what to do with the batch at the head
 * of a lane after an invocation, or before one when records have grown too old. A pure function of the outcome, the
 * batch's state and the mapping's settings; the lane carries the decision out. Each rule lives here and only here.
 */
public final class FailurePolicy {
    private FailurePolicy() {
    }

    /**
     * The mapping settings the policy reads.
     *
     * @param bisectBatchOnFunctionError BisectBatchOnFunctionError (rule 1.6)
     * @param maximumRetryAttempts       MaximumRetryAttempts, -1 for infinite (rule 1.7)
     */
    public record Settings(boolean bisectBatchOnFunctionError, int maximumRetryAttempts) {
    }

    /**
     * The batch at the head of the lane.
     *
     * @param size     its records
     * @param attempts the invocations of exactly this batch that reached the function, the last one included
     * @param retries  consecutive retries so far, throttles included (they drive the back-off, rule 0.2)
     */
    public record BatchState(int size, int attempts, int retries) {
    }

    /** What the lane does next. */
    public sealed interface Decision {
    }

    /** Commit the first {@code records} records; the lane reads its next batch at once. */
    public record Commit(int records) implements Decision {
    }

    /**
     * Commit the first {@code records} records and retry the rest as a new batch with a fresh count, after the
     * first back-off step (rule 5.5, 5.6).
     */
    public record CommitAndRetryRest(int records) implements Decision {
    }

    /** Split: the first {@code left} records go first, the rest waits; no retry counted, no delay (rule 4.7, 0.1). */
    public record Bisect(int left) implements Decision {
    }

    /**
     * Retry the same batch after back-off step {@code retryNumber} (rule 4.3, 0.2).
     *
     * @param retryNumber   the consecutive retry this is (1 for the first)
     * @param countsAttempt whether the failure counted toward MaximumRetryAttempts (false for a throttle)
     * @param reason        why, for the timeline
     */
    public record Retry(int retryNumber, boolean countsAttempt, String reason) implements Decision {
    }

    /**
     * Send the first {@code records} records to the on-failure destination (or drop them without one) and move on
     * (rule 4.4, 4.6).
     */
    public record Discard(int records, OnFailureCondition condition, int invokeCount, String functionError)
            implements Decision {
    }

    /**
     * Rule 8.4, 0.11b: the most state a window may carry, in UTF-8 bytes of the state map's JSON; a returned state
     * over it ends the window early.
     */
    public static final long MAX_WINDOW_STATE_BYTES = 1_048_576L;

    /** Rule 8.4, 0.11b: whether a window whose invocation returned {@code stateBytes} of state ends early. */
    public static boolean endsWindowEarly(long stateBytes) {
        return stateBytes > MAX_WINDOW_STATE_BYTES;
    }

    /** The decision after an invocation of the batch ended with {@code outcome}. */
    public static Decision afterInvocation(Outcome outcome, BatchState batch, Settings settings) {
        return afterInvocation(outcome, batch, settings, false);
    }

    /**
     * Rule 8.4, 8.5: give up a tumbling window whose final invocation carries no records and cannot succeed: the
     * window closes with its state dropped; there is no record to send to the on-failure destination.
     *
     * @param reason why, for the timeline (names the rule)
     */
    public record GiveUpWindow(String reason) implements Decision {
    }

    /**
     * The decision after an invocation ended with {@code outcome}; {@code finalInvokeForWindow} marks a tumbling
     * window's final invocation (rule 8.4, 0.11b). A window's aggregation invocations follow every rule in full (rule
     * 8.5). The final invocation is never split (0.11b); while it carries records, retries and record age apply to
     * them as to any batch (8.5). Once it carries none ({@code Records: []}) a failure holds the lane (8.4) until it
     * succeeds or the retry policy ends it (8.5): MaximumRetryAttempts N allows N + 1 attempts of its own; with -1
     * it is retried until {@link #windowOverdue} gives it up.
     */
    public static Decision afterInvocation(Outcome outcome, BatchState batch, Settings settings,
                                           boolean finalInvokeForWindow) {
        if (finalInvokeForWindow && batch.size() == 0 && !(outcome instanceof Outcome.Success)) {
            if (outcome instanceof Outcome.Throttled) {
                return new Retry(batch.retries() + 1, false,
                        "throttled before reaching the function (not a retry attempt, rule 4.2)");
            }
            int max = settings.maximumRetryAttempts();
            if (max >= 0 && batch.attempts() >= max + 1) {
                return new GiveUpWindow("its " + batch.attempts() + " attempt(s) failed and MaximumRetryAttempts "
                        + max + " allows no more (rule 8.4, 8.5, 1.7)");
            }
            return new Retry(batch.retries() + 1, true, "final invocation of the window failed (attempt "
                    + batch.attempts() + (max < 0 ? ", retried until it succeeds or grows older than "
                    + "MaximumRecordAgeInSeconds or the retention period" : " of " + (max + 1))
                    + "): the lane holds (rule 8.4, 8.5)");
        }
        if (finalInvokeForWindow) {
            settings = new Settings(false, settings.maximumRetryAttempts()); // rule 0.11b: never split
        }
        if (outcome instanceof Outcome.Success) {
            return new Commit(batch.size()); // rule 5.3, and 5.1 for any response without ReportBatchItemFailures
        }
        if (outcome instanceof Outcome.Throttled) {
            // rule 4.2: the function was not reached: not an attempt, never bisected, retried with the back-off
            return new Retry(batch.retries() + 1, false,
                    "throttled before reaching the function (not a retry attempt, rule 4.2)");
        }
        if (outcome instanceof Outcome.PartialFailure partial && partial.committedRecords() > 0) {
            return new CommitAndRetryRest(partial.committedRecords()); // rule 5.5, 5.6
        }
        // rule 5.7: a partial response naming the batch's first record retries the whole batch and is never split
        // at the midpoint; a function error (rule 4.1) or a whole-batch failure response (rule 5.4) may be
        boolean functionError = outcome instanceof Outcome.FunctionError;
        String error = outcome instanceof Outcome.FunctionError e ? e.functionError() : null;
        if (functionError && settings.bisectBatchOnFunctionError() && batch.size() > 1) {
            return new Bisect((batch.size() + 1) / 2); // rule 0.1: the first ceil(n/2) records first
        }
        int max = settings.maximumRetryAttempts();
        if (max < 0 || batch.attempts() < max + 1) { // rule 1.7: N retries = N + 1 invocations; -1 until expiry
            return new Retry(batch.retries() + 1, true, "attempt " + batch.attempts()
                    + (max < 0 ? " (retries until the records expire)" : " of " + (max + 1)) + " failed");
        }
        return new Discard(batch.size(), OnFailureCondition.RetryAttemptsExhausted, batch.attempts(), error);
    }

    /**
     * Rule 8.5, 0.12, 4.5: the decision before an attempt of a window's final invocation that carries no records,
     * due since {@code dueMillis}: given up once it is older than MaximumRecordAgeInSeconds (the assembler's age rule,
     * counted from when it was due) or than the stream's retention period; null while it may still be invoked.
     */
    public static GiveUpWindow windowOverdue(long dueMillis, long nowMillis, BatchAssembler assembler,
                                             long retentionMillis) {
        if (assembler.expiredPrefix(1, i -> dueMillis, nowMillis) > 0) {
            return new GiveUpWindow("it has been due since " + Instant.ofEpochMilli(dueMillis) + ", longer than "
                    + "MaximumRecordAgeInSeconds allows (rule 8.5, 0.12)");
        }
        if (nowMillis - dueMillis > retentionMillis) {
            return new GiveUpWindow("it has been due since " + Instant.ofEpochMilli(dueMillis) + ", longer than the "
                    + "stream's retention period " + Duration.ofMillis(retentionMillis) + " (rule 8.5, 4.5)");
        }
        return null;
    }

    /**
     * The decision when the first {@code expired} records of the batch are older than MaximumRecordAgeInSeconds
     * before an attempt (rule 4.6): only that prefix goes, as RecordAgeExceeded, with an invoke count of at least 1
     * (rule 13.7) and no function error (rule 6.2).
     */
    public static Decision recordsExpired(int expired, BatchState batch) {
        return new Discard(expired, OnFailureCondition.RecordAgeExceeded, Math.max(1, batch.attempts()), null);
    }
}
