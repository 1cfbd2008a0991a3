package io.github.streamharness.examples.incident;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.traffic.RateProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The traffic of the incident tests: a burst of {@value #BURST} metric records from {@value #HOSTS} hosts at
 * 1,000 records/s whose record {@value #POISON_INDEX} is a poison pill (its JSON is cut short), then steady traffic
 * of 10 records/s for 45 minutes.
 */
final class IncidentTraffic {
    static final int HOSTS = 50;
    static final int BURST = 1_000;
    static final int POISON_INDEX = 250;
    static final Duration INCIDENT = Duration.ofMinutes(45);
    private static final long STEADY_SEED = 99L;

    private IncidentTraffic() {
    }

    /** Puts the burst now and starts the steady traffic; returns the burst, in the order it was written. */
    static List<StreamRecord> write(StreamHarness stream) {
        Instant now = stream.clock().now();
        List<StreamRecord> burst = stream.putAll(
                MetricTraffic.withPoisonPill(HOSTS, now, 1_000, POISON_INDEX).take(BURST));
        RateProducer.of(MetricTraffic.metrics(HOSTS, now, 10, STEADY_SEED))
                .recordsPerSecond(10).forDuration(INCIDENT).start(stream);
        return burst;
    }
}
