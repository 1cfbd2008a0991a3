package io.github.streamharness;

/** Where a record stands for one mapping: the ledger's states. Every record is in exactly one. */
public enum RecordState {
    /** Before the mapping's starting position (LATEST, AT_TIMESTAMP): never this mapping's to read. */
    BEFORE_STARTING_POSITION,
    /** Not yet done: waiting, in a batch being invoked, or being retried. */
    PENDING,
    /** Delivered and committed: the checkpoint passed it after a successful (or partial) invocation. */
    COMMITTED,
    /** Did not match the mapping's filter criteria; counted as processed, never delivered (rule 9.4). */
    FILTERED,
    /** Discarded by the failure policy and described in an on-failure destination message (section 6). */
    SENT_TO_DESTINATION,
    /** Discarded by the failure policy with no destination configured, or the destination delivery failed. */
    DISCARDED,
    /** Left the stream by retention before this mapping processed it (rule 4.5). */
    EXPIRED_BY_RETENTION
}
