package io.github.streamharness.examples.analytics;

import java.util.Objects;

/**
 * A record read back from a Kinesis shard, as GetRecords returns it: identity (shardId, sequenceNumber)
 * (rule 12.2), partition key and data.
 */
public record ShardRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data) {

    /** Validates the fields and copies the data. */
    public ShardRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(partitionKey, "partitionKey");
        data = Objects.requireNonNull(data, "data").clone();
    }

    /** A copy of the record's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Identity only: two reads of the same record are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ShardRecord that && shardId.equals(that.shardId)
                && sequenceNumber.equals(that.sequenceNumber);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(shardId, sequenceNumber);
    }

    /** {@code shardId/sequenceNumber pk=... bytes=N}. */
    @Override
    public String toString() {
        return shardId + "/" + sequenceNumber + " pk=" + partitionKey + " bytes=" + data.length;
    }
}
