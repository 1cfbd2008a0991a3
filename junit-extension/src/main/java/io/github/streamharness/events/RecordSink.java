package io.github.streamharness.events;

import java.time.Instant;

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
}
