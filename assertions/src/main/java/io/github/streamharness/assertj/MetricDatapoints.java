package io.github.streamharness.assertj;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Statistic;

import java.time.Duration;
import java.util.List;

/**
 * The datapoints of one statistic of a metric per period, as {@code get-metric-statistics} returns them.
 *
 * @param metric     the metric
 * @param statistic  the statistic
 * @param period     the period
 * @param datapoints the datapoints, only periods with data, in time order
 */
public record MetricDatapoints(MetricView metric, Statistic statistic, Duration period, List<Datapoint> datapoints) {
    /** Copies the list. */
    public MetricDatapoints {
        datapoints = List.copyOf(datapoints);
    }

    /** How messages name it: {@code the 5m MAXIMUM of IteratorAge (AWS/Lambda FunctionName=f)}. */
    @Override
    public String toString() {
        return "the " + ShouldHaveDatapoints.period(period) + " " + statistic + " of " + metric;
    }
}
