package io.github.streamharness;

import io.github.streamharness.internal.observe.SequenceRanges;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message the mapping sent to its on-failure destination (section 6): the metadata of a discarded batch or
 * remainder, with the records it covers resolved from the shard.
 *
 * @param condition              RetryAttemptsExhausted or RecordAgeExceeded
 * @param approximateInvokeCount invocations of that exact batch (rule 0.1), at least 1 (rule 6.2)
 * @param functionError          {@code "Unhandled"}, or null after a batch failure response; null for
 *                               RecordAgeExceeded, which has no responseContext (rule 6.2)
 * @param shardId                the shard
 * @param startSequenceNumber    first record's sequence number
 * @param endSequenceNumber      last record's sequence number
 * @param batchSize              number of records discarded
 * @param records                the discarded records, in order (SQS and SNS messages do not carry them: rule 6.3)
 * @param timestamp              when the message was sent, on the virtual clock
 * @param destinationArn         the destination's ARN
 * @param destinationType        SQS, SNS or S3
 * @param json                   the exact message body (the S3 object's content for S3)
 * @param s3ObjectKey            the S3 object key (rule 6.4), for S3 destinations
 */
public record DeadLetter(OnFailureCondition condition, int approximateInvokeCount, String functionError,
                         String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize,
                         List<StreamRecord> records, Instant timestamp, String destinationArn,
                         DestinationType destinationType, String json, Optional<String> s3ObjectKey) {
    /** Creates a message with an immutable copy of its records. */
    public DeadLetter {
        records = List.copyOf(records);
    }

    /** Whether the message covers {@code record} (by shard and sequence number). */
    public boolean covers(StreamRecord record) {
        return records.contains(record);
    }

    /** The records covered, as timelines print them: {@code [...000000.....000009] (10 records)}. */
    public String recordRange() {
        return SequenceRanges.describe(records);
    }
}
