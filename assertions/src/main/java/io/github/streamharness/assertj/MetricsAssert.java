package io.github.streamharness.assertj;

import io.github.streamharness.Metrics;

/** Assertions on a function's CloudWatch metrics; see {@link AbstractMetricsAssert}. */
public class MetricsAssert extends AbstractMetricsAssert<MetricsAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(metrics)}). */
    public MetricsAssert(Metrics actual) {
        super(actual, MetricsAssert.class);
    }
}
