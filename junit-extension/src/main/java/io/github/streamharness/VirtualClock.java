package io.github.streamharness;

import io.github.streamharness.internal.time.InvocationTimer;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.time.VirtualTimeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The harness's one clock. Arrival times, polls, batching windows, back-off, record age, retention, timeouts and
 * {@code Context.getRemainingTimeInMillis()} all read it. Inside an invocation, {@link #sleep(Duration)} spends the
 * invocation's virtual time (a handler, or a mock it calls, "takes 25 s"); a sleep that crosses the function timeout
 * ends the invocation as a timeout. Outside an invocation, {@code sleep} advances the harness like
 * {@link StreamHarness#advance(Duration)}.
 *
 * <p>The clock counts epoch nanoseconds in a long: it supports instants up to {@link #LATEST}. An advance, sleep or
 * scheduled time beyond it is refused with an {@link IllegalArgumentException} that names the limit.
 */
public final class VirtualClock {
    /** The latest instant the virtual clock supports (2262-01-01T00:00:00Z). */
    public static final Instant LATEST = Scheduler.LATEST;

    private final Scheduler scheduler;

    VirtualClock(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The current virtual time (inside an invocation: its start plus the time it has spent). */
    public Instant now() {
        return Scheduler.toInstant(scheduler.nowNanos());
    }

    /** The current virtual time in epoch milliseconds. */
    public long millis() {
        return Math.floorDiv(scheduler.nowNanos(), 1_000_000L);
    }

    /**
     * Spends {@code duration} of virtual time. Inside an invocation this is the handler's own time; crossing the
     * function timeout throws an {@link Error} that ends the invocation as Lambda would ("Task timed out after
     * N.NN seconds"). Outside one, it runs everything due in that time.
     */
    public void sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot sleep a negative duration: " + duration);
        }
        InvocationTimer timer = scheduler.activeTimer();
        if (timer != null) {
            long nanos;
            try {
                nanos = duration.toNanos();
            } catch (ArithmeticException e) {
                nanos = Long.MAX_VALUE; // longer than any function timeout: the invocation times out
            }
            if (!timer.spend(nanos)) {
                throw new VirtualTimeout(String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                        (timer.deadlineNanos() - timer.startNanos()) / 1e9));
            }
            return;
        }
        scheduler.advance(duration); // refuses to go past the clock's range, naming it
    }

    /** Whether the caller runs inside an invocation (time spent now is the handler's). */
    public boolean isInsideInvocation() {
        return scheduler.activeTimer() != null;
    }

    /** A {@link java.time.Clock} view, for code under test that takes a Clock (UTC). */
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                if (zone.equals(ZoneOffset.UTC)) {
                    return this;
                }
                throw new UnsupportedOperationException("the virtual clock is UTC only");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now() + "]";
    }
}
