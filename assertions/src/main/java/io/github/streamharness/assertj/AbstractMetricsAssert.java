package io.github.streamharness.assertj;

import io.github.streamharness.Metrics;
import io.github.streamharness.Statistic;

import java.time.Duration;
import java.util.Objects;

/**
 * The way into assertions on a function's CloudWatch metrics (section 17):
 * {@code assertThat(metrics).metric("IteratorAge").maximumPer(Duration.ofMinutes(5)).allBelow(60_000)}.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractMetricsAssert<SELF extends AbstractMetricsAssert<SELF>>
        extends AbstractStreamAssert<SELF, Metrics> {

    /** Creates the assertion. */
    protected AbstractMetricsAssert(Metrics actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Assertions on a function-level metric by its AWS name ({@code Invocations}, {@code Errors}, {@code Throttles},
     * {@code IteratorAge}, ...).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public MetricAssert metric(String name) {
        isNotNull();
        Objects.requireNonNull(name, "name");
        actual.statistics(name, Statistic.SUM, Duration.ofSeconds(60)); // an unknown name fails here, clearly
        return open(MetricAssert.class, MetricView.class, new MetricView(actual, name, null), MetricAssert::new, null);
    }

    /** Assertions on the shard-level {@code IteratorAgeMilliseconds} of one shard (rule 17.2). */
    public MetricAssert metric(String name, String shardId) {
        isNotNull();
        Objects.requireNonNull(shardId, "shardId");
        actual.statistics(name, Statistic.SUM, Duration.ofSeconds(60), shardId);
        return open(MetricAssert.class, MetricView.class, new MetricView(actual, name, shardId), MetricAssert::new,
                null);
    }
}
