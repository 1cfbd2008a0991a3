package io.github.streamharness;

import io.github.streamharness.internal.observe.SequenceRanges;
import io.github.streamharness.internal.stream.ShardRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call of the function by the event source mapping (or one attempt that was throttled before reaching it).
 *
 * @param number             1-based number of the invocation within its mapping
 * @param functionName       the function the mapping invokes
 * @param shardId            the shard the batch came from (rule 2.1)
 * @param lane               the lane within the shard (0 with ParallelizationFactor 1, rule 0.8)
 * @param records            the batch, in order
 * @param attempt            1 for the first invocation of this exact batch, 2 for its first retry, ...
 * @param outcome            how the mapping read the result
 * @param startedAt          virtual time the invocation started
 * @param endedAt            virtual time it ended (start + time spent, at most start + timeout)
 * @param iteratorAgeAtStart age of the batch's last record when the invocation started (rule 10.1, 0.5)
 * @param iteratorAgeAtEnd   age of the batch's last record when it ended
 * @param awsRequestId       the request id the handler saw in its Context
 * @param environmentId      the execution environment that ran it
 * @param coldStart          whether the environment was new for this invocation
 * @param logs               lines the handler wrote through {@code context.getLogger()}
 * @param window             the tumbling window the invocation belonged to (section 8), or null without tumbling windows
 */
public record Invocation(int number, String functionName, String shardId, int lane, List<StreamRecord> records,
                         int attempt, Outcome outcome, Instant startedAt, Instant endedAt,
                         Duration iteratorAgeAtStart, Duration iteratorAgeAtEnd, String awsRequestId,
                         String environmentId, boolean coldStart, List<String> logs, WindowInvocation window) {
    /** Creates an invocation with immutable copies of its lists (a shard's immutable batch is kept as it is). */
    public Invocation {
        records = records instanceof ShardRecords ? records : List.copyOf(records); // no object per record kept
        logs = List.copyOf(logs);
    }

    /** An invocation outside tumbling windows. */
    public Invocation(int number, String functionName, String shardId, int lane, List<StreamRecord> records,
                      int attempt, Outcome outcome, Instant startedAt, Instant endedAt, Duration iteratorAgeAtStart,
                      Duration iteratorAgeAtEnd, String awsRequestId, String environmentId, boolean coldStart,
                      List<String> logs) {
        this(number, functionName, shardId, lane, records, attempt, outcome, startedAt, endedAt, iteratorAgeAtStart,
                iteratorAgeAtEnd, awsRequestId, environmentId, coldStart, logs, null);
    }

    /** Whether this was a tumbling window's final invocation (rule 8.4). */
    public boolean isFinalInvokeForWindow() {
        return window != null && window.isFinalInvokeForWindow();
    }

    /** Number of records in the batch. */
    public int batchSize() {
        return records.size();
    }

    /** How long the invocation ran on the virtual clock. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** Sequence number of the batch's first record, or null for a window's final invocation with no records. */
    public String firstSequenceNumber() {
        return records.isEmpty() ? null : records.get(0).sequenceNumber();
    }

    /** Sequence number of the batch's last record, or null for a window's final invocation with no records. */
    public String lastSequenceNumber() {
        return records.isEmpty() ? null : records.get(records.size() - 1).sequenceNumber();
    }

    /** Whether the batch holds {@code record} (by shard and sequence number). */
    public boolean contains(StreamRecord record) {
        return records.contains(record);
    }

    /** The batch's records as timelines print them: {@code [...000000.....000009] (10 records)}. */
    public String recordRange() {
        return SequenceRanges.describe(records);
    }
}
