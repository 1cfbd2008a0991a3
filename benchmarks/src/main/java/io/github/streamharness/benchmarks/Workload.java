package io.github.streamharness.benchmarks;

import io.github.streamharness.traffic.RecordSpec;

import java.nio.charset.StandardCharsets;

/**
 * The inputs every benchmark puts: a bounded set of partition keys (devices, as in the incident's analytics stream)
 * and small JSON payloads. Built once, before anything is measured, so both paths start from the same bytes.
 */
public final class Workload {
    /** Distinct partition keys, like the devices that report to the analytics stream. */
    public static final int KEYS = 1_000;

    private final String[] keys = new String[KEYS];
    private final byte[][] payloads = new byte[KEYS][];
    private final RecordSpec[] specs = new RecordSpec[KEYS];

    /** A workload of {@value #KEYS} keys, each with its own payload. */
    public Workload() {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "device-" + i;
            payloads[i] = ("{\"device\":" + i + ",\"metric\":\"cpu\",\"value\":" + (i % 100) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            specs[i] = new RecordSpec(keys[i], payloads[i]);
        }
    }

    /** The partition key of the {@code i}-th record. */
    public String key(long i) {
        return keys[(int) (i % KEYS)];
    }

    /**
     * The {@code i}-th record as a producer's request entry: made once per key and reused (a {@link RecordSpec} is
     * immutable), so a producer that puts with {@code putAll} pays no copy of its own per record.
     */
    public RecordSpec spec(long i) {
        return specs[(int) (i % KEYS)];
    }

    /** The data of the {@code i}-th record. */
    public byte[] data(long i) {
        return payloads[(int) (i % KEYS)];
    }
}
