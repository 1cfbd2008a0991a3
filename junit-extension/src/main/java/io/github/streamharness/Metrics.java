package io.github.streamharness;

import io.github.streamharness.internal.observe.MetricStore;

import java.time.Duration;
import java.util.List;

/**
 * The function's CloudWatch metrics (section 10, 17): namespace AWS/Lambda with dimension FunctionName
 * ({@code Invocations}, {@code Errors}, {@code Throttles}, {@code Duration}, {@code ConcurrentExecutions},
 * {@code IteratorAge}, {@code DestinationDeliveryFailures}) and the event source mapping's event counts
 * ({@code PolledEventCount}, {@code FilteredOutEventCount}, {@code InvokedEventCount}, {@code FailedInvokeEventCount},
 * {@code DroppedEventCount}, {@code OnFailureDestinationDeliveredEventCount}), plus the Kinesis shard-level
 * {@code IteratorAgeMilliseconds}. Datapoints are aggregated per virtual second as they happen, so memory stays
 * bounded on long runs; the event counts are recorded whether or not the mapping's MetricsConfig asks for them.
 */
public final class Metrics {
    private final String functionName;
    private final MetricStore store;

    Metrics(String functionName, MetricStore store) {
        this.functionName = functionName;
        this.store = store;
    }

    /** The FunctionName dimension of these metrics. */
    public String functionName() {
        return functionName;
    }

    /**
     * A metric's statistic per period, as {@code aws cloudwatch get-metric-statistics} answers it: periods aligned to
     * multiples of {@code period} since the epoch, only periods with data, in time order.
     *
     * @param name   the AWS metric name, e.g. {@code "IteratorAge"}
     * @param period whole seconds, at least 1 s
     * @throws IllegalArgumentException for an unknown metric name, a shard-level metric, or a period that is not
     *                                  whole seconds
     */
    public List<Datapoint> statistics(String name, Statistic statistic, Duration period) {
        return store.statistics(name, statistic, period);
    }

    /**
     * A shard-level metric's statistic per period (Kinesis enhanced monitoring, dimension ShardId, rule 17.2):
     * {@code IteratorAgeMilliseconds}, the age of the last record of each batch read from the shard, at invoke start.
     *
     * @throws IllegalArgumentException for a function-level or unknown metric, a shard the stream does not have, or a
     *                                  period that is not whole seconds
     */
    public List<Datapoint> statistics(String name, Statistic statistic, Duration period, String shardId) {
        return store.statistics(name, statistic, period, shardId);
    }

    /** The statistic over the whole run (one period from the epoch to now): e.g. the total of Throttles. */
    public double total(String name, Statistic statistic) {
        List<Datapoint> all = statistics(name, statistic, Duration.ofSeconds(Long.MAX_VALUE / 2));
        return all.isEmpty() ? (statistic == Statistic.SUM || statistic == Statistic.SAMPLE_COUNT ? 0 : Double.NaN)
                : all.get(0).value();
    }

    @Override
    public String toString() {
        return "Metrics[AWS/Lambda FunctionName=" + functionName + "]";
    }
}
