package io.github.streamharness.examples.analytics;

import java.util.List;

/**
 * Reads a discarded batch back from its shard, since the on-failure record carries no data (rule 6.3). A real
 * implementation calls Kinesis {@code GetShardIterator} with {@code AT_SEQUENCE_NUMBER} at the start sequence
 * number, then {@code GetRecords} until it passes the end sequence number; a test can read the harness's shard.
 */
@FunctionalInterface
public interface FailedRecordReader {

    /**
     * The records of the shard from {@code startSequenceNumber} to {@code endSequenceNumber}, both included, in
     * shard order. Records already gone from the stream (past retention) are simply absent.
     */
    List<ShardRecord> read(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber);
}
