package io.github.streamharness.internal.mapping;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The delay before the k-th consecutive retry (rule 4.3, 0.2): exponential, capped, optionally jittered. */
class BackoffScheduleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void withoutJitterTheDelayDoublesUpToTheCap() { // rule 0.2: 1 s, x2, 60 s cap
        BackoffSchedule backoff = new BackoffSchedule(SECOND, 2.0, 60 * SECOND, 0, 42);
        assertThat(new long[] {backoff.delayNanos(1), backoff.delayNanos(2), backoff.delayNanos(3),
                backoff.delayNanos(6), backoff.delayNanos(7), backoff.delayNanos(30)})
                .containsExactly(SECOND, 2 * SECOND, 4 * SECOND, 32 * SECOND, 60 * SECOND, 60 * SECOND);
        assertThat(backoff.delayNanos(0)).isEqualTo(SECOND);
    }

    @Test
    void jitterMovesEachDelayUpOrDownByAtMostItsFraction() {
        BackoffSchedule backoff = new BackoffSchedule(10 * SECOND, 1.0, 60 * SECOND, 0.5, 42);
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long d = backoff.delayNanos(1);
            assertThat(d).isBetween(5 * SECOND, 15 * SECOND);
            delays.add(d);
        }
        assertThat(delays).as("jittered delays").hasSizeGreaterThan(150);
        assertThat(delays.stream().anyMatch(d -> d < 10 * SECOND)).isTrue();
        assertThat(delays.stream().anyMatch(d -> d > 10 * SECOND)).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameJitter() {
        BackoffSchedule a = new BackoffSchedule(SECOND, 2.0, 60 * SECOND, 0.3, 7);
        BackoffSchedule b = new BackoffSchedule(SECOND, 2.0, 60 * SECOND, 0.3, 7);
        for (int k = 1; k <= 10; k++) {
            assertThat(a.delayNanos(k)).isEqualTo(b.delayNanos(k));
        }
    }

    @Test
    void aZeroDelayStaysZeroWithJitter() {
        assertThat(new BackoffSchedule(0, 2.0, 60 * SECOND, 0.5, 1).delayNanos(3)).isZero();
    }
}
