package io.github.streamharness.internal.observe;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Statistic;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-second aggregation: memory grows with seconds that had data, never with datapoints (rule 17.2). */
class SecondSeriesTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aMillionDatapointsInAHundredSecondsHoldAHundredSeconds() {
        SecondSeries series = new SecondSeries();
        for (int i = 0; i < 1_000_000; i++) {
            series.add(i * 100_000L, i % 7); // every 0.1 ms for 100 s
        }
        assertThat(series.seconds()).isEqualTo(100);
        assertThat(series.statistics(Statistic.SAMPLE_COUNT, 100)).containsExactly(
                new Datapoint(Instant.EPOCH, 1_000_000));
    }

    @Test
    void aDatapointForAnEarlierSecondIsMergedInPlace() {
        SecondSeries series = new SecondSeries();
        series.add(5 * SECOND, 1);
        series.add(9 * SECOND, 2);
        series.add(5 * SECOND + 1, 10); // an overlapping lane reports late
        series.add(7 * SECOND, 3);

        assertThat(series.seconds()).isEqualTo(3);
        assertThat(series.statistics(Statistic.MAXIMUM, 1)).extracting(Datapoint::value)
                .containsExactly(10.0, 3.0, 2.0);
        assertThat(series.statistics(Statistic.SUM, 60)).containsExactly(new Datapoint(Instant.EPOCH, 16));
        // the second inserted between two others keeps each second's count, minimum and maximum (rule 17.2)
        assertThat(series.statistics(Statistic.SAMPLE_COUNT, 1)).containsExactly(
                new Datapoint(Instant.ofEpochSecond(5), 2), new Datapoint(Instant.ofEpochSecond(7), 1),
                new Datapoint(Instant.ofEpochSecond(9), 1));
        assertThat(series.statistics(Statistic.MINIMUM, 1)).extracting(Datapoint::value).containsExactly(1.0, 3.0, 2.0);
        assertThat(series.statistics(Statistic.MAXIMUM, 1)).extracting(Datapoint::value).containsExactly(10.0, 3.0, 2.0);
        assertThat(series.statistics(Statistic.MINIMUM, 60)).containsExactly(new Datapoint(Instant.EPOCH, 1));
    }

    @Test
    void aLongRunOfSteadyTrafficKeepsOneEntryPerMetricPerSecond() {
        // rule 17.2: eight hours of invocations every 200 ms, four lanes
        MetricStore store = new MetricStore(id -> true);
        ObservationRecorder recorder = new ObservationRecorder(new LogStore(10), store, 128, 90, false);
        long hours = 8;
        for (long t = 0; t < hours * 3600 * SECOND; t += SECOND / 5) {
            var report = new ObservationSink.InvocationReport("shardId-000000000000", "id", null, t, t + SECOND / 10,
                    -1, 3000, new io.github.streamharness.Outcome.Success(null, java.util.List.of()), 10,
                    t / 1_000_000 - 50, java.util.List.of());
            recorder.polled("shardId-000000000000", t, 10);
            recorder.invocationStarted(report);
            recorder.invocationEnded(report);
        }
        // Polled, IteratorAge (function and shard), ConcurrentExecutions, Invocations, Errors, Duration, Invoked
        assertThat(store.storedSeconds()).isEqualTo(8 * hours * 3600);
    }
}
