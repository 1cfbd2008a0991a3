package io.github.streamharness.internal.backend;

import io.github.streamharness.MappedFunction;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.assembly.HarnessSettings;
import io.github.streamharness.internal.stream.ExternalStream;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.spi.StreamBackend;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The harness side of a {@link StreamBackend}: records the real stream returned go into the harness's stream log
 * (where every mapping sees them), and the backend moves the harness clock.
 */
public final class BackendMirror implements StreamBackend.Mirror {
    private final ExternalStream stream;
    private final Scheduler scheduler;
    private final Supplier<List<MappedFunction>> mappings;

    /** A mirror into {@code stream}, clocked by {@code scheduler}. */
    public BackendMirror(ExternalStream stream, Scheduler scheduler, Supplier<List<MappedFunction>> mappings) {
        this.stream = stream;
        this.scheduler = scheduler;
        this.mappings = mappings;
    }

    /** The stream log of a backend's layout (shard ids and ranges as the real stream has them). */
    public static ExternalStream streamOf(StreamBackend.Layout layout, long retentionMillis) {
        List<ExternalStream.Shard> shards = layout.shards().stream()
                .map(s -> new ExternalStream.Shard(s.shardId(), s.startingHashKey(), s.endingHashKey()))
                .toList();
        return new ExternalStream(layout.streamName(), layout.streamArn(), shards, retentionMillis);
    }

    /** The harness settings for the backend's stream: name, region and account from its ARN, its shards, its clock. */
    public static HarnessSettings settingsOf(HarnessSettings given, StreamBackend.Layout layout) {
        String[] arn = layout.streamArn().split(":", -1); // arn:aws:kinesis:<region>:<account>:stream/<name>
        if (arn.length < 6 || !arn[5].startsWith("stream/")) {
            throw new IllegalArgumentException("not a Kinesis stream ARN: " + layout.streamArn());
        }
        return given.forStream(layout.streamName(), arn[3], arn[4], layout.shards().size(), layout.clockStart());
    }

    @Override
    public StreamRecord append(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                               long arrivalEpochMillis) {
        return stream.append(shardId, sequenceNumber, partitionKey, data, arrivalEpochMillis);
    }

    @Override
    public void advanceTo(Instant instant) {
        long target = Scheduler.toNanos(instant);
        long now = scheduler.nowNanos();
        if (target > now) {
            scheduler.advance(target - now);
        }
    }

    @Override
    public Instant now() {
        return Scheduler.toInstant(scheduler.nowNanos());
    }

    @Override
    public List<MappedFunction> mappings() {
        return mappings.get();
    }

    @Override
    public boolean caughtUp() {
        for (MappedFunction m : mappings.get()) {
            if (m.ledger().count(RecordState.PENDING) > 0) {
                return false;
            }
        }
        return true;
    }
}
