package io.github.streamharness;

import java.time.Instant;

/**
 * One datapoint of {@link Metrics#statistics}, as {@code get-metric-statistics} returns it (rule 17.2).
 *
 * @param timestamp the start of the period, a multiple of the period since the epoch
 * @param value     the statistic over the period, in the metric's unit (milliseconds for IteratorAge, Duration and
 *                  IteratorAgeMilliseconds; a count otherwise)
 */
public record Datapoint(Instant timestamp, double value) {
    @Override
    public String toString() {
        return timestamp + "=" + (value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value));
    }
}
