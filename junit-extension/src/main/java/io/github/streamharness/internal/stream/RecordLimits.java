package io.github.streamharness.internal.stream;

import static io.github.streamharness.internal.stream.StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB;
import static io.github.streamharness.internal.stream.StreamLog.LARGEST_MAX_RECORD_SIZE_KIB;

/**
 * What Kinesis PutRecord refuses before it writes anything (rule 19.1): a partition key of 0 or over 256 characters
 * (code points), null data, and a record (data plus the key's UTF-8 bytes) over the stream's maximum record size.
 */
final class RecordLimits {
    private static final int MAX_PARTITION_KEY_CHARACTERS = 256;

    private volatile int maxRecordSizeKiB = DEFAULT_MAX_RECORD_SIZE_KIB;

    void maxRecordSizeInKiB(int kib) {
        if (kib < DEFAULT_MAX_RECORD_SIZE_KIB || kib > LARGEST_MAX_RECORD_SIZE_KIB) {
            throw new IllegalArgumentException("MaxRecordSizeInKiB must be 1024..10240, got " + kib);
        }
        this.maxRecordSizeKiB = kib;
    }

    int maxRecordSizeBytes() {
        return maxRecordSizeKiB * 1_024;
    }

    /** Throws the error Kinesis gives when this put is refused; returns when it is accepted. */
    void check(String partitionKey, byte[] data) {
        int keyCharacters = partitionKey == null ? 0 : partitionKey.length() <= MAX_PARTITION_KEY_CHARACTERS
                ? partitionKey.length() : partitionKey.codePointCount(0, partitionKey.length()); // rule 19.1
        if (partitionKey == null || keyCharacters == 0 || keyCharacters > MAX_PARTITION_KEY_CHARACTERS) {
            throw new IllegalArgumentException("PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got "
                    + (partitionKey == null ? "null" : keyCharacters + " characters"));
        }
        if (data == null) {
            throw new IllegalArgumentException("Data must not be null; use an empty array for an empty record");
        }
        checkRecordSize(partitionKey, data.length);
    }

    /** {@link #check} for records {@code 0..n-1} of one call: the first refused one fails the whole call. */
    void checkAll(String[] partitionKeys, byte[][] data, int n) {
        for (int i = 0; i < n; i++) {
            try {
                check(partitionKeys[i], data[i]);
            } catch (IllegalArgumentException e) {
                throw refused(i, n, e);
            }
        }
    }

    /** The error for a call of {@code n} records whose {@code i}-th was refused with {@code e}. */
    static IllegalArgumentException refused(int i, int n, IllegalArgumentException e) {
        return new IllegalArgumentException("record " + i + " (0-based) of the " + n + " put together was refused, "
                + "so none of them was written: " + e.getMessage(), e);
    }

    /** Rule 19.1: data plus the partition key's UTF-8 bytes fit the stream's maximum record size. */
    private void checkRecordSize(String partitionKey, int dataBytes) {
        int kib = maxRecordSizeKiB;
        int max = kib * 1_024;
        if (dataBytes + 3L * partitionKey.length() <= max) {
            return; // no UTF-16 char takes more than 3 UTF-8 bytes: the usual put needs no exact count
        }
        long keyBytes = utf8Length(partitionKey);
        long size = dataBytes + keyBytes;
        if (size > max) {
            throw new IllegalArgumentException("InvalidArgumentException: the record is " + size + " bytes (data "
                    + dataBytes + " + partition key " + keyBytes + "), over the stream's maximum record size of "
                    + max + " bytes (MaxRecordSizeInKiB " + kib + "); nothing was written (rule 19.1: "
                    + "data plus partition key count; raise the limit, up to " + LARGEST_MAX_RECORD_SIZE_KIB
                    + " KiB, with StreamHarness.builder().maxRecordSizeInKiB(..))");
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2; // a pair is 4 bytes; a lone surrogate is encoded as '?' (1 byte), close enough
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
