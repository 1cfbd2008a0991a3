package io.github.streamharness.spi;

import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A narrow service-provider interface for running a {@code StreamHarness} over a stream that lives elsewhere (a real
 * Kinesis API, in the {@code streamharness-live} module). It is not meant for tests: a test only chooses a backend.
 *
 * <p>The harness keeps its whole mapping engine (lanes, batching, retries, bisection, partial responses, record age,
 * destinations). A backend replaces three things: where {@code put} writes (the real stream), where the records the
 * mapping reads come from ({@link Mirror#append}: the records the real stream returned, with their real shard id,
 * sequence number and arrival time) and what drives the clock ({@link Mirror#advanceTo}: real time instead of
 * {@code runUntilIdle()}'s jump to the next event).
 */
public interface StreamBackend extends AutoCloseable {
    /**
     * Called once when the harness is built: creates or finds the stream and returns its real layout.
     *
     * @param streamName the name the harness was configured with
     * @param shardCount the shard count the harness was configured with
     */
    Layout open(String streamName, int shardCount);

    /** Called once after {@link #open}: how the backend feeds the harness. */
    void bind(Mirror mirror);

    /** Writes a record to the real stream; returns it with the shard id and sequence number the stream gave it. */
    StreamRecord put(String partitionKey, byte[] data, String explicitHashKey);

    /** Runs the mappings in real time until every lane is caught up (or a timeout says why not). */
    void runUntilIdle();

    /** Runs the mappings in real time for {@code duration} of harness time. */
    void advance(Duration duration);

    /** Releases the backend's resources (a stream it created, clients). */
    @Override
    void close();

    /** The stream as the backend found or created it. */
    record Layout(String streamName, String streamArn, Instant clockStart, List<ShardRange> shards) {
        /** Copies the shard list. */
        public Layout {
            shards = List.copyOf(shards);
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("stream " + streamName + " has no open shard");
            }
        }
    }

    /** One shard: its id and hash-key range (ListShards). */
    record ShardRange(String shardId, BigInteger startingHashKey, BigInteger endingHashKey) {
    }

    /** What the harness offers its backend. */
    interface Mirror {
        /**
         * Appends a record the real stream returned to the harness's copy of its shard, where every mapping sees it
         * as newly arrived. Records of one shard must come in sequence order.
         */
        StreamRecord append(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                            long arrivalEpochMillis);

        /** Runs every mapping event due until {@code instant} and moves the harness clock there. */
        void advanceTo(Instant instant);

        /** The harness clock. */
        Instant now();

        /** The harness's mappings, in creation order. */
        List<MappedFunction> mappings();

        /** Whether every mapping has finished every record it has seen (no record pending in any lane). */
        boolean caughtUp();
    }
}
