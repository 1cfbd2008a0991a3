package io.github.streamharness.examples.incident;

import io.github.streamharness.traffic.Defect;
import io.github.streamharness.traffic.KinesisRecords;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The analytics stream's traffic, generated from a seed: metric documents as the hosts write them, e.g.
 * {@code {"metric":"cpu","value":42.7,"timestamp":"2026-01-01T00:00:00.100Z"}}, partitioned by host.
 * Record {@code i} carries the timestamp at which a producer writing {@code recordsPerSecond} from {@code start}
 * writes it, so the aggregates land in the minute the record arrives in.
 */
public final class MetricTraffic {
    /** The metrics the hosts report, in the order record {@code i} takes them ({@code i % 4}); unmodifiable. */
    public static final List<String> METRICS = List.of("cpu", "mem", "disk", "net");
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
        long at = start.toEpochMilli() + i * 1000L / recordsPerSecond;
        StringBuilder doc = new StringBuilder(72).append("{\"metric\":\"").append(METRICS.get(i % METRICS.size()))
                .append("\",\"value\":").append((i * 37) % 100).append('.').append(i % 10).append(",\"timestamp\":\"");
        return appendInstant(doc, at).append("\"}").toString();
    }

    /**
     * Appends {@code Instant.ofEpochMilli(epochMilli).toString()} for the years 0 to 9999 without a formatter (the
     * demo writes 10,000 of these a second): {@code 2026-11-23T09:00:00Z}, or with {@code .100} when the millisecond
     * is not 0.
     */
    static StringBuilder appendInstant(StringBuilder out, long epochMilli) {
        long seconds = Math.floorDiv(epochMilli, 1000L);
        int millis = (int) Math.floorMod(epochMilli, 1000L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return out.append(Instant.ofEpochMilli(epochMilli));
        }
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2).append('T');
        pad(out, secondOfDay / 3600, 2).append(':');
        pad(out, secondOfDay / 60 % 60, 2).append(':');
        pad(out, secondOfDay % 60, 2);
        if (millis != 0) {
            pad(out.append('.'), millis, 3);
        }
        return out.append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        int scale = 1;
        for (int p = 1; p < width; p++) {
            scale *= 10; // 10^(width - 1) by multiplication: Math.pow per call was a hot spot of the demo's traffic
        }
        for (; scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
        return out;
    }
}
