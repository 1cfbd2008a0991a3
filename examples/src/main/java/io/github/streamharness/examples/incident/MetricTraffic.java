package io.github.streamharness.examples.incident;

import io.github.streamharness.events.Defect;
import io.github.streamharness.events.KinesisRecords;
import java.time.Instant;
import java.util.stream.IntStream;

/**
 * The analytics stream's traffic, generated from a seed: metric documents as the hosts write them, e.g.
 * {@code {"metric":"cpu","value":42.7,"timestamp":"2026-01-01T00:00:00.100Z"}}, partitioned by host.
 * Record {@code i} carries the timestamp at which a producer writing {@code recordsPerSecond} from {@code start}
 * writes it, so the aggregates land in the minute the record arrives in.
 */
public final class MetricTraffic {
    /** The metrics the hosts report. */
    public static final String[] METRICS = {"cpu", "mem", "disk", "net"};
    private static final long SEED = 2026_11_23L;

    private MetricTraffic() {
    }

    /**
     * Metric records from {@code hosts} hosts (partition keys {@code host-0 ..}), the i-th timestamped at
     * {@code start + i / recordsPerSecond}.
     */
    public static KinesisRecords metrics(int hosts, Instant start, long recordsPerSecond) {
        return metrics(hosts, start, recordsPerSecond, SEED);
    }

    /** As {@link #metrics(int, Instant, long)}, with the hosts' order drawn from {@code seed}. */
    public static KinesisRecords metrics(int hosts, Instant start, long recordsPerSecond, long seed) {
        String[] keys = IntStream.range(0, hosts).mapToObj(h -> "host-" + h).toArray(String[]::new);
        return KinesisRecords.withSeed(seed).keys(keys).text(i -> document(i, start, recordsPerSecond));
    }

    /** As {@link #metrics(int, Instant, long)}, with record {@code poisonIndex} cut short: a poison pill. */
    public static KinesisRecords withPoisonPill(int hosts, Instant start, long recordsPerSecond, int poisonIndex) {
        return metrics(hosts, start, recordsPerSecond).defectAt(poisonIndex, Defect.MALFORMED_JSON);
    }

    private static String document(int i, Instant start, long recordsPerSecond) {
        Instant at = start.plusMillis(i * 1000L / recordsPerSecond);
        return "{\"metric\":\"" + METRICS[i % METRICS.length] + "\",\"value\":" + (i * 37) % 100 + "." + i % 10
                + ",\"timestamp\":\"" + at + "\"}";
    }
}
