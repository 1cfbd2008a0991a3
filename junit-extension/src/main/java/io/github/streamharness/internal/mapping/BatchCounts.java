package io.github.streamharness.internal.mapping;

import io.github.streamharness.internal.policy.FailurePolicy;

/**
 * The counts of a lane's current batch: its attempts (rule 1.7, 4.4), its consecutive retries (the back-off, rule
 * 0.2), its throttles (their own back-off, not attempts: rule 4.2, 15.3), and whether its records already failed
 * once, so that the lane is blocked on them (rule 3.3) until they are done. A bisected half (rule 0.1) and a partial
 * response's remainder (rule 5.6) start fresh counts but are still blocked: they are retries of failed records.
 */
final class BatchCounts {
    private int attempts;
    private int retries;
    private int throttles;
    private boolean failed;

    /** A batch cut from the pending records (or the lane started): fresh counts, nothing failed yet. */
    void newBatch() {
        fresh();
        failed = false;
    }

    /** Rule 0.1: the next half of a bisected batch: fresh counts, still blocked. */
    void fresh() {
        attempts = 0;
        retries = 0;
        throttles = 0;
    }

    /** Rule 0.1, 5.6: the batch was bisected, or partly committed: what is left starts fresh counts, blocked. */
    void freshAfterFailure() {
        fresh();
        failed = true;
    }

    /** The attempt number of an invocation starting now; a throttle is not an attempt (rule 4.2). */
    int attempt(boolean throttled) {
        return throttled ? attempts + 1 : ++attempts;
    }

    /** The invocation was throttled: the number of consecutive throttles, for the back-off (rule 15.3). */
    int throttled() {
        failed = true;
        return ++throttles;
    }

    /** The invocation reached the function: the throttle back-off starts over (rule 15.3). */
    void reachedFunction() {
        throttles = 0;
    }

    /** The batch failed and is retried after the back-off: {@code retryNumber} counts the retries (rule 4.3). */
    void retried(int retryNumber) {
        retries = retryNumber;
        failed = true;
    }

    /** The failing batch is discarded whole: a window's final may follow (rule 0.11b); throttles count on (15.3). */
    void discarded() {
        attempts = 0;
        retries = 0;
    }

    /** Whether the batch's records already failed (or were throttled): the lane is blocked on them (rule 3.3). */
    boolean blocked() {
        return failed;
    }

    /** The batch's state as the failure policy reads it. */
    FailurePolicy.BatchState state(int size) {
        return new FailurePolicy.BatchState(size, attempts, retries);
    }
}
