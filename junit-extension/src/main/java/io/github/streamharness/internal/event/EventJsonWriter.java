package io.github.streamharness.internal.event;

import io.github.streamharness.StreamRecord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes the Kinesis event JSON that Lambda passes to the function for a batch, byte for byte in AWS's field order and
 * without whitespace (rule 7.1, 7.2), and computes its exact size without writing it, for the 6 MB cut (rule 2.5, 0.7).
 *
 * <p>The size of a batch is {@link #envelopeSize()} plus {@link #recordSize} of each record plus
 * {@link #SEPARATOR_SIZE} for the comma before every record after the first.
 */
public final class EventJsonWriter {
    /** Bytes of the comma between two records of the {@code Records} array. */
    public static final int SEPARATOR_SIZE = 1;

    private static final byte[] OPEN = ascii("{\"Records\":[");
    private static final byte[] CLOSE = ascii("]}");
    private static final byte[] BEFORE_PARTITION_KEY = ascii("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"");
    private static final byte[] BEFORE_SEQUENCE_NUMBER = ascii("\",\"sequenceNumber\":\"");
    private static final byte[] BEFORE_DATA = ascii("\",\"data\":\"");
    private static final byte[] BEFORE_TIMESTAMP = ascii("\",\"approximateArrivalTimestamp\":");
    private static final byte[] BEFORE_EVENT_ID = ascii(
            "},\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",\"eventID\":\"");
    private static final byte[] BEFORE_ROLE = ascii(
            "\",\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":\"");
    private static final byte[] BEFORE_REGION = ascii("\",\"awsRegion\":\"");
    private static final byte[] BEFORE_SOURCE_ARN = ascii("\",\"eventSourceARN\":\"");
    private static final byte[] END_OF_RECORD = ascii("\"}");
    /** Every literal byte of one record; the eventID's ':' included. */
    private static final int RECORD_LITERALS = BEFORE_PARTITION_KEY.length + BEFORE_SEQUENCE_NUMBER.length
            + BEFORE_DATA.length + BEFORE_TIMESTAMP.length + BEFORE_EVENT_ID.length + 1 + BEFORE_ROLE.length
            + BEFORE_REGION.length + BEFORE_SOURCE_ARN.length + END_OF_RECORD.length;

    private EventJsonWriter() {
    }

    /** The event JSON for a batch, as UTF-8 bytes. */
    public static byte[] write(List<StreamRecord> records, EventMetadata metadata) {
        long size = eventSize(records, metadata);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("event of " + size + " bytes is too large for one byte array");
        }
        byte[] out = new byte[(int) size];
        int pos = put(OPEN, out, 0);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out[pos++] = ',';
            }
            pos = writeRecord(records.get(i), metadata, out, pos);
        }
        pos = put(CLOSE, out, pos);
        if (pos != out.length) {
            throw new IllegalStateException("event size " + out.length + " but wrote " + pos + " bytes");
        }
        return out;
    }

    /** The exact byte length of {@link #write} for this batch, computed without serializing. */
    public static long eventSize(List<StreamRecord> records, EventMetadata metadata) {
        long size = envelopeSize();
        for (int i = 0; i < records.size(); i++) {
            size += recordSize(records.get(i), metadata) + (i > 0 ? SEPARATOR_SIZE : 0);
        }
        return size;
    }

    /** Bytes of the event around its records: {@code {"Records":[} and {@code ]}}. */
    public static int envelopeSize() {
        return OPEN.length + CLOSE.length;
    }

    /** Bytes of one record's object in the {@code Records} array, without a separating comma. */
    public static long recordSize(StreamRecord record, EventMetadata metadata) {
        String sequenceNumber = record.sequenceNumber();
        long sequenceNumberSize = JsonEscaping.escapedLength(sequenceNumber);
        return RECORD_LITERALS
                + JsonEscaping.escapedLength(record.partitionKey())
                + 2 * sequenceNumberSize // in sequenceNumber and in eventID
                + base64Length(record.dataSize())
                + EpochSeconds.length(record.approximateArrivalEpochMillis())
                + JsonEscaping.escapedLength(record.shardId())
                + JsonEscaping.escapedLength(metadata.invokeIdentityArn())
                + JsonEscaping.escapedLength(metadata.awsRegion())
                + JsonEscaping.escapedLength(metadata.eventSourceArn());
    }

    /**
     * An upper bound of {@link #recordSize} for any record of a shard whose partition keys have at most
     * {@code maxPartitionKeyChars} characters and whose data has at most {@code maxDataBytes} bytes: lets a batch cut
     * skip the exact per-record sizes when even the bound fits in 6 MB (rule 2.5).
     */
    public static long recordSizeBound(int maxPartitionKeyChars, int maxDataBytes, String sequenceNumberSample,
                                       String shardId, EventMetadata metadata) {
        return RECORD_LITERALS
                + 6L * maxPartitionKeyChars // no character escapes to more than 6 bytes
                + 2 * JsonEscaping.escapedLength(sequenceNumberSample) // a shard's numbers all have one length
                + base64Length(maxDataBytes)
                + EpochSeconds.length(Long.MIN_VALUE)
                + JsonEscaping.escapedLength(shardId)
                + JsonEscaping.escapedLength(metadata.invokeIdentityArn())
                + JsonEscaping.escapedLength(metadata.awsRegion())
                + JsonEscaping.escapedLength(metadata.eventSourceArn());
    }

    /** Length of padded base64 for {@code n} bytes: 4 * ceil(n / 3). */
    static long base64Length(long n) {
        return 4 * ((n + 2) / 3);
    }

    private static int writeRecord(StreamRecord record, EventMetadata metadata, byte[] out, int pos) {
        pos = put(BEFORE_PARTITION_KEY, out, pos);
        pos = JsonEscaping.write(record.partitionKey(), out, pos);
        pos = put(BEFORE_SEQUENCE_NUMBER, out, pos);
        pos = JsonEscaping.write(record.sequenceNumber(), out, pos);
        pos = put(BEFORE_DATA, out, pos);
        pos = put(Base64.getEncoder().encode(record.dataBytes()), out, pos);
        pos = put(BEFORE_TIMESTAMP, out, pos);
        pos = EpochSeconds.write(record.approximateArrivalEpochMillis(), out, pos);
        pos = put(BEFORE_EVENT_ID, out, pos);
        pos = JsonEscaping.write(record.shardId(), out, pos);
        out[pos++] = ':';
        pos = JsonEscaping.write(record.sequenceNumber(), out, pos);
        pos = put(BEFORE_ROLE, out, pos);
        pos = JsonEscaping.write(metadata.invokeIdentityArn(), out, pos);
        pos = put(BEFORE_REGION, out, pos);
        pos = JsonEscaping.write(metadata.awsRegion(), out, pos);
        pos = put(BEFORE_SOURCE_ARN, out, pos);
        pos = JsonEscaping.write(metadata.eventSourceArn(), out, pos);
        return put(END_OF_RECORD, out, pos);
    }

    private static int put(byte[] bytes, byte[] out, int pos) {
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        return pos + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
