package io.github.streamharness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record in a shard of the in-process stream, as Kinesis stores it: shard, sequence number, partition key, data
 * and approximate arrival time (millisecond precision, from the virtual clock).
 *
 * <p>Identity is (shardId, sequenceNumber), exactly as on Kinesis, where the same sequence number may appear in two
 * shards (spec 12.2). The data is never exposed as a shared mutable buffer: {@link #data()} returns a fresh read-only
 * view each time.
 */
public final class StreamRecord {
    private final String shardId;
    private final String sequenceNumber;
    private final String partitionKey;
    private final byte[] data;
    private final long arrivalMillis;

    /**
     * Creates a record value. The harness creates these on {@code put}; tests may create them to describe expected
     * records (identity is shard and sequence number only).
     */
    public StreamRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                        Instant approximateArrivalTimestamp) {
        this(shardId, sequenceNumber, partitionKey, data, approximateArrivalTimestamp.toEpochMilli());
    }

    /** As {@link #StreamRecord(String, String, String, byte[], Instant)}, with the arrival time in epoch millis. */
    public StreamRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data, long arrivalMillis) {
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.sequenceNumber = Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data").clone();
        this.arrivalMillis = arrivalMillis;
    }

    /** The shard that holds the record, e.g. {@code shardId-000000000000}. */
    public String shardId() {
        return shardId;
    }

    /** The record's sequence number: a decimal string, strictly increasing within its shard (spec 12). */
    public String sequenceNumber() {
        return sequenceNumber;
    }

    /** The partition key the producer gave. */
    public String partitionKey() {
        return partitionKey;
    }

    /** A fresh read-only view of the record's bytes; reading it does not consume the record. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the record's bytes. */
    public byte[] dataBytes() {
        return data.clone();
    }

    /** The record's bytes decoded as UTF-8 (malformed input is replaced, never thrown). */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Size of the data in bytes. */
    public int dataSize() {
        return data.length;
    }

    /** When Kinesis accepted the record, on the virtual clock, in milliseconds. */
    public Instant approximateArrivalTimestamp() {
        return Instant.ofEpochMilli(arrivalMillis);
    }

    /** The arrival time in epoch milliseconds. */
    public long approximateArrivalEpochMillis() {
        return arrivalMillis;
    }

    /** The Lambda event's {@code eventID} for this record: {@code <shardId>:<sequenceNumber>} (spec 7.2). */
    public String eventId() {
        return shardId + ":" + sequenceNumber;
    }

    /** Records are equal when shard and sequence number are (spec 12.2); data and key do not take part. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StreamRecord other
                && sequenceNumber.equals(other.sequenceNumber)
                && shardId.equals(other.shardId);
    }

    @Override
    public int hashCode() {
        return 31 * shardId.hashCode() + sequenceNumber.hashCode();
    }

    @Override
    public String toString() {
        return shardId + "/" + sequenceNumber + " pk=" + partitionKey + " data=" + preview();
    }

    private String preview() {
        String text = dataAsString();
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\t');
        if (!printable) {
            return "<" + data.length + " bytes " + hexPreview() + ">";
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private String hexPreview() {
        StringBuilder sb = new StringBuilder();
        for (byte b : Arrays.copyOf(data, Math.min(8, data.length))) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return data.length > 8 ? sb + "..." : sb.toString();
    }
}
