package io.github.streamharness.internal.time;

/**
 * Virtual time spent by one invocation. A handler call takes no virtual time unless something spends it (rule 0.4):
 * injected latency, a cold start, or a sleep on the virtual clock. Crossing the deadline marks the invocation as
 * timed out; the time spent never goes past the deadline.
 */
public final class InvocationTimer {
    private final long startNanos;
    private final long deadlineNanos;
    private volatile long spentNanos;
    private volatile boolean timedOut;

    InvocationTimer(long startNanos, long deadlineNanos) {
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** The virtual time inside the invocation: its start plus what it has spent. */
    public long nowNanos() {
        return startNanos + spentNanos;
    }

    /** When the invocation started. */
    public long startNanos() {
        return startNanos;
    }

    /** Start plus the function timeout. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Virtual time spent so far. */
    public long spentNanos() {
        return spentNanos;
    }

    /** Whether the invocation has reached its deadline. */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * Spends virtual time. Returns false (and stops at the deadline) when the spending reaches the timeout.
     */
    public synchronized boolean spend(long nanos) { // a handler's own threads may spend time at once
        if (nanos < 0) {
            throw new IllegalArgumentException("cannot spend a negative duration");
        }
        if (timedOut) {
            return false;
        }
        long remaining = deadlineNanos - startNanos - spentNanos;
        if (nanos > remaining) {
            timeOut();
            return false;
        }
        spentNanos += nanos;
        return true;
    }

    /** Marks the invocation as timed out at its deadline (used by the real-time watchdog and injected timeouts). */
    public synchronized void timeOut() {
        spentNanos = deadlineNanos - startNanos;
        timedOut = true;
    }
}
