package io.github.streamharness.traffic;

import io.github.streamharness.StreamHarness;
import java.time.Instant;
import java.util.Objects;

/**
 * Where producers and replays put records: the stream, seen through the three operations they need. The harness is
 * adapted to it by {@code RecordSink.of(StreamHarness)}; tests can implement it with a list and a fake clock.
 */
public interface RecordSink {

    /** Puts one record into the stream at the current virtual time. */
    void put(RecordSpec record);

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
