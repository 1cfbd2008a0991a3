package io.github.streamharness.internal.mapping;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.observe.SequenceRanges;

import java.time.Duration;
import java.util.List;

/**
 * What one lane writes to the invocation log's timeline, in the timeline's words (each line names its rule): the
 * lane decides, this class only phrases the decision.
 */
final class LaneNotes {
    private final LaneContext context;
    private final String shardId;
    private final int lane;

    LaneNotes(LaneContext context, String shardId, int lane) {
        this.context = context;
        this.shardId = shardId;
        this.lane = lane;
    }

    void note(long now, TimelineEntry.Kind kind, String text) {
        context.timeline(now, shardId, lane, kind, text);
    }

    /** What the lane's tumbling window tracker reports (rule 8). */
    void window(long now, String text) {
        note(now, TimelineEntry.Kind.WINDOW, text);
    }

    void escaped(long now, int number, String errorMessage) {
        note(now, TimelineEntry.Kind.WARNING, "invocation #" + number + " failed outside the handler with "
                + errorMessage + "; recorded as a failed attempt");
    }

    void watchdog(long now, int number, String warning) {
        context.timeline(now, shardId, lane, TimelineEntry.Kind.WARNING, "invocation #" + number + ": " + warning
                + "; recorded as a timeout (rule 0.4)", WarningKind.WATCHDOG_STOPPED_INVOCATION);
    }

    void throttled(long now, int number, String reason, List<StreamRecord> batch, long delayNanos) {
        note(now, TimelineEntry.Kind.RETRY, "invocation #" + number + " throttled (" + reason + "), not a retry "
                + "attempt; batch " + SequenceRanges.describe(batch) + " retried in " + Duration.ofNanos(delayNanos)
                + " (rule 15.3, 4.2)");
    }

    void partial(long now, int committed, int remaining, long delayNanos) {
        note(now, TimelineEntry.Kind.RETRY, "partial batch response: " + committed + " record(s) committed; the "
                + "remaining " + remaining + " from the lowest reported failure are retried as a new batch with a "
                + "fresh retry count in " + Duration.ofNanos(delayNanos) + " (rule 5.5, 5.6)");
    }

    void bisected(long now, List<StreamRecord> batch, int left) {
        note(now, TimelineEntry.Kind.BISECT, "batch of " + batch.size() + " " + SequenceRanges.describe(batch)
                + " split into " + left + " + " + (batch.size() - left) + "; the left half goes first, no retry "
                + "counted (rule 4.7, 0.1)");
    }

    void retried(long now, String reason, List<StreamRecord> batch, long delayNanos) {
        note(now, TimelineEntry.Kind.RETRY, reason + "; batch " + SequenceRanges.describe(batch) + " retried in "
                + Duration.ofNanos(delayNanos) + " (rule 4.3, 0.2)");
    }

    void checkpoint(long now, StreamRecord checkpoint) {
        note(now, TimelineEntry.Kind.CHECKPOINT, "checkpoint -> "
                + (checkpoint == null ? "none" : SequenceRanges.abbreviate(checkpoint.sequenceNumber())));
    }
}
