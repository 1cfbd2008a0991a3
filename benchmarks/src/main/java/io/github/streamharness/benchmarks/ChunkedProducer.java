package io.github.streamharness.benchmarks;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.traffic.RecordSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces records as virtual time passes: every {@code chunk} of virtual time it puts the records due in that
 * chunk, then schedules the next chunk, so the scheduler never holds more than one producer event and records
 * arrive spread over the run as on a live stream. Every {@code poisonEvery}-th record is a poison pill.
 */
final class ChunkedProducer {
    /** The data of a poison pill: not JSON, the handler rejects it. */
    static final byte[] POISON = "!not json".getBytes(StandardCharsets.UTF_8);
    /** Records per put call: a producer batches as Kinesis PutRecords does, at most 500 records a request. */
    static final int PUT_RECORDS_LIMIT = 500;

    private final StreamHarness harness;
    private final Workload workload = new Workload();
    private final long recordsPerChunk;
    private final long chunkNanos;
    private final long chunks;
    private final long poisonEvery;
    /** One request's entries, reused from call to call (putAll keeps none of the list). */
    private final List<RecordSpec> call = new ArrayList<>(PUT_RECORDS_LIMIT);
    private Instant start;
    private long produced;
    private long poisons;

    ChunkedProducer(StreamHarness harness, long recordsPerSecond, Duration chunk, Duration total, long poisonEvery) {
        this.harness = harness;
        this.chunkNanos = chunk.toNanos();
        this.recordsPerChunk = recordsPerSecond * chunkNanos / 1_000_000_000L;
        this.chunks = total.toNanos() / chunkNanos;
        this.poisonEvery = poisonEvery;
    }

    /** Schedules the first chunk now. */
    void start() {
        start = harness.clock().now();
        harness.schedule(start, () -> chunk(0));
    }

    private void chunk(long k) {
        for (long i = 0; i < recordsPerChunk; i++) {
            long n = produced++;
            boolean poison = poisonEvery > 0 && n % poisonEvery == poisonEvery - 1;
            if (poison) {
                poisons++;
            }
            call.add(poison ? new RecordSpec(workload.key(n), POISON) : workload.spec(n));
            if (call.size() == PUT_RECORDS_LIMIT) {
                harness.putAll(call);
                call.clear();
            }
        }
        if (!call.isEmpty()) {
            harness.putAll(call);
            call.clear();
        }
        if (k + 1 < chunks) {
            harness.schedule(start.plusNanos((k + 1) * chunkNanos), () -> chunk(k + 1));
        }
    }

    long produced() {
        return produced;
    }

    long poisons() {
        return poisons;
    }
}
