package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static io.github.streamharness.mockito.VirtualTimeAnswers.returnAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.github.streamharness.FaultPlan;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.junit.HandlerUnderTest;
import io.github.streamharness.junit.KinesisStreamTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The incident, cause C: a warm invocation takes 24 s (three DynamoDB writes of 8 s), inside the old 30 s timeout;
 * a cold start adds 10 s. With the old configuration (MaximumRetryAttempts -1) that is worse than an occasional
 * timeout: Lambda replaces a timed-out runtime, so the retry starts cold again, and times out again.
 *
 * <p>Runbook step 4 (the timeout against cold starts), cause C; and step 5: with provisioned concurrency the same
 * 30 s timeout holds, since no invocation starts cold (the scale-out to a hundred lanes is
 * {@link ConcurrencyScaleOutTest}).
 */
@ExtendWith(MockitoExtension.class)
class ColdStartTimeoutTest {
    @Mock
    DynamoDbClient dynamoDb;
    @HandlerUnderTest
    AnalyticsStreamProcessor handler;

    @BeforeEach
    void createHandler() {
        handler = new AnalyticsStreamProcessor(dynamoDb);
    }

    private void warmInvocationsTake24Seconds(StreamHarness stream, FaultPlan faults) {
        when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(
                returnAfter(stream.clock(), Duration.ofSeconds(8), UpdateItemResponse.builder().build()));
        faults.coldStarts(Duration.ofSeconds(10)); // every new execution environment initialises for 10 s
    }

    private static StreamRecord cpuSample(StreamHarness stream, int second) {
        return stream.put("host-7", "{\"metric\":\"cpu\",\"value\":0.5,\"timestamp\":\"2026-01-01T00:00:"
                + (10 + second) + "Z\"}");
    }

    @Nested
    @KinesisStreamTest(template = "template-before-the-fix.yaml", function = "AnalyticsStreamProcessor")
    class WithTheOld30SecondTimeout {
        @Test
        void everyRetryStartsColdAndTimesOutSoTheShardNeverMoves(StreamHarness stream, FaultPlan faults) {
            warmInvocationsTake24Seconds(stream, faults);
            StreamRecord first = cpuSample(stream, 0);
            stream.advance(Duration.ofMinutes(10));

            // rule 0.4: 10 s + 24 s crosses 30 s; the timed-out runtime is replaced, the next attempt is cold too
            assertThat(stream.invocations().all()).hasSizeGreaterThan(5)
                    .allSatisfy(i -> assertThat(i.coldStart()).isTrue())
                    .extracting(i -> i.outcome().label()).containsOnly("TIMEOUT");
            assertThat(stream).shard(0).isBlockedAt(first).hasNoCheckpoint(); // rule 3.3, 4.5
            // the logs say it: each REPORT carries Init Duration 10 s, each attempt times out (rule 16.2, 0.15)
            assertThat(stream.logs()).hasTimeouts(stream.invocations().count());
            assertThat(stream.logs().query("filter @type = \"REPORT\" | stats count(*) as cold, "
                    + "max(@initDuration) as init, max(@duration) as handler")).containsExactly(Map.of(
                    "cold", String.valueOf(stream.invocations().count()), "init", "10000", "handler", "20000"));
        }
    }

    @Nested
    @KinesisStreamTest(template = "template-before-the-fix.yaml", function = "AnalyticsStreamProcessor",
            timeoutSeconds = 120)
    class WithTheNew120SecondTimeout {
        @Test
        void onlyTheFirstInvocationIsColdAndNoneTimesOut(StreamHarness stream, FaultPlan faults) {
            warmInvocationsTake24Seconds(stream, faults);
            cpuSample(stream, 0);
            stream.runUntilIdle();
            StreamRecord later = cpuSample(stream, 1);
            stream.runUntilIdle();

            assertThat(stream.invocations().all()).extracting(Invocation::coldStart, Invocation::duration)
                    .containsExactly(tuple(true, Duration.ofSeconds(34)),
                            tuple(false, Duration.ofSeconds(24)));
            assertThat(stream).shard(0).hasCheckpointAt(later).isCaughtUp();
            assertThat(stream.logs()).hasNoTimeouts();
            assertThat(stream.metrics()).metric("Duration").maximumPer(Duration.ofMinutes(5)).allAtMost(24_000);
        }
    }

    @Nested
    @KinesisStreamTest(template = "template-before-the-fix.yaml", function = "AnalyticsStreamProcessor",
            provisionedConcurrency = 1)
    class WithTheOld30SecondTimeoutAndProvisionedConcurrency {
        /** Runbook step 5: a provisioned environment is initialised before the first invocation (rule 15.4). */
        @Test
        void noInvocationStartsColdSoTheOld30SecondTimeoutHolds(StreamHarness stream, FaultPlan faults) {
            warmInvocationsTake24Seconds(stream, faults);
            StreamRecord first = cpuSample(stream, 0);
            stream.runUntilIdle();

            assertThat(stream).invocations().hasColdStarts(0);
            assertThat(stream.invocations().all()).extracting(Invocation::coldStart, Invocation::duration)
                    .containsExactly(tuple(false, Duration.ofSeconds(24)));
            assertThat(stream).shard(0).hasCheckpointAt(first).isCaughtUp();
            assertThat(stream.logs()).hasNoTimeouts();
        }
    }
}
