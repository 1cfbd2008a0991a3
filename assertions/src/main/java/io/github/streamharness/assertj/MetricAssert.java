package io.github.streamharness.assertj;

/** Assertions on one metric of a function; see {@link AbstractMetricAssert}. */
public class MetricAssert extends AbstractMetricAssert<MetricAssert> {

    /** Creates the assertion. */
    public MetricAssert(MetricView actual) {
        super(actual, MetricAssert.class);
    }
}
