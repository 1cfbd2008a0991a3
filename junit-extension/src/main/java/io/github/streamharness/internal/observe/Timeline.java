package io.github.streamharness.internal.observe;

import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.time.Scheduler;

/**
 * Where a mapping's timeline lines go, and the one place that stamps a line with the virtual time it happened: the
 * lanes, the shard lineage and the on-failure sender all write through it.
 */
@FunctionalInterface
public interface Timeline {
    /** Something worth a line in the timeline happened. */
    void timeline(TimelineEntry entry);

    /** A line at virtual time {@code nowNanos}, a warning only if {@code kind} is WARNING. */
    default void line(long nowNanos, String shardId, int lane, TimelineEntry.Kind kind, String text) {
        line(nowNanos, shardId, lane, kind, text, null);
    }

    /** A line that is also a warning of {@code warning} (null: none, or OTHER for a WARNING line). */
    default void line(long nowNanos, String shardId, int lane, TimelineEntry.Kind kind, String text,
                      WarningKind warning) {
        timeline(new TimelineEntry(Scheduler.toInstant(nowNanos), shardId, lane, kind, text, warning));
    }
}
