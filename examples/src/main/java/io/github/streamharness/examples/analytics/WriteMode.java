package io.github.streamharness.examples.analytics;

/**
 * How the handler merges a batch's aggregates into DynamoDB. Kinesis delivery through Lambda is at least once
 * (rule 13.1): a retried or partially failed batch is delivered again, so the difference matters.
 */
public enum WriteMode {
    /**
     * One {@code UpdateItem} with {@code ADD #count :c, #sum :s} per (metric, minute). Cheap, and wrong under
     * redelivery: a record delivered twice is counted twice.
     */
    ADDITIVE,
    /**
     * A transaction per (metric, minute) that adds the counts and, in the same transaction, writes one marker item
     * per record keyed by (shardId, sequenceNumber) with {@code attribute_not_exists}. A redelivered record finds its
     * marker, the transaction is cancelled, and the handler retries without the records already applied.
     */
    IDEMPOTENT
}
