package io.github.streamharness.internal.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The one discrete-event queue of a harness, on its one virtual clock (nanosecond resolution). Everything that
 * happens later (polls, batching windows, invocation completions, retries after back-off, producers) is an event
 * here; {@link #runUntilIdle()} and {@link #advance(long)} step it. Single-threaded by design: one harness is driven
 * by one thread at a time.
 *
 * <p>The clock counts epoch nanoseconds in a long. It refuses to go past {@link #LATEST} (a margin below the long's
 * end, 2262-04-11, so that every delay the mappings add to "now" stays in range) instead of wrapping round. A run
 * stops when the thread driving it is interrupted, leaving the flag set.
 */
public final class Scheduler {
    /** Events processed in one run before the scheduler gives up and reports a runaway scenario. */
    public static final long DEFAULT_EVENT_LIMIT = 50_000_000L;
    /** The latest instant the virtual clock supports. */
    public static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");
    /** The earliest instant the virtual clock supports (the most negative long of epoch nanoseconds). */
    public static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    private static final long LATEST_NANOS = LATEST.getEpochSecond() * 1_000_000_000L;

    private final EventHeap queue = new EventHeap();
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
        queue.add(new EventHeap.Event(Math.max(atNanos, nowNanos), sequence++, action));
    }

    /**
     * A reusable event running {@code action}: {@link Timer#at} schedules it, or moves it when it is scheduled
     * already, so an owner that re-plans its next step (a lane) holds one event in the queue, not one per plan.
     */
    public Timer timer(Runnable action) {
        return new Timer(action);
    }

    /** One reschedulable event of this scheduler. */
    public final class Timer {
        private final EventHeap.Event event;

        private Timer(Runnable action) {
            this.event = new EventHeap.Event(0, 0, action);
        }

        /**
         * Schedules the action at {@code atNanos} (a time in the past runs at the current time), replacing any
         * time it was scheduled at before: it runs in the order of this call, as an event scheduled now would.
         */
        public void at(long atNanos) {
            queue.remove(event);
            event.atNanos = Math.max(atNanos, nowNanos);
            event.seq = sequence++;
            queue.add(event);
        }

        /** Takes the action out of the queue, if it is scheduled. */
        public void cancel() {
            queue.remove(event);
        }

        /** Whether the action is scheduled. */
        public boolean isScheduled() {
            return event.index >= 0;
        }

        /** When the action is scheduled, or {@link Long#MAX_VALUE} while it is not. */
        public long atNanos() {
            return event.index >= 0 ? event.atNanos : Long.MAX_VALUE;
        }
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
            stopIfInterrupted("runUntilIdle()");
            EventHeap.Event e;
            while ((e = queue.poll()) != null) {
                nowNanos = e.atNanos;
                e.action.run();
                stopIfInterrupted("runUntilIdle()");
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
        if (nanos > LATEST_NANOS - nowNanos) {
            throw tooFar(Duration.ofNanos(nanos));
        }
        enter("advance()");
        long target = nowNanos + nanos;
        try {
            stopIfInterrupted("advance()");
            EventHeap.Event e;
            while ((e = queue.peek()) != null && e.atNanos <= target) {
                queue.poll();
                nowNanos = e.atNanos;
                e.action.run();
                stopIfInterrupted("advance()");
            }
            nowNanos = target;
        } finally {
            running = false;
        }
    }

    /** As {@link #advance(long)}, refusing a duration past the clock's range with the same message. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance the virtual clock by a negative duration: " + duration);
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            throw tooFar(duration);
        }
        advance(nanos);
    }

    private IllegalArgumentException tooFar(Duration duration) {
        Duration left = Duration.ofNanos(LATEST_NANOS - nowNanos);
        return new IllegalArgumentException("cannot advance the virtual clock by " + duration + " from "
                + toInstant(nowNanos) + ": the virtual clock counts nanoseconds in a long and supports instants up to "
                + LATEST + ", so from here it can advance by at most " + left + " (about " + left.toDays()
                + " days); advance by less, or start the harness later with startTime(..)");
    }

    private void stopIfInterrupted(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException(what + " stopped at " + toInstant(nowNanos) + ": the thread driving the "
                    + "harness was interrupted (by the handler, or by the test, e.g. a JUnit timeout). The interrupt "
                    + "flag is left set; nothing is lost: records in flight stay PENDING and are delivered when the "
                    + "harness runs again after Thread.interrupted() clears the flag.");
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

    /**
     * Epoch nanoseconds of an Instant.
     *
     * @throws IllegalArgumentException when the instant is outside {@link #EARLIEST}..{@link #LATEST}
     */
    public static long toNanos(Instant instant) {
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
            throw new IllegalArgumentException(instant + " is outside the range of the virtual clock, which counts "
                    + "nanoseconds in a long: it supports instants from " + EARLIEST + " to " + LATEST);
        }
        long seconds = instant.getEpochSecond();
        int nano = instant.getNano();
        if (seconds < 0 && nano > 0) { // EARLIEST's second times 10^9 is below Long.MIN_VALUE; its nanoseconds are not
            return (seconds + 1) * 1_000_000_000L + (nano - 1_000_000_000L);
        }
        return seconds * 1_000_000_000L + nano; // in range: checked above
    }

    /** The Instant of epoch nanoseconds. */
    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds of a Duration. */
    public static long toNanos(Duration d) {
        return d.toNanos();
    }
}
