package io.github.streamharness.model;

/** Where a record ended up in the reference model; every record ends in exactly one of these. */
public enum RecordFate {
    /** Delivered in a batch that succeeded, or before the checkpoint of a partial response (rule 5.5). */
    COMMITTED,
    /** Sent to the on-failure destination as RetryAttemptsExhausted (rule 4.4). */
    RETRY_ATTEMPTS_EXHAUSTED,
    /** Sent to the on-failure destination as RecordAgeExceeded (rule 4.6). */
    RECORD_AGE_EXCEEDED;

    /** Whether the record went to the on-failure destination. */
    public boolean sentToDestination() {
        return this != COMMITTED;
    }
}
