package io.github.streamharness.reliability;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.time.Scheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The virtual clock counts epoch nanoseconds in a long. An advance, sleep or scheduled time past the latest instant
 * it supports is refused with a message that names the limit and how far it can still go, instead of wrapping the
 * clock round to 1715, where the next record would expire at once (docs/bad-inputs.md, "Clock").
 */
class ClockOverflowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StreamHarness harness() {
        StreamHarness h = StreamHarness.builder().startTime(T0).build();
        h.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60).build(),
                (event, context) -> null);
        return h;
    }

    @Test
    void advanceThatWouldOverflowTheClockIsRefusedNamingTheLimit() {
        try (StreamHarness h = harness()) {
            assertThatThrownBy(() -> h.advance(Duration.ofDays(100_000)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot advance the virtual clock by PT2400000H from 2026-01-01T00:00:00Z: the "
                            + "virtual clock counts nanoseconds in a long and supports instants up to "
                            + "2262-01-01T00:00:00Z, so from here it can advance by at most PT2068728H (about 86197 "
                            + "days); advance by less, or start the harness later with startTime(..)");

            assertThat(h.clock().now()).isEqualTo(T0); // the clock did not move
            StreamRecord r = h.put("pk", "a");         // and the next record does not expire at once
            h.runUntilIdle();
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
            h.ledger().verify();
        }
    }

    @Test
    void durationBeyondALongOfNanosecondsIsRefusedTheSameWay() {
        try (StreamHarness h = harness()) {
            assertThatThrownBy(() -> h.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot advance the virtual clock by PT2562047788015215H30M7S from "
                            + "2026-01-01T00:00:00Z: the virtual clock counts nanoseconds in a long and supports "
                            + "instants up to 2262-01-01T00:00:00Z");
            assertThatThrownBy(() -> h.clock().sleep(Duration.ofDays(100_000)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("supports instants up to 2262-01-01T00:00:00Z");
            assertThat(h.clock().now()).isEqualTo(T0);
        }
    }

    @Test
    void advanceToOrScheduleBeyondTheLimitIsRefusedNamingTheLimit() {
        try (StreamHarness h = harness()) {
            assertThatThrownBy(() -> h.advanceTo(Instant.parse("2263-01-01T00:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("2263-01-01T00:00:00Z is outside the range of the virtual clock, which counts "
                            + "nanoseconds in a long: it supports instants from 1677-09-21T00:12:43.145224192Z to "
                            + "2262-01-01T00:00:00Z");
            assertThatThrownBy(() -> h.schedule(Instant.MAX, () -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("+1000000000-12-31T23:59:59.999999999Z is outside the range of the "
                            + "virtual clock");
            assertThat(h.clock().now()).isEqualTo(T0);
        }
    }

    @Test
    void theEarliestInstantIsTheMostNegativeLongOfNanosecondsAndOneNanosecondBeforeIsRefused() {
        assertThat(Scheduler.toNanos(Scheduler.EARLIEST)).isEqualTo(Long.MIN_VALUE);
        assertThat(Scheduler.toInstant(Long.MIN_VALUE)).isEqualTo(Scheduler.EARLIEST);
        Instant late = Instant.parse("1677-09-21T00:12:43.999999999Z"); // EARLIEST's second, its last nanosecond
        assertThat(Scheduler.toInstant(Scheduler.toNanos(late))).isEqualTo(late);
        assertThat(Scheduler.toNanos(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo(-500_000_000L);
        assertThatThrownBy(() -> Scheduler.toNanos(Scheduler.EARLIEST.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1677-09-21T00:12:43.145224191Z is outside the range of the virtual clock, which counts "
                        + "nanoseconds in a long: it supports instants from 1677-09-21T00:12:43.145224192Z to "
                        + "2262-01-01T00:00:00Z");
        assertThatThrownBy(() -> StreamHarness.builder().startTime(Instant.MIN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("-1000000000-01-01T00:00:00Z is outside the range of the virtual clock");
    }

    @Test
    void sleepInsideAnInvocationThatWouldOverflowIsATimeout() { // rule 0.4
        StreamHarness h = StreamHarness.builder().startTime(T0).build();
        try (h) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    (event, context) -> {
                        h.clock().sleep(Duration.ofSeconds(Long.MAX_VALUE));
                        return null;
                    });
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT");
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.DISCARDED);
            h.ledger().verify();
        }
    }

    @Test
    void injectedLatencyOrColdStartBeyondALongOfNanosecondsIsATimeout() { // rule 0.4
        try (StreamHarness h = StreamHarness.builder().startTime(T0).build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).build(),
                    (event, context) -> null);
            h.faults().onInvocation(1).latency(Duration.ofSeconds(Long.MAX_VALUE))
                    .onInvocation(1).latency(Duration.ofSeconds(Long.MAX_VALUE));
            h.faults().coldStarts(Duration.ofSeconds(10)); // the most Init may take (rule 15.2): past the 3 s timeout
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(h.invocations().all()).extracting(i -> i.outcome().label())
                    .containsExactly("TIMEOUT", "TIMEOUT");
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.DISCARDED);
            h.ledger().verify();
        }
    }
}
