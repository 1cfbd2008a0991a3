package io.github.streamharness;

/** The statistics of {@code get-metric-statistics}: how a period's datapoints are combined. */
public enum Statistic {
    /** The number of datapoints in the period. */
    SAMPLE_COUNT,
    /** The mean of the datapoints: SUM / SAMPLE_COUNT. */
    AVERAGE,
    /** The sum of the datapoints. */
    SUM,
    /** The lowest datapoint. */
    MINIMUM,
    /** The highest datapoint. */
    MAXIMUM
}
