package io.github.streamharness.internal.observe;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Statistic;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** The function's metrics, each a {@link SecondSeries}; answers {@code get-metric-statistics} (rule 17.2). */
public final class MetricStore {
    private final Map<MetricName, SecondSeries> function = new EnumMap<>(MetricName.class);
    private final Map<String, SecondSeries> iteratorAgeByShard = new HashMap<>(); // looked up per invocation
    private final Predicate<String> knownShard;

    /** A store whose shard-level queries accept the shard ids {@code knownShard} accepts. */
    public MetricStore(Predicate<String> knownShard) {
        this.knownShard = knownShard;
    }

    void add(MetricName name, long atNanos, double value) {
        function.computeIfAbsent(name, n -> new SecondSeries()).add(atNanos, value);
    }

    void addShardIteratorAge(String shardId, long atNanos, double value) {
        iteratorAgeByShard.computeIfAbsent(shardId, s -> new SecondSeries()).add(atNanos, value);
    }

    /** A function-level metric's statistic per period, as {@code get-metric-statistics} answers it. */
    public List<Datapoint> statistics(String name, Statistic statistic, Duration period) {
        MetricName metric = MetricName.of(name);
        long seconds = periodSeconds(period, statistic);
        if (metric.shardLevel()) {
            throw new IllegalArgumentException(name + " is a Kinesis shard-level metric (dimension ShardId, rule "
                    + "17.2): ask for it with statistics(\"" + name + "\", statistic, period, \"shardId-000000000000\")"
                    + "; the function-level iterator age is \"IteratorAge\"");
        }
        SecondSeries series = function.get(metric);
        return series == null ? List.of() : series.statistics(statistic, seconds);
    }

    /** A shard-level metric's statistic per period (only IteratorAgeMilliseconds). */
    public List<Datapoint> statistics(String name, Statistic statistic, Duration period, String shardId) {
        MetricName metric = MetricName.of(name);
        long seconds = periodSeconds(period, statistic);
        Objects.requireNonNull(shardId, "shardId");
        if (!metric.shardLevel()) {
            throw new IllegalArgumentException(name + " is an AWS/Lambda metric of the function (dimension "
                    + "FunctionName), not of a shard: ask for it with statistics(\"" + name + "\", statistic, period);"
                    + " the shard-level metric is \"IteratorAgeMilliseconds\" (rule 17.2)");
        }
        if (!knownShard.test(shardId)) {
            throw new IllegalArgumentException("no shard " + shardId + " in the stream this function reads (shard "
                    + "ids look like shardId-000000000000)");
        }
        SecondSeries series = iteratorAgeByShard.get(shardId);
        return series == null ? List.of() : series.statistics(statistic, seconds);
    }

    /** Seconds with data over every metric: what the store holds in memory. */
    public int storedSeconds() {
        int n = 0;
        for (SecondSeries s : function.values()) {
            n += s.seconds();
        }
        for (SecondSeries s : iteratorAgeByShard.values()) {
            n += s.seconds();
        }
        return n;
    }

    private static long periodSeconds(Duration period, Statistic statistic) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(statistic, "statistic");
        if (period.getNano() != 0 || period.getSeconds() < 1) {
            throw new IllegalArgumentException("a metric period is a whole number of seconds, at least 1 s, as "
                    + "get-metric-statistics takes it (rule 17.2); got " + period + ": use e.g. Duration.ofSeconds(60) "
                    + "or Duration.ofMinutes(5)");
        }
        return period.getSeconds();
    }
}
