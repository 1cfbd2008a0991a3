package io.github.streamharness.internal.observe;

import io.github.streamharness.StreamRecord;

import java.util.List;

/**
 * Short forms of sequence numbers for timelines and messages: the last 6 digits after "...", which tell records of
 * one shard apart (the full numbers stay on the records themselves).
 */
public final class SequenceRanges {
    private SequenceRanges() {
    }

    /** {@code ...000123} for a long sequence number; short ones unchanged. */
    public static String abbreviate(String sequenceNumber) {
        return sequenceNumber.length() > 12
                ? "..." + sequenceNumber.substring(sequenceNumber.length() - 6)
                : sequenceNumber;
    }

    /** {@code [...000000.....000009] (10 records)}, {@code [...000006] (1 record)} or {@code []}. */
    public static String describe(List<StreamRecord> records) {
        if (records.isEmpty()) {
            return "[]";
        }
        String first = abbreviate(records.get(0).sequenceNumber());
        if (records.size() == 1) {
            return "[" + first + "] (1 record)";
        }
        return "[" + first + ".." + abbreviate(records.get(records.size() - 1).sequenceNumber()) + "] ("
                + records.size() + " records)";
    }
}
