package io.github.streamharness.internal.mapping;

/**
 * Where a {@link Lane} stands, and the check that a lane in that state can still move: every state but the waiting
 * ones (disabled, awaiting parents, settled) has its next event on the scheduler (issue 11: a stuck lane is a bug,
 * reported by {@code ledger().verify()}).
 */
enum LaneStatus {
    /** Caught up: polls again when a record comes (or at its open window's final invocation, rule 0.11b). */
    IDLE,
    /** About to poll. */
    READY,
    /** Gathering records for MaximumBatchingWindowInSeconds (rule 2.3). */
    WINDOW,
    /** An invocation is in flight. */
    IN_FLIGHT,
    /** Waiting out a retry's back-off (rule 0.2). */
    BACKOFF,
    /** The mapping is disabled (rule 1.13). */
    DISABLED,
    /** Its shard waits for its parents to be read to their end (rule 0.10). */
    AWAITING_PARENTS,
    /** Stopped for good; its records went to the lanes of a new ParallelizationFactor (rule 18.1). */
    SETTLED;

    /** Whether a lane in {@code status} with these scheduled events and pending records can never move again. */
    static boolean stuck(LaneStatus status, boolean stepScheduled, boolean completionScheduled, int pending) {
        return switch (status) {
            case IN_FLIGHT -> !completionScheduled;
            case READY, WINDOW, BACKOFF -> !stepScheduled;
            case IDLE -> pending > 0 && !stepScheduled;
            case DISABLED, AWAITING_PARENTS, SETTLED -> false;
        };
    }

    /** Whether a lane in this state waits for something outside it (enable(), its parents), by design. */
    boolean waits() {
        return this == DISABLED || this == AWAITING_PARENTS || this == SETTLED;
    }

    /** The text {@code ledger().verify()} reports for lane {@code lane} of {@code shard} if it is stuck, else null. */
    String stuckText(boolean stepScheduled, boolean completionScheduled, int pending,
                     io.github.streamharness.internal.stream.ShardLog shard, int lane) {
        return !stuck(this, stepScheduled, completionScheduled, pending) ? null : shard.shardId() + " lane " + lane
                + " is " + this + " with " + pending + " pending record(s) and no scheduled event: it would never "
                + "move again (a harness bug, or user code that escaped the harness: please report it)";
    }
}
