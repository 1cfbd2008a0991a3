package io.github.streamharness;

import java.time.Duration;

/**
 * The wait between retries of a failed batch, on the virtual clock. AWS does not document it (rule 4.3); the
 * harness default (rule 0.2) is 1 s before the first retry, doubling, capped at 60 s, without jitter. Bisected halves
 * are invoked without waiting.
 *
 * @param initial    delay before the first retry
 * @param multiplier growth per retry (1 for a constant delay)
 * @param cap        longest delay
 * @param jitter     0 for none, or a fraction (0.5 = up to +-50 %) drawn from the harness seed
 */
public record RetryBackoff(Duration initial, double multiplier, Duration cap, double jitter) {
    /** The default of rule 0.2: 1 s, x2, 60 s cap, no jitter. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0);

    /** Validates the values. */
    public RetryBackoff {
        if (initial.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("back-off durations cannot be negative: initial " + initial
                    + ", cap " + cap);
        }
        if (multiplier < 1 || Double.isNaN(multiplier)) {
            throw new IllegalArgumentException("back-off multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0 || jitter >= 1 || Double.isNaN(jitter)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** Retries without waiting. */
    public static RetryBackoff none() {
        return new RetryBackoff(Duration.ZERO, 1, Duration.ZERO, 0);
    }

    /** The same delay before every retry. */
    public static RetryBackoff constant(Duration delay) {
        return new RetryBackoff(delay, 1, delay, 0);
    }

    /** An exponential back-off. */
    public static RetryBackoff exponential(Duration initial, double multiplier, Duration cap) {
        return new RetryBackoff(initial, multiplier, cap, 0);
    }

    /** This back-off with seeded jitter (a fraction of each delay, up or down). */
    public RetryBackoff withJitter(double fraction) {
        return new RetryBackoff(initial, multiplier, cap, fraction);
    }
}
