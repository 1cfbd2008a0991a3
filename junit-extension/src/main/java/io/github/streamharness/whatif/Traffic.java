package io.github.streamharness.whatif;

import io.github.streamharness.StreamHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The traffic a what-if replays under every configuration: the stream (name, shard count), how much virtual time to
 * run, the harness seed, and a producer that puts or schedules the records on a fresh harness (for example a
 * {@link io.github.streamharness.traffic.RateProducer} started on it). The producer must depend only on the harness
 * it is given (its clock, its seed), never on shared mutable state, so every configuration sees the same records at
 * the same virtual times and a run replays exactly.
 *
 * @param streamName the stream's name
 * @param shards     the stream's shard count, 1..10,000
 * @param duration   the virtual time each configuration runs for (the figures are read at its end)
 * @param seed       the harness seed (request ids, jitter), the same for every configuration
 * @param startTime  where the virtual clock starts
 * @param producer   called once per configuration, before the clock moves, on the configuration's harness
 */
public record Traffic(String streamName, int shards, Duration duration, long seed, Instant startTime,
                      Consumer<StreamHarness> producer) {

    /** The harness's defaults: stream {@code test-stream}, seed 20260101, clock from 2026-01-01T00:00:00Z. */
    public static Traffic of(int shards, Duration duration, Consumer<StreamHarness> producer) {
        return new Traffic("test-stream", shards, duration, 20_260_101L, Instant.parse("2026-01-01T00:00:00Z"),
                producer);
    }

    /** Checks the values. */
    public Traffic {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(producer, "producer");
        if (shards < 1 || shards > 10_000) {
            throw new IllegalArgumentException("the traffic's stream needs 1..10000 shards, got " + shards);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the traffic's duration must be positive (the virtual time each "
                    + "configuration runs for), got " + duration);
        }
    }

    /** The same traffic on a stream named {@code name}. */
    public Traffic streamName(String name) {
        return new Traffic(name, shards, duration, seed, startTime, producer);
    }

    /** The same traffic with another harness seed. */
    public Traffic seed(long newSeed) {
        return new Traffic(streamName, shards, duration, newSeed, startTime, producer);
    }
}
