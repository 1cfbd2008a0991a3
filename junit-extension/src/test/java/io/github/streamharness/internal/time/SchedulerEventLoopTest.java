package io.github.streamharness.internal.time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduler's two loops, runUntilIdle and advance: counts, re-entrance, interrupts, the clock's end, timers. */
class SchedulerEventLoopTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final Scheduler scheduler = new Scheduler(START);
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    private long at(long secondsFromStart) {
        return Scheduler.toNanos(START.plusSeconds(secondsFromStart));
    }

    @Test
    void runUntilIdleReturnsHowManyEventsItProcessed() {
        scheduler.schedule(at(1), () -> ran.add("a"));
        scheduler.schedule(at(2), () -> scheduler.schedule(at(3), () -> ran.add("c")));
        assertThat(scheduler.runUntilIdle()).isEqualTo(3);
        assertThat(ran).containsExactly("a", "c");
        assertThat(scheduler.runUntilIdle()).isZero();
    }

    @Test
    void anInterruptedThreadRunsNoEventAndKeepsItsFlag() {
        scheduler.schedule(at(1), () -> ran.add("a"));
        Thread.currentThread().interrupt();
        assertThatThrownBy(scheduler::runUntilIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("runUntilIdle() stopped at 2026-01-01T00:00:00Z: the thread driving the "
                        + "harness was interrupted");
        assertThatThrownBy(() -> scheduler.advance(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("advance() stopped at 2026-01-01T00:00:00Z");
        assertThat(ran).isEmpty();
        assertThat(Thread.interrupted()).isTrue();
        assertThat(scheduler.runUntilIdle()).isEqualTo(1); // nothing was lost
        assertThat(ran).containsExactly("a");
    }

    @Test
    void anInterruptDuringAnAdvanceStopsAfterThatEvent() {
        scheduler.schedule(at(1), () -> {
            ran.add("a");
            Thread.currentThread().interrupt();
        });
        scheduler.schedule(at(2), () -> ran.add("b"));
        assertThatThrownBy(() -> scheduler.advance(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("advance() stopped at 2026-01-01T00:00:01Z");
        assertThat(ran).containsExactly("a");
        Thread.interrupted();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void advanceFromInsideAnEventIsRefused() {
        List<Throwable> refused = new ArrayList<>();
        scheduler.schedule(at(1), () -> {
            try {
                scheduler.advance(Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                refused.add(e);
            }
        });
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("advance() was called while the harness is already running events");
    }

    @Test
    void advanceRunsEventsDueAtItsEndAndNotAfter() {
        scheduler.schedule(at(5), () -> ran.add("at 5"));
        scheduler.schedule(at(6), () -> ran.add("at 6"));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("at 5");
        assertThat(scheduler.nowNanos()).isEqualTo(at(5));
    }

    @Test
    void theClockAdvancesExactlyToItsLatestInstantButNotBeyond() {
        Scheduler nearTheEnd = new Scheduler(Scheduler.LATEST.minusSeconds(10));
        nearTheEnd.advance(Duration.ofSeconds(10));
        assertThat(Scheduler.toInstant(nearTheEnd.nowNanos())).isEqualTo(Scheduler.LATEST);
        assertThatThrownBy(() -> nearTheEnd.advance(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supports instants up to 2262-01-01T00:00:00Z");
    }

    @Test
    void aTimerKnowsWhenItIsScheduledAndCanBeCancelled() {
        Scheduler.Timer timer = scheduler.timer(() -> ran.add("timer"));
        assertThat(timer.isScheduled()).isFalse();
        assertThat(timer.atNanos()).isEqualTo(Long.MAX_VALUE);
        timer.at(at(3)); // the only event: slot 0
        assertThat(timer.isScheduled()).isTrue();
        assertThat(timer.atNanos()).isEqualTo(at(3));
        timer.at(at(4)); // moved, not added twice
        timer.cancel();
        assertThat(timer.isScheduled()).isFalse();
        assertThat(timer.atNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(scheduler.runUntilIdle()).isZero();
        timer.at(at(4));
        assertThat(scheduler.runUntilIdle()).isEqualTo(1);
        assertThat(ran).containsExactly("timer");
    }
}
