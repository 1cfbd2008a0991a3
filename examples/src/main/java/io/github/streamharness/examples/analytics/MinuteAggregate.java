package io.github.streamharness.examples.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The aggregate of one metric over one minute: how many samples, their sum, minimum and maximum. The handler builds
 * one per (metric, minute) found in a batch and merges it into the stored aggregate.
 */
public record MinuteAggregate(String metric, Instant minute, long count, BigDecimal sum, BigDecimal min,
                              BigDecimal max) {

    /** Validates the fields. */
    public MinuteAggregate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(minute, "minute");
        Objects.requireNonNull(sum, "sum");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (count < 1) {
            throw new IllegalArgumentException("an aggregate covers at least one sample, got count " + count);
        }
    }

    /** The aggregate of a single sample. */
    public static MinuteAggregate of(MetricRecord sample) {
        return new MinuteAggregate(sample.metric(), sample.minute(), 1, sample.value(), sample.value(),
                sample.value());
    }

    /** This aggregate with one more sample of the same metric and minute. */
    public MinuteAggregate plus(MetricRecord sample) {
        if (!sample.metric().equals(metric) || !sample.minute().equals(minute)) {
            throw new IllegalArgumentException("sample " + sample.metric() + "@" + sample.minute()
                    + " does not belong to " + metric + "@" + minute);
        }
        return new MinuteAggregate(metric, minute, count + 1, sum.add(sample.value()), min.min(sample.value()),
                max.max(sample.value()));
    }
}
