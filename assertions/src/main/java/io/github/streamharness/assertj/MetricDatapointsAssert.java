package io.github.streamharness.assertj;

/** Assertions on one statistic of a metric per period; see {@link AbstractMetricDatapointsAssert}. */
public class MetricDatapointsAssert extends AbstractMetricDatapointsAssert<MetricDatapointsAssert> {

    /** Creates the assertion. */
    public MetricDatapointsAssert(MetricDatapoints actual) {
        super(actual, MetricDatapointsAssert.class);
    }
}
