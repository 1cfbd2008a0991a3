package io.github.streamharness.internal.assembly;

import io.github.streamharness.FunctionSettings;
import io.github.streamharness.RetryBackoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every setting of a harness, frozen when {@code StreamHarness.Builder.build()} runs: the harness reads only this
 * value, so a builder changed (or reused) after {@code build()} cannot change a harness already built.
 *
 * @param streamName              stream name
 * @param shards                  number of shards
 * @param region                  region in ARNs
 * @param accountId               account id in ARNs
 * @param function                the harness's own function (its name always present)
 * @param startTime               where the virtual clock starts
 * @param seed                    seed of every random choice
 * @param retention               stream retention period
 * @param retryBackoff            wait between retries
 * @param watchdog                real-time limit of a handler call, or null for none
 * @param retainedInvocations     invocations kept in detail per mapping
 * @param eventLimit              events one runUntilIdle may process
 * @param releaseCommittedRecords whether shards drop records every mapping has committed
 * @param maxRecordSizeInKiB      the stream's maximum record size (rule 19.1)
 * @param mappingCreationDelay    how long a new mapping stays Creating (rule 18.2)
 * @param mappingUpdateDelay      how long an update takes to apply (rule 18.1)
 */
public record HarnessSettings(String streamName, int shards, String region, String accountId,
                              FunctionSettings function, Instant startTime, long seed, Duration retention,
                              RetryBackoff retryBackoff, Duration watchdog, int retainedInvocations, long eventLimit,
                              boolean releaseCommittedRecords, int maxRecordSizeInKiB,
                              Duration mappingCreationDelay, Duration mappingUpdateDelay) {
    /** Checks that nothing required is missing. */
    public HarnessSettings {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (function.functionName().isEmpty()) {
            throw new IllegalArgumentException("the harness's function needs a name");
        }
    }

    /**
     * These settings for a stream that lives elsewhere (spi.StreamBackend): its name, region, account and shard
     * count, and a clock that starts at {@code clockStart}.
     */
    public HarnessSettings forStream(String name, String region, String accountId, int shardCount,
                                     Instant clockStart) {
        return new HarnessSettings(name, shardCount, region, accountId, function, clockStart, seed, retention,
                retryBackoff, watchdog, retainedInvocations, eventLimit, releaseCommittedRecords, maxRecordSizeInKiB,
                mappingCreationDelay, mappingUpdateDelay);
    }

    /** The harness's function name. */
    public String functionName() {
        return function.functionName().orElseThrow();
    }

    /** The stream's ARN. */
    public String streamArn() {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + streamName;
    }

    /** The ARN of function {@code name}. */
    public String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** The execution role ARN of function {@code name} (the event's invokeIdentityArn, rule 7.2). */
    public String roleArn(String name) {
        return "arn:aws:iam::" + accountId + ":role/" + name + "-role";
    }
}
