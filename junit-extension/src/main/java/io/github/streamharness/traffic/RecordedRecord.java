package io.github.streamharness.traffic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One record loaded from a recorded-events file: partition key and data, plus what the file knew of its original
 * life in a stream (sequence number, shard, arrival time) and the line it came from.
 */
public final class RecordedRecord {
    private final String partitionKey;
    private final byte[] data;
    private final String sequenceNumber;
    private final String shardId;
    private final Instant approximateArrivalTimestamp;
    private final int line;

    /** A recorded record; the optional parts may be {@code null} when the file did not have them. */
    public RecordedRecord(String partitionKey, byte[] data, String sequenceNumber, String shardId,
                          Instant approximateArrivalTimestamp, int line) {
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data").clone();
        this.sequenceNumber = sequenceNumber;
        this.shardId = shardId;
        this.approximateArrivalTimestamp = approximateArrivalTimestamp;
        this.line = line;
    }

    /** The partition key. */
    public String partitionKey() {
        return partitionKey;
    }

    /** A copy of the record's bytes (base64-decoded). */
    public byte[] dataBytes() {
        return data.clone();
    }

    /** A fresh read-only view of the record's bytes. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** The data decoded as UTF-8 (malformed input is replaced, never thrown). */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The sequence number the record had in the recorded stream, if the file had it. */
    public Optional<String> sequenceNumber() {
        return Optional.ofNullable(sequenceNumber);
    }

    /** The shard the record was in, if known (from a Lambda event's {@code eventID} or a JSON Lines "shardId"). */
    public Optional<String> shardId() {
        return Optional.ofNullable(shardId);
    }

    /** When the recorded stream accepted the record, if the file had it. */
    public Optional<Instant> approximateArrivalTimestamp() {
        return Optional.ofNullable(approximateArrivalTimestamp);
    }

    /** The 1-based line of the file where the record starts. */
    public int line() {
        return line;
    }

    /** The record as something to put: same partition key and bytes, routed by the key. */
    public RecordSpec toSpec() {
        return new RecordSpec(partitionKey, data, null);
    }

    /** Equal when every part but the line is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRecord other
                && partitionKey.equals(other.partitionKey)
                && Arrays.equals(data, other.data)
                && Objects.equals(sequenceNumber, other.sequenceNumber)
                && Objects.equals(shardId, other.shardId)
                && Objects.equals(approximateArrivalTimestamp, other.approximateArrivalTimestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitionKey, Arrays.hashCode(data), sequenceNumber, shardId, approximateArrivalTimestamp);
    }

    @Override
    public String toString() {
        String text = dataAsString();
        return (shardId == null ? "?" : shardId) + "/" + (sequenceNumber == null ? "?" : sequenceNumber)
                + " pk=" + partitionKey + " data=" + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                + (approximateArrivalTimestamp == null ? "" : " arrived=" + approximateArrivalTimestamp);
    }
}
