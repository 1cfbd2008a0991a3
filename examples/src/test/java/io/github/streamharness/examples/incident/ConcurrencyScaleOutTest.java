package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.FaultPlan;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.Shard;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.junit.EventSourceMapping;
import io.github.streamharness.junit.HandlerUnderTest;
import io.github.streamharness.junit.KinesisStreamTest;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The incident's advice and its runbook step 5: "the concurrency available to your function should match or exceed
 * the number of shards" (rule 15.5), here 10 shards x ParallelizationFactor 10 = 100 lanes, each invocation spending
 * 2 s (a DynamoDB write). Step 5 of the runbook turns on provisioned concurrency so that the scale-out after a
 * backlog pays no cold starts (rule 15.4).
 */
class ConcurrencyScaleOutTest {
    /** Every batch takes 2 s on the virtual clock; the Init phase of a new environment is 800 ms. */
    @HandlerUnderTest
    final RequestHandler<KinesisEvent, Void> writer = new RequestHandler<>() {
        @Override
        public Void handleRequest(KinesisEvent event, Context context) {
            return null;
        }
    };

    private static void backlogOnEveryLane(StreamHarness stream, FaultPlan faults) {
        faults.always().latency(Duration.ofSeconds(2));
        for (int i = 0; i < 2_000; i++) {
            stream.put("device-" + i, "{\"metric\":\"cpu\",\"value\":" + i + "}");
        }
    }

    private static long maxIteratorAgeMillis(StreamHarness stream) {
        long max = 0;
        for (Shard s : stream.shards()) {
            max = Math.max(max, stream.mapping().iteratorAge(s.id()).toMillis());
        }
        return max;
    }

    @Nested
    @KinesisStreamTest(shards = 10, reservedConcurrency = 50, initDurationMillis = 800)
    @EventSourceMapping(batchSize = 10, parallelizationFactor = 10, maximumRetryAttempts = 2)
    class WithReservedConcurrency50 {
        /**
         * Runbook, the advice: with half the concurrency the lanes need, throttles appear; a throttle is not an
         * attempt (rule 4.2), so MaximumRetryAttempts 2 discards nothing, but the shards fall behind.
         */
        @Test
        void throttlesAppearNothingIsRetriedAwayAndTheIteratorAgeGrows(StreamHarness stream, FaultPlan faults) {
            backlogOnEveryLane(stream, faults);
            stream.advance(Duration.ofSeconds(10));
            long ageAfter10s = maxIteratorAgeMillis(stream);
            stream.runUntilIdle();

            assertThat(stream).invocations().hasMaxConcurrency(50);
            assertThat(stream.invocations().all()).filteredOn(i -> i.outcome() instanceof Outcome.Throttled)
                    .isNotEmpty();
            assertThat(stream.discarded()).isEmpty();
            assertThat(stream.ledger().count(RecordState.COMMITTED)).isEqualTo(2_000);
            assertThat(ageAfter10s).isGreaterThanOrEqualTo(10_000); // a lane still waits for its first turn
        }
    }

    @Nested
    @KinesisStreamTest(shards = 10, reservedConcurrency = 100, initDurationMillis = 800)
    @EventSourceMapping(batchSize = 10, parallelizationFactor = 10, maximumRetryAttempts = 2)
    class WithReservedConcurrencyMatchingTheLanes {
        /** Runbook step 5, before: enough concurrency, no throttles, but the scale-out opens 100 cold environments. */
        @Test
        void noThrottlesButEveryLaneStartsCold(StreamHarness stream, FaultPlan faults) {
            backlogOnEveryLane(stream, faults);
            stream.runUntilIdle();

            assertThat(stream).invocations().hasNoThrottles().hasMaxConcurrency(100).hasColdStarts(100);
        }
    }

    @Nested
    @KinesisStreamTest(shards = 10, reservedConcurrency = 100, provisionedConcurrency = 100,
            initDurationMillis = 800)
    @EventSourceMapping(batchSize = 10, parallelizationFactor = 10, maximumRetryAttempts = 2)
    class WithProvisionedConcurrency {
        /** Runbook step 5: provisioned concurrency; the scale-out to 100 environments has no cold start. */
        @Test
        void theScaleOutHasNoColdStarts(StreamHarness stream, FaultPlan faults) {
            backlogOnEveryLane(stream, faults);
            stream.runUntilIdle();

            assertThat(stream).invocations().hasNoThrottles().hasMaxConcurrency(100).hasColdStarts(0);
            assertThat(stream.invocations().all()).extracting(Invocation::duration)
                    .containsOnly(Duration.ofSeconds(2));
        }
    }
}
