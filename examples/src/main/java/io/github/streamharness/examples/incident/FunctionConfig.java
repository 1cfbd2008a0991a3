package io.github.streamharness.examples.incident;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import java.time.Duration;
import java.util.Objects;

/**
 * A deployment of {@code analytics-stream-processor}: its event source mapping plus the two function settings the
 * incident changed (timeout and memory). {@link #BEFORE_THE_FIX} and {@link #AFTER_THE_FIX} are the configurations
 * of the incident write-up, written once so the tests and the demo cannot drift apart.
 *
 * @param name          a label for reports
 * @param mapping       the event source mapping
 * @param timeout       the function timeout
 * @param memorySizeMb  the function memory
 */
public record FunctionConfig(String name, EventSourceMappingConfig mapping, Duration timeout, int memorySizeMb) {

    /** The SQS queue the fixed mapping sends discarded batches to (spec 1.9, 6.3). */
    public static final String DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq";

    /**
     * Before the fix: BatchSize 200 and every other parameter at its AWS default (MaximumRetryAttempts -1,
     * MaximumRecordAgeInSeconds -1, no bisection, no on-failure destination, ParallelizationFactor 1), timeout 30 s,
     * 256 MB. A failing batch is retried until its records leave the stream (spec 4.5, 13.11).
     */
    public static final FunctionConfig BEFORE_THE_FIX = new FunctionConfig("before the fix",
            EventSourceMappingConfig.builder().batchSize(200).build(), Duration.ofSeconds(30), 256);

    /**
     * After the fix: BatchSize 100, MaximumBatchingWindowInSeconds 5, ParallelizationFactor 10,
     * BisectBatchOnFunctionError, MaximumRetryAttempts 3, the SQS on-failure destination, timeout 120 s, 1024 MB.
     */
    public static final FunctionConfig AFTER_THE_FIX = new FunctionConfig("after the fix",
            EventSourceMappingConfig.builder()
                    .batchSize(100)
                    .maximumBatchingWindowInSeconds(5)
                    .parallelizationFactor(10)
                    .bisectBatchOnFunctionError(true)
                    .maximumRetryAttempts(3)
                    .onFailureDestination(DLQ_ARN)
                    .build(),
            Duration.ofSeconds(120), 1024);

    /** Validates the fields. */
    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A harness builder for a stream of {@code shards} shards with this function's timeout, memory and name. */
    public StreamHarness.Builder harness(int shards) {
        return StreamHarness.builder()
                .streamName("analytics-stream")
                .functionName("analytics-stream-processor")
                .shards(shards)
                .functionTimeout(timeout)
                .memorySize(memorySizeMb);
    }
}
