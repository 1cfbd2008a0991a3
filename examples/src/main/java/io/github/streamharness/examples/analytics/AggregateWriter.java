package io.github.streamharness.examples.analytics;

import java.util.List;

/** Merges the samples of one (metric, minute) from one batch into the stored aggregate. */
interface AggregateWriter {

    /** Writes the samples, which all share one metric and one minute, in batch order. */
    void write(List<KeyedSample> samples);

    /** The aggregate of the samples; they must be non-empty and share one metric and minute. */
    static MinuteAggregate aggregate(List<KeyedSample> samples) {
        MinuteAggregate result = MinuteAggregate.of(samples.get(0).metric());
        for (KeyedSample sample : samples.subList(1, samples.size())) {
            result = result.plus(sample.metric());
        }
        return result;
    }
}
