package io.github.streamharness.internal.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The one discrete-event queue of a harness, on its one virtual clock (nanosecond resolution). Everything that
 * happens later (polls, batching windows, invocation completions, retries after back-off, producers) is an event
 * here; {@link #runUntilIdle()} and {@link #advance(long)} step it. Single-threaded by design: one harness is driven
 * by one thread at a time.
 */
public final class Scheduler {
    /** Events processed in one run before the scheduler gives up and reports a runaway scenario. */
    public static final long DEFAULT_EVENT_LIMIT = 50_000_000L;

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private boolean running;
    private long eventLimit = DEFAULT_EVENT_LIMIT;
    private InvocationTimer activeTimer;

    /** A scheduler whose clock starts at {@code start}. */
    public Scheduler(Instant start) {
        this.nowNanos = toNanos(start);
    }

    /** The current virtual time in epoch nanoseconds, including time spent so far by a running invocation. */
    public long nowNanos() {
        InvocationTimer timer = activeTimer;
        return timer != null ? timer.nowNanos() : nowNanos;
    }

    /** The time of the event being processed (not counting time spent inside a running invocation). */
    public long eventTimeNanos() {
        return nowNanos;
    }

    /** Sets the number of events one run may process before it stops with an error. */
    public void eventLimit(long limit) {
        this.eventLimit = limit;
    }

    /** Schedules {@code action} at {@code atNanos}; a time in the past runs at the current time, in order. */
    public void schedule(long atNanos, Runnable action) {
        queue.add(new Event(Math.max(atNanos, nowNanos), sequence++, action));
    }

    /** The timer of the invocation running now, or null. */
    public InvocationTimer activeTimer() {
        return activeTimer;
    }

    /** Starts timing an invocation that begins now and may run until {@code deadlineNanos}. */
    public InvocationTimer beginInvocation(long deadlineNanos) {
        if (activeTimer != null) {
            throw new IllegalStateException("an invocation is already running");
        }
        activeTimer = new InvocationTimer(nowNanos, deadlineNanos);
        return activeTimer;
    }

    /** Ends the running invocation's timing. */
    public void endInvocation() {
        activeTimer = null;
    }

    /**
     * Processes events until none is left. Returns the number of events processed.
     *
     * @throws IllegalStateException when called re-entrantly or when the event limit is reached
     */
    public long runUntilIdle() {
        enter("runUntilIdle()");
        long processed = 0;
        try {
            Event e;
            while ((e = queue.poll()) != null) {
                nowNanos = e.atNanos;
                e.action.run();
                if (++processed >= eventLimit) {
                    throw new IllegalStateException("runUntilIdle() processed " + processed + " events and the "
                            + "stream is still not idle at " + Instant.ofEpochSecond(0, nowNanos) + "; a scenario "
                            + "that never settles (e.g. a producer without an end) should use advance(Duration).");
                }
            }
        } finally {
            running = false;
        }
        return processed;
    }

    /** Processes every event due within {@code nanos} from now, then moves the clock to now + nanos. */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("cannot advance the virtual clock by a negative duration");
        }
        enter("advance()");
        long target = nowNanos + nanos;
        try {
            Event e;
            while ((e = queue.peek()) != null && e.atNanos <= target) {
                queue.poll();
                nowNanos = e.atNanos;
                e.action.run();
            }
            nowNanos = target;
        } finally {
            running = false;
        }
    }

    private void enter(String what) {
        if (running) {
            throw new IllegalStateException(what + " was called while the harness is already running events "
                    + "(for example from inside a handler). A handler may put records and sleep on the virtual "
                    + "clock, but it cannot drive the harness.");
        }
        running = true;
    }

    /** Epoch nanoseconds of an Instant. */
    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** The Instant of epoch nanoseconds. */
    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds of a Duration. */
    public static long toNanos(Duration d) {
        return d.toNanos();
    }

    private record Event(long atNanos, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
