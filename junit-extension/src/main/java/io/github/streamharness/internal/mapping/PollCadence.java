package io.github.streamharness.internal.mapping;

/**
 * Rule 0.3: when a caught-up lane polls again: once per virtual second, counted from when it went idle, so a record
 * put between two polls waits for the next one.
 */
final class PollCadence {
    private static final long SECOND = 1_000_000_000L;
    private long anchor;

    PollCadence(long createdAtNanos) {
        this.anchor = createdAtNanos;
    }

    /** The lane went idle at {@code nowNanos}: its polls count from there. */
    void idleAt(long nowNanos) {
        anchor = nowNanos;
    }

    /** The first poll at or after a record arriving at {@code arrivalNanos}, never before {@code nowNanos}. */
    long nextTick(long arrivalNanos, long nowNanos) {
        long since = Math.max(0, arrivalNanos - anchor);
        long ticks = (since + SECOND - 1) / SECOND;
        return Math.max(nowNanos, anchor + ticks * SECOND);
    }
}
