package io.github.streamharness;

import io.github.streamharness.internal.stream.RecordAccess;
import io.github.streamharness.internal.stream.SequenceNumbers;

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
 * shards (rule 12.2). The data is never exposed as a shared mutable buffer: {@link #data()} returns a fresh read-only
 * view each time.
 */
public final class StreamRecord {
    /** 31^k in int arithmetic (as String.hashCode computes), k = 0..18. */
    private static final int[] POWERS_OF_31 = new int[19];
    /** ZEROS_HASH[k]: the hash contribution of '0' at each of the last k positions, sum of '0' * 31^j for j < k. */
    private static final int[] ZEROS_HASH = new int[19];

    static {
        POWERS_OF_31[0] = 1;
        for (int k = 1; k < POWERS_OF_31.length; k++) {
            POWERS_OF_31[k] = POWERS_OF_31[k - 1] * 31;
            ZEROS_HASH[k] = ZEROS_HASH[k - 1] + '0' * POWERS_OF_31[k - 1];
        }
        RecordAccess.install(new EngineFactory()); // the block-sharing form, for the engine's shard store only
    }

    private final String shardId;
    /** The full sequence number; in the compact form null until first read, then kept (built once per record). */
    private String sequenceNumber;
    private final String sequencePrefix;   // null in the full form
    private final long sequenceCounter;
    private final int counterDigits;
    private final String partitionKey;
    private final byte[] data;             // the record's bytes are data[dataOffset, dataOffset + dataLength)
    private final int dataOffset;
    private final int dataLength;
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
        this(shardId, Objects.requireNonNull(sequenceNumber, "sequenceNumber"), null, 0, 0, partitionKey,
                Objects.requireNonNull(data, "data").clone(), 0, data.length, arrivalMillis);
    }

    /**
     * A record whose sequence number is {@code sequencePrefix} followed by {@code sequenceCounter} zero-padded to
     * {@code counterDigits} digits (1..18); it equals the same record built with its full sequence number. The data
     * is copied.
     */
    public StreamRecord(String shardId, String sequencePrefix, long sequenceCounter, int counterDigits,
                        String partitionKey, byte[] data, long arrivalMillis) {
        this(shardId, null, checkedPrefix(sequencePrefix, sequenceCounter, counterDigits), sequenceCounter,
                counterDigits, partitionKey, Objects.requireNonNull(data, "data").clone(), 0, data.length,
                arrivalMillis);
    }

    /** Every form: exactly one of {@code sequenceNumber} and {@code sequencePrefix} is given; data is not copied. */
    private StreamRecord(String shardId, String sequenceNumber, String sequencePrefix, long sequenceCounter,
                         int counterDigits, String partitionKey, byte[] data, int offset, int length,
                         long arrivalMillis) {
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.sequenceNumber = sequenceNumber;
        this.sequencePrefix = sequencePrefix;
        this.sequenceCounter = sequenceCounter;
        this.counterDigits = counterDigits;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = data;
        this.dataOffset = offset;
        this.dataLength = length;
        this.arrivalMillis = arrivalMillis;
    }

    private static String checkedPrefix(String sequencePrefix, long sequenceCounter, int counterDigits) {
        if (!SequenceNumbers.fits(sequenceCounter, counterDigits)) {
            throw new IllegalArgumentException("counter " + sequenceCounter + " does not fit in " + counterDigits
                    + " digits");
        }
        return Objects.requireNonNull(sequencePrefix, "sequencePrefix");
    }

    /**
     * The engine's forms (through {@link RecordAccess}): the data is {@code length} bytes of a shard's append-only
     * block, <b>not copied</b>, so a record read from the store costs one object and no copy.
     */
    private static final class EngineFactory implements RecordAccess.Factory {
        @Override
        public StreamRecord numbered(String shardId, String sequencePrefix, long counter, int counterDigits,
                                     String partitionKey, byte[] block, int offset, int length, long arrivalMillis) {
            return new StreamRecord(shardId, null, sequencePrefix, counter, counterDigits, partitionKey, block,
                    offset, length, arrivalMillis);
        }

        @Override
        public StreamRecord given(String shardId, String sequenceNumber, String partitionKey, byte[] block,
                                  int offset, int length, long arrivalMillis) {
            return new StreamRecord(shardId, Objects.requireNonNull(sequenceNumber, "sequenceNumber"), null, 0, 0,
                    partitionKey, block, offset, length, arrivalMillis);
        }
    }

    /** The shard that holds the record, e.g. {@code shardId-000000000000}. */
    public String shardId() {
        return shardId;
    }

    /** The record's sequence number: a decimal string, strictly increasing within its shard (section 12). */
    public String sequenceNumber() {
        String number = sequenceNumber;
        if (number == null) {
            // built once, on first read (a benign race: every thread builds the same immutable string)
            number = SequenceNumbers.format(sequencePrefix, sequenceCounter, counterDigits);
            sequenceNumber = number;
        }
        return number;
    }

    /** The partition key the producer gave. */
    public String partitionKey() {
        return partitionKey;
    }

    /** A fresh read-only view of the record's bytes; reading it does not consume the record. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data, dataOffset, dataLength).slice().asReadOnlyBuffer();
    }

    /** A copy of the record's bytes. */
    public byte[] dataBytes() {
        return Arrays.copyOfRange(data, dataOffset, dataOffset + dataLength);
    }

    /** The record's bytes decoded as UTF-8 (malformed input is replaced, never thrown). */
    public String dataAsString() {
        return new String(data, dataOffset, dataLength, StandardCharsets.UTF_8);
    }

    /** Size of the data in bytes. */
    public int dataSize() {
        return dataLength;
    }

    /** When Kinesis accepted the record, on the virtual clock, in milliseconds. */
    public Instant approximateArrivalTimestamp() {
        return Instant.ofEpochMilli(arrivalMillis);
    }

    /** The arrival time in epoch milliseconds. */
    public long approximateArrivalEpochMillis() {
        return arrivalMillis;
    }

    /** The Lambda event's {@code eventID} for this record: {@code <shardId>:<sequenceNumber>} (rule 7.2). */
    public String eventId() {
        return shardId + ":" + sequenceNumber();
    }

    /** Records are equal when shard and sequence number are (rule 12.2); data and key do not take part. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StreamRecord other) || !shardId.equals(other.shardId)) {
            return false;
        }
        if (sequencePrefix != null && other.sequencePrefix != null && counterDigits == other.counterDigits
                && sequencePrefix.equals(other.sequencePrefix)) {
            return sequenceCounter == other.sequenceCounter;
        }
        return sequenceNumber().equals(other.sequenceNumber());
    }

    @Override
    public int hashCode() {
        return 31 * shardId.hashCode() + sequenceHash();
    }

    /** {@code sequenceNumber().hashCode()}, without building the string in the compact form. */
    private int sequenceHash() {
        if (sequencePrefix == null) {
            return sequenceNumber.hashCode();
        }
        // String.hashCode of prefix + digits is prefix.hashCode() * 31^digits + the digits' own hash, each digit
        // weighted by 31^(its distance from the end): summed from the right, one division per non-zero-padded digit
        int h = 0;
        int position = 0;
        for (long v = sequenceCounter; v != 0; v /= 10) {
            h += (int) ('0' + v % 10) * POWERS_OF_31[position++];
        }
        h += ZEROS_HASH[counterDigits] - ZEROS_HASH[position]; // the padding zeros
        return sequencePrefix.hashCode() * POWERS_OF_31[counterDigits] + h;
    }

    @Override
    public String toString() {
        return shardId + "/" + sequenceNumber() + " pk=" + partitionKey + " data=" + preview();
    }

    private String preview() {
        String text = dataAsString();
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\t');
        if (!printable) {
            return "<" + dataLength + " bytes " + hexPreview() + ">";
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private String hexPreview() {
        StringBuilder sb = new StringBuilder();
        for (byte b : Arrays.copyOfRange(data, dataOffset, dataOffset + Math.min(8, dataLength))) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return dataLength > 8 ? sb + "..." : sb.toString();
    }
}
