package io.github.streamharness;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a mapping stands in one shard.
 *
 * @param shardId     the shard
 * @param checkpoint  the last record at or below which every record is done (rule 5.5)
 * @param next        the first record not yet done: the next one the iterator delivers
 * @param blockedAt   the first record of a batch being retried, when the shard (or one of its lanes) is blocked
 *                    by a failing batch (rule 3.3); with several lanes blocked (ParallelizationFactor > 1), the
 *                    earliest of their batches' first records, the one that holds the checkpoint back
 * @param pending     records not yet done
 * @param iteratorAge how long {@code next} has waited (zero when caught up)
 */
public record ShardPosition(String shardId, Optional<StreamRecord> checkpoint, Optional<StreamRecord> next,
                            Optional<StreamRecord> blockedAt, int pending, Duration iteratorAge) {
    /** Whether every record written so far is done. */
    public boolean caughtUp() {
        return pending == 0;
    }

    /** Whether a failing batch is holding the shard (or a lane of it) back. */
    public boolean blocked() {
        return blockedAt.isPresent();
    }
}
