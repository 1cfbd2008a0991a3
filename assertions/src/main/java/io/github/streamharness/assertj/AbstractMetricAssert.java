package io.github.streamharness.assertj;

import io.github.streamharness.Statistic;

import java.time.Duration;

import static io.github.streamharness.assertj.ShouldHaveDatapoints.number;
import static io.github.streamharness.assertj.ShouldHaveDatapoints.shouldHaveTotal;

/**
 * Assertions on one metric of a function: its statistics per period ({@code maximumPer(Duration.ofMinutes(5))}) and
 * its total over the run.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractMetricAssert<SELF extends AbstractMetricAssert<SELF>>
        extends AbstractStreamAssert<SELF, MetricView> {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Creates the assertion. */
    protected AbstractMetricAssert(MetricView actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The MAXIMUM per period (periods aligned to the epoch, only periods with data). */
    public MetricDatapointsAssert maximumPer(Duration period) {
        return per(Statistic.MAXIMUM, period);
    }

    /** The MINIMUM per period. */
    public MetricDatapointsAssert minimumPer(Duration period) {
        return per(Statistic.MINIMUM, period);
    }

    /** The SUM per period. */
    public MetricDatapointsAssert sumPer(Duration period) {
        return per(Statistic.SUM, period);
    }

    /** The AVERAGE per period. */
    public MetricDatapointsAssert averagePer(Duration period) {
        return per(Statistic.AVERAGE, period);
    }

    /** The SAMPLE_COUNT per period. */
    public MetricDatapointsAssert sampleCountPer(Duration period) {
        return per(Statistic.SAMPLE_COUNT, period);
    }

    /** Any statistic per period. */
    public MetricDatapointsAssert per(Statistic statistic, Duration period) {
        isNotNull();
        MetricDatapoints d = new MetricDatapoints(actual, statistic, period, actual.statistics(statistic, period));
        return open(MetricDatapointsAssert.class, MetricDatapoints.class, d, MetricDatapointsAssert::new, null);
    }

    /** Verifies that the metric has no datapoint at all (e.g. Throttles when nothing was throttled). */
    public SELF hasNoDatapoints() {
        isNotNull();
        var perMinute = actual.statistics(Statistic.SUM, MINUTE);
        if (!perMinute.isEmpty()) {
            throwAssertionError(shouldHaveTotal(actual, "to have no datapoint", perMinute));
        }
        return myself;
    }

    /** Verifies the SUM of the metric over the whole run (0 when it has no datapoint). */
    public SELF hasTotal(double expected) {
        isNotNull();
        double total = actual.statistics(Statistic.SUM, Duration.ofSeconds(Long.MAX_VALUE / 2)).stream()
                .mapToDouble(io.github.streamharness.Datapoint::value).sum();
        if (Double.compare(total, expected) != 0) {
            throwAssertionError(shouldHaveTotal(actual, "to total " + number(expected) + " but it totals "
                    + number(total), actual.statistics(Statistic.SUM, MINUTE)));
        }
        return myself;
    }
}
