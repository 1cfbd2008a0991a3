package io.github.streamharness;

/**
 * The state of an event source mapping, as GetEventSourceMapping reports it (rule 18.1, 18.2). The harness moves
 * between these on the virtual clock: Creating for the creation delay, Updating for the update delay, Deleting from
 * {@code delete()} on.
 */
public enum MappingState {
    /** Created, not yet polling: records written now are missed by LATEST (rule 18.2, 13.13). */
    CREATING,
    /** Polling. */
    ENABLED,
    /** An update was accepted and is not applied yet: the old configuration still applies (rule 18.1). */
    UPDATING,
    /** Not polling; the checkpoint is kept (rule 1.13). */
    DISABLED,
    /**
     * Deleted: no invocation after the batch in flight; undelivered records stay PENDING (rule 18.1). On AWS the
     * mapping then disappears; the harness keeps its logs and ledger for the test.
     */
    DELETING
}
