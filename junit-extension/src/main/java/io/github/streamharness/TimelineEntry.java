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
 * @param warning what the entry warns about, or null when it is not a warning; set on every {@link Kind#WARNING}
 *                entry ({@link WarningKind#OTHER} when none is given) and on entries of other kinds that also
 *                warn (records discarded without a destination)
 */
public record TimelineEntry(Instant at, String shardId, int lane, Kind kind, String text, WarningKind warning) {
    /** The canonical form; a {@link Kind#WARNING} entry without a kind gets {@link WarningKind#OTHER}. */
    public TimelineEntry {
        if (warning == null && kind == Kind.WARNING) {
            warning = WarningKind.OTHER;
        }
    }

    /** An entry that warns only if it is of {@link Kind#WARNING} (then as {@link WarningKind#OTHER}). */
    public TimelineEntry(Instant at, String shardId, int lane, Kind kind, String text) {
        this(at, shardId, lane, kind, text, null);
    }

    /** Whether this entry is a warning (see {@link #warning()}). */
    public boolean isWarning() {
        return warning != null;
    }

    /** Kinds of timeline entries. */
    public enum Kind {
        /** The mapping's checkpoint in a shard moved. */
        CHECKPOINT,
        /** A failed batch was split in two (rule 4.7, 0.1). */
        BISECT,
        /** A retry was scheduled after back-off (rule 4.3, 0.2). */
        RETRY,
        /** Records went to the on-failure destination or were discarded (rule 4.4, 4.6, 6). */
        ON_FAILURE,
        /** Records left the stream by retention before being processed. */
        EXPIRED,
        /** Something the user should know: ignored partial responses, delivery failures, watchdog kills. */
        WARNING,
        /** The mapping was created, disabled, enabled, updated or deleted (rule 1.13, 18.1, 18.2). */
        STATE,
        /** A shard was split or merged, or a child shard began to be read after its parents (rule 11.1, 0.10). */
        RESHARD,
        /** A tumbling window opened, ended with its final invocation, or grew its state (rule 8). */
        WINDOW
    }
}
