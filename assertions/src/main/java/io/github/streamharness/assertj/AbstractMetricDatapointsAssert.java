package io.github.streamharness.assertj;

import io.github.streamharness.Datapoint;

import java.util.List;
import java.util.function.DoublePredicate;

import static io.github.streamharness.assertj.ShouldHaveDatapoints.number;
import static io.github.streamharness.assertj.ShouldHaveDatapoints.shouldAllBe;
import static io.github.streamharness.assertj.ShouldHaveDatapoints.shouldHaveOne;

/**
 * Assertions on one statistic of a metric per period ({@code metric("IteratorAge").maximumPer(5 minutes)}). Only
 * periods with data count, as in CloudWatch: a metric with no datapoint passes every {@code all...} assertion.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractMetricDatapointsAssert<SELF extends AbstractMetricDatapointsAssert<SELF>>
        extends AbstractStreamAssert<SELF, MetricDatapoints> {

    /** Creates the assertion. */
    protected AbstractMetricDatapointsAssert(MetricDatapoints actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that every datapoint is below {@code bound}. */
    public SELF allBelow(double bound) {
        return all(v -> v < bound, "below " + number(bound));
    }

    /** Verifies that every datapoint is at most {@code bound}. */
    public SELF allAtMost(double bound) {
        return all(v -> v <= bound, "at most " + number(bound));
    }

    /** Verifies that every datapoint is at least {@code bound}. */
    public SELF allAtLeast(double bound) {
        return all(v -> v >= bound, "at least " + number(bound));
    }

    /** Verifies that some datapoint is at least {@code bound} (the metric reached it in some period). */
    public SELF anyAtLeast(double bound) {
        isNotNull();
        if (actual.datapoints().stream().noneMatch(d -> d.value() >= bound)) {
            throwAssertionError(shouldHaveOne(actual, "at least " + number(bound)));
        }
        return myself;
    }

    /** Verifies that there are datapoints (some period had data). */
    public SELF isNotEmpty() {
        isNotNull();
        if (actual.datapoints().isEmpty()) {
            throwAssertionError(shouldHaveOne(actual, "present"));
        }
        return myself;
    }

    /** The datapoints, for AssertJ's own list assertions. */
    public org.assertj.core.api.ListAssert<Datapoint> datapoints() {
        isNotNull();
        return org.assertj.core.api.Assertions.assertThat(actual.datapoints()).as(actual.toString());
    }

    private SELF all(DoublePredicate ok, String bound) {
        isNotNull();
        List<Datapoint> offending = actual.datapoints().stream().filter(d -> !ok.test(d.value())).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldAllBe(actual, bound, offending));
        }
        return myself;
    }
}
