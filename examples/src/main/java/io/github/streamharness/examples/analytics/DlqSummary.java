package io.github.streamharness.examples.analytics;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DlqProcessor} found in one SQS batch of on-failure messages: the discarded Kinesis batches with their
 * records read back from the shard, and the messages it could not understand.
 *
 * @param batches  one entry per well-formed message, in message order
 * @param rejected one entry per malformed message
 */
public record DlqSummary(List<FailedBatch> batches, List<RejectedMessage> rejected) {

    /** Copies the lists. */
    public DlqSummary {
        batches = List.copyOf(batches);
        rejected = List.copyOf(rejected);
    }

    /** Every record read back, over all batches, in message order. */
    public List<ShardRecord> records() {
        return batches.stream().flatMap(b -> b.records().stream()).toList();
    }

    /** The records that are not metric documents: the poison pills that need a human. */
    public List<ShardRecord> malformedRecords() {
        return batches.stream().flatMap(b -> b.malformedRecords().stream()).toList();
    }

    /**
     * One discarded Kinesis batch.
     *
     * @param messageId        the SQS message that reported it
     * @param failure          the parsed on-failure record
     * @param records          the records read back from the shard range
     * @param malformedRecords those of {@code records} that do not parse as a metric
     */
    public record FailedBatch(String messageId, OnFailureRecord failure, List<ShardRecord> records,
                              List<ShardRecord> malformedRecords) {

        /** Validates and copies. */
        public FailedBatch {
            Objects.requireNonNull(failure, "failure");
            records = List.copyOf(records);
            malformedRecords = List.copyOf(malformedRecords);
        }

        /** How many of the batch's records could not be read back (expired from the stream's retention). */
        public int missingRecords() {
            return Math.max(0, failure.batchSize() - records.size());
        }
    }

    /**
     * An SQS message whose body is not an on-failure record.
     *
     * @param messageId the SQS message id
     * @param reason    what was wrong with it
     */
    public record RejectedMessage(String messageId, String reason) {
    }
}
