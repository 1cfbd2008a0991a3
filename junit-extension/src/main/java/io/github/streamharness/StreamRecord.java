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
 * shards (rule 12.2). The data is never exposed as a shared mutable buffer: {@link #data()} returns a fresh read-only
 * view each time.
 */
public final class StreamRecord {
    private static final long[] POWERS_OF_TEN = powersOfTen();
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
    }

    private final String shardId;
    private final String sequenceNumber;     // null in the compact form: prefix + zero-padded counter
    private final String sequencePrefix;
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
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.sequenceNumber = Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        this.sequencePrefix = null;
        this.sequenceCounter = 0;
        this.counterDigits = 0;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data").clone();
        this.dataOffset = 0;
        this.dataLength = this.data.length;
        this.arrivalMillis = arrivalMillis;
    }

    /**
     * A record whose sequence number is {@code sequencePrefix} followed by {@code sequenceCounter} zero-padded to
     * {@code counterDigits} digits. The engine stores records this way and builds the number when it is read, which
     * keeps long simulations small; the record equals the same record built with its full sequence number.
     */
    public StreamRecord(String shardId, String sequencePrefix, long sequenceCounter, int counterDigits,
                        String partitionKey, byte[] data, long arrivalMillis) {
        if (sequenceCounter < 0 || counterDigits < 1 || counterDigits > 18
                || sequenceCounter >= POWERS_OF_TEN[counterDigits]) {
            throw new IllegalArgumentException("counter " + sequenceCounter + " does not fit in " + counterDigits
                    + " digits");
        }
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.sequenceNumber = null;
        this.sequencePrefix = Objects.requireNonNull(sequencePrefix, "sequencePrefix");
        this.sequenceCounter = sequenceCounter;
        this.counterDigits = counterDigits;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = Objects.requireNonNull(data, "data").clone();
        this.dataOffset = 0;
        this.dataLength = this.data.length;
        this.arrivalMillis = arrivalMillis;
    }

    /**
     * The engine's form of {@link #StreamRecord(String, String, long, int, String, byte[], long)}: the data is the
     * {@code length} bytes of {@code block} from {@code offset}, which are <b>not copied</b>. The engine stores the
     * records of a shard in append-only blocks this way, so that a long run keeps one object per record instead of
     * two; whoever calls this must never change those bytes afterwards.
     */
    public StreamRecord(String shardId, String sequencePrefix, long sequenceCounter, int counterDigits,
                        String partitionKey, byte[] block, int offset, int length, long arrivalMillis) {
        if (sequenceCounter < 0 || counterDigits < 1 || counterDigits > 18
                || sequenceCounter >= POWERS_OF_TEN[counterDigits]) {
            throw new IllegalArgumentException("counter " + sequenceCounter + " does not fit in " + counterDigits
                    + " digits");
        }
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(block, "block").length);
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.sequenceNumber = null;
        this.sequencePrefix = Objects.requireNonNull(sequencePrefix, "sequencePrefix");
        this.sequenceCounter = sequenceCounter;
        this.counterDigits = counterDigits;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.data = block;
        this.dataOffset = offset;
        this.dataLength = length;
        this.arrivalMillis = arrivalMillis;
    }

    /** The shard that holds the record, e.g. {@code shardId-000000000000}. */
    public String shardId() {
        return shardId;
    }

    /** The record's sequence number: a decimal string, strictly increasing within its shard (section 12). */
    public String sequenceNumber() {
        if (sequenceNumber != null) {
            return sequenceNumber;
        }
        return formatSequenceNumber();
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the prefix's Latin-1 bytes, one copy
    private String formatSequenceNumber() {
        int prefixLength = sequencePrefix.length();
        byte[] digits = new byte[prefixLength + counterDigits];
        sequencePrefix.getBytes(0, prefixLength, digits, 0); // the prefix is ASCII digits
        long v = sequenceCounter;
        int p = digits.length - 1;
        for (; v != 0; p--) { // the counter's digits from the right, then zeros: no division for the padding
            digits[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (; p >= prefixLength; p--) {
            digits[p] = '0';
        }
        return new String(digits, StandardCharsets.ISO_8859_1);
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
        if (sequenceNumber == null && other.sequenceNumber == null && sequencePrefix.equals(other.sequencePrefix)
                && counterDigits == other.counterDigits) {
            return sequenceCounter == other.sequenceCounter;
        }
        return sequenceNumber().equals(other.sequenceNumber());
    }

    @Override
    public int hashCode() {
        return 31 * shardId.hashCode() + sequenceHash();
    }

    private static long[] powersOfTen() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    /** {@code sequenceNumber().hashCode()}, without building the string in the compact form. */
    private int sequenceHash() {
        if (sequenceNumber != null) {
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
