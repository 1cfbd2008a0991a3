package io.github.streamharness.traffic;

import io.github.streamharness.StreamHarness;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where producers and replays put records: the stream, seen through the three operations they need. The harness is
 * adapted to it by {@code RecordSink.of(StreamHarness)}; tests can implement it with a list and a fake clock.
 */
public interface RecordSink {

    /** Puts one record into the stream at the current virtual time. */
    void put(RecordSpec record);

    /**
     * Puts the records, in order, at the current virtual time, as one producer call (a Kinesis PutRecords request);
     * by default one {@link #put} after the other. The harness's sink writes them under one lock, and refuses the
     * whole call, writing none, when one record is invalid.
     */
    default void putAll(List<RecordSpec> records) {
        for (RecordSpec r : records) {
            put(r);
        }
    }

    /** The current virtual time. */
    Instant now();

    /** Runs {@code action} on the sink's scheduler when virtual time reaches {@code at}. */
    void schedule(Instant at, Runnable action);

    /** The harness as a sink: puts go to {@link StreamHarness#put(String, byte[], String)}, time is its clock. */
    static RecordSink of(StreamHarness harness) {
        Objects.requireNonNull(harness, "harness");
        return new RecordSink() {
            @Override
            public void put(RecordSpec record) {
                harness.put(record.partitionKey(), record.data(), record.explicitHashKey());
            }

            @Override
            public void putAll(List<RecordSpec> records) {
                harness.putAll(records);
            }

            @Override
            public Instant now() {
                return harness.clock().now();
            }

            @Override
            public void schedule(Instant at, Runnable action) {
                harness.schedule(at, action);
            }

            @Override
            public String toString() {
                return "RecordSink(" + harness.streamName() + ")";
            }
        };
    }
}
