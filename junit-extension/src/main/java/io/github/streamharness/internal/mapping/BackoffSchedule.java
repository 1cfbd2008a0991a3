package io.github.streamharness.internal.mapping;

import java.util.SplittableRandom;

/**
 * Delay before the k-th consecutive retry of a batch (rule 4.3, 0.2): initial * multiplier^(k-1), capped, with
 * optional seeded jitter (a fraction of the delay added or removed at random).
 */
public final class BackoffSchedule {
    private final long initialNanos;
    private final double multiplier;
    private final long capNanos;
    private final double jitter;
    private final SplittableRandom random;

    /** A back-off; {@code jitter} 0 means none, 0.5 means +-50 %. */
    public BackoffSchedule(long initialNanos, double multiplier, long capNanos, double jitter, long seed) {
        this.initialNanos = initialNanos;
        this.multiplier = multiplier;
        this.capNanos = capNanos;
        this.jitter = jitter;
        this.random = jitter > 0 ? new SplittableRandom(seed) : null;
    }

    /** Delay before retry {@code k} (1-based). */
    public long delayNanos(int k) {
        double delay = initialNanos * Math.pow(multiplier, Math.max(0, k - 1));
        long base = (long) Math.min(capNanos, delay);
        if (random == null || base == 0) {
            return base;
        }
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Math.max(0, (long) (base * factor));
    }
}
