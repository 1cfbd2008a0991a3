package io.github.streamharness.assertj;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Metrics;
import io.github.streamharness.Statistic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One metric of a function, as {@link MetricsAssert#metric(String)} selects it: a function-level AWS/Lambda metric,
 * or the shard-level {@code IteratorAgeMilliseconds} of one shard.
 *
 * @param metrics the function's metrics
 * @param name    the AWS metric name
 * @param shardId the shard of a shard-level metric, or null
 */
public record MetricView(Metrics metrics, String name, String shardId) {
    /** Checks the parts. */
    public MetricView {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(name, "name");
    }

    /** The statistic per period, as {@link Metrics#statistics} answers it. */
    public List<Datapoint> statistics(Statistic statistic, Duration period) {
        return shardId == null ? metrics.statistics(name, statistic, period)
                : metrics.statistics(name, statistic, period, shardId);
    }

    /** How messages name it: {@code IteratorAge (AWS/Lambda FunctionName=f)}. */
    @Override
    public String toString() {
        return name + (shardId == null ? " (AWS/Lambda FunctionName=" + metrics.functionName() + ")"
                : " (AWS/Kinesis ShardId=" + shardId + ")");
    }
}
