package io.github.streamharness;

import java.time.Instant;

/**
 * One line of a mapping's timeline besides the invocations themselves: checkpoint moves, bisections, retries
 * scheduled, on-failure hand-offs, expiries and warnings.
 *
 * @param at      virtual time
 * @param shardId the shard (null for mapping-wide entries)
 * @param lane    the lane within the shard
 * @param kind    what happened
 * @param text    a one-line description
 */
public record TimelineEntry(Instant at, String shardId, int lane, Kind kind, String text) {
    /** Kinds of timeline entries. */
    public enum Kind {
        /** The mapping's checkpoint in a shard moved. */
        CHECKPOINT,
        /** A failed batch was split in two (spec 4.7, 0.1). */
        BISECT,
        /** A retry was scheduled after back-off (spec 4.3, 0.2). */
        RETRY,
        /** Records went to the on-failure destination or were discarded (spec 4.4, 4.6, 6). */
        ON_FAILURE,
        /** Records left the stream by retention before being processed. */
        EXPIRED,
        /** Something the user should know: ignored partial responses, delivery failures, watchdog kills. */
        WARNING,
        /** The mapping was created, disabled, enabled, updated or deleted (spec 1.13, 18.1, 18.2). */
        STATE,
        /** A shard was split or merged, or a child shard began to be read after its parents (spec 11.1, 0.10). */
        RESHARD
    }
}
