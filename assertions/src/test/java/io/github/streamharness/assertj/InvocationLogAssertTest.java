package io.github.streamharness.assertj;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.streamharness.HandWrittenLogs.invocation;
import static io.github.streamharness.HandWrittenLogs.log;
import static io.github.streamharness.HandWrittenLogs.ok;
import static io.github.streamharness.HandWrittenLogs.record;
import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InvocationLogAssert: counts, deliveries, redeliveries, order and batch sizes (section 2, 3, 4, 5). */
class InvocationLogAssertTest {
    private static final String POISON_3 = "shardId-000000000000/4900...000003 pk=user-3 data={not json";

    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();

    @Test
    void hasInvocationCountCountsEveryInvocationIncludingBisectedHalvesAndRetries() { // rule 4.7, 0.1
        assertThat(poison.stream()).invocations().hasInvocationCount(9);
        assertThatThrownBy(() -> assertThat(poison.stream()).invocations().hasInvocationCount(3))
                .hasMessageStartingWith(String.format("Expecting orders-fn to have been invoked 3 time(s) but it was "
                        + "invoked 9 time(s)%n%ntimeline of orders-fn (9 invocation(s)):"));
    }

    @Test
    void theLogIsItsOwnTimeline() {
        InvocationLog log = poison.stream().invocations();
        assertThatThrownBy(() -> assertThat(log).hasInvocationCount(1))
                .hasMessageEndingWith("CHECKPOINT checkpoint -> ...000009");
    }

    @Test
    void deliveredExactlyOncePassesForACleanRunAndFailsListingEveryDelivery() {
        Scenarios.Run clean = Scenarios.allGood();
        assertThat(clean.stream()).invocations().deliveredExactlyOnce(clean.records().toArray(StreamRecord[]::new));
        assertThatThrownBy(() -> assertThat(poison.stream()).invocations().deliveredExactlyOnce(poison.record(3)))
                .hasMessageStartingWith(String.format("Expecting the record:%n  " + POISON_3 + "%n"
                        + "to be delivered to orders-fn exactly once%nbut it was delivered 6 times, by:%n"
                        + "  [#1 shardId-000000000000 [...000000.....000009] (10 records) attempt 1 -> ERROR "
                        + "java.lang.IllegalArgumentException at 00:00:00.000 on env-1 (cold),"));
    }

    @Test
    void deliveredTimesCountsBisectedHalvesAsDeliveries() { // rule 4.7: record 0 is in [0..9], [0..4], [0..2]
        assertThat(poison.stream()).invocations().deliveredTimes(poison.record(0), 3)
                .deliveredTimes(poison.record(4), 4).deliveredTimes(poison.record(9), 2);
        assertThatThrownBy(() -> assertThat(poison.stream()).invocations().deliveredTimes(poison.record(0), 1))
                .hasMessageContaining(String.format("to be delivered to orders-fn exactly once%n"
                        + "but it was delivered 3 times, by:"));
    }

    @Test
    void neverDeliveredHoldsForRecordsBehindABlockedBatch() { // rule 3.3
        Scenarios.Run blocked = Scenarios.blockedShard();
        assertThat(blocked.stream()).invocations().neverDelivered(blocked.record(4));
        assertThatThrownBy(() -> assertThat(blocked.stream()).invocations().neverDelivered(blocked.record(0)))
                .hasMessageContaining(String.format("never to be delivered to orders-fn%n"
                        + "but it was delivered exactly once, by:%n  [#1 shardId-000000000000"));
    }

    @Test
    void neverDeliveredHoldsForARecordTooOldBeforeItsFirstAttempt() { // rule 4.6
        Scenarios.Run old = Scenarios.recordTooOld();
        assertThat(old.stream()).invocations().neverDelivered(old.record(0)).deliveredExactlyOnce(old.record(1));
    }

    @Test
    void redeliveredOnlyAfterFailureHoldsForRetriesBisectionAndPartialResponses() { // rule 4.3, 4.7, 5.5
        assertThat(poison.stream()).invocations().redeliveredOnlyAfterFailure();
        Scenarios.Run partial = Scenarios.partialResponse();
        assertThat(partial.stream()).invocations().redeliveredOnlyAfterFailure()
                .deliveredExactlyOnce(partial.record(0), partial.record(1))
                .deliveredTimes(partial.record(4), 2); // redelivered although processed (rule 5.5)
    }

    @Test
    void redeliveredOnlyAfterFailureFailsForADuplicateAfterSuccess() {
        StreamRecord r0 = record(0, "user-0", "{\"id\":0}");
        StreamRecord r1 = record(1, "user-1", "{\"id\":1}");
        StreamRecord r2 = record(2, "user-2", "{\"id\":2}");
        InvocationLog log = log("orders-fn", invocation(1, ok(), r0, r1), invocation(2, ok(), r1, r2));
        assertThatThrownBy(() -> assertThat(log).redeliveredOnlyAfterFailure())
                .hasMessageStartingWith(String.format("Expecting orders-fn to receive a record again only after a "
                        + "failure of an invocation that held it%nbut these were delivered again without one:%n"
                        + "  shardId-000000000000/4900...000001 pk=user-1 data={\"id\":1}\n    in #2 after #1 -> OK"));
    }

    @Test
    void redeliveredOnlyAfterAGivenKindOfFailure() {
        assertThat(poison.stream()).invocations().redeliveredOnlyAfter(Outcome.FunctionError.class);
        Scenarios.Run partial = Scenarios.partialResponse();
        assertThat(partial.stream()).invocations().redeliveredOnlyAfter(Outcome.PartialFailure.class);
        assertThatThrownBy(() -> assertThat(partial.stream()).invocations()
                .redeliveredOnlyAfter(Outcome.FunctionError.class))
                .hasMessageContaining("to receive a record again only after a FunctionError of an invocation")
                .hasMessageContaining("pk=user-2 data={\"id\":2}\n    in #2 after #1 -> PARTIAL (2 committed, "
                        + "retry from 4900...002)");
    }

    @Test
    void keptOrderPerShardHoldsThroughBisectionAndRetries() { // rule 3.1, 4.7
        assertThat(poison.stream()).invocations().keptOrderPerShard().keptOrderPerPartitionKey();
        assertThat(Scenarios.blockedShard().stream()).invocations().keptOrderPerShard();
    }

    @Test
    void withParallelLanesOnlyPerKeyOrderHoldsAndTheShardFailureSaysSo() { // rule 3.2, 0.8
        Scenarios.Run lanes = Scenarios.parallelLanesWithOneRetry();
        assertThat(lanes.stream()).invocations().keptOrderPerPartitionKey();
        assertThatThrownBy(() -> assertThat(lanes.stream()).invocations().keptOrderPerShard())
                .hasMessageStartingWith(String.format("Expecting orders-fn to receive the records of each shard in "
                        + "sequence order (batches in ascending order, no batch starting before an earlier one)%n"
                        + "The mapping ran 2 lanes per shard (ParallelizationFactor > 1), which keep the order of "
                        + "each partition key, not of the shard (rule 3.2): assert keptOrderPerPartitionKey() "
                        + "instead.%nbut:%n"
                        + "  shardId-000000000000: #2 starts at shardId-000000000000/4900...000000 pk=a "
                        + "data={\"key\":\"a\"}, before #1 which started at shardId-000000000000/4900...000004 pk=e "
                        + "data={\"key\":\"e\"}"));
    }

    @Test
    void keptOrderFailsForABatchOutOfOrder() {
        StreamRecord r0 = record(0, "user-0", "a");
        StreamRecord r1 = record(1, "user-0", "b");
        InvocationLog log = log("orders-fn", invocation(1, ok(), r1, r0));
        assertThatThrownBy(() -> assertThat(log).keptOrderPerPartitionKey())
                .hasMessageContaining("to receive the records of each partition key in sequence order")
                .hasMessageContaining("shardId-000000000000 pk=user-0: #1 holds shardId-000000000000/4900...000000 "
                        + "pk=user-0 data=a after shardId-000000000000/4900...000001 pk=user-0 data=b");
    }

    @Test
    void noBatchLargerThanChecksEveryInvocation() { // rule 2.3
        assertThat(poison.stream()).invocations().noBatchLargerThan(10);
        assertThatThrownBy(() -> assertThat(poison.stream()).invocations().noBatchLargerThan(5))
                .hasMessageStartingWith(String.format("Expecting no batch of orders-fn to hold more than 5 record(s)%n"
                        + "but these invocations did:%n  #1 shardId-000000000000 [...000000.....000009] (10 records) "
                        + "attempt 1 -> ERROR java.lang.IllegalArgumentException at 00:00:00.000"));
    }

    @Test
    void noBatchOver6MBHoldsWhenTheEngineCutsBatchesAtTheLimit() { // rule 2.5, 0.7
        StreamHarness stream = StreamHarness.builder().handler(Scenarios.parsesJson()).build();
        for (int i = 0; i < 7; i++) {
            stream.put("user-" + i, "\"" + "x".repeat(999_998) + "\"");
        }
        stream.runUntilIdle();
        assertThat(stream.invocations().count()).isGreaterThan(1);
        assertThat(stream).invocations().noBatchOver6MB().noBatchLargerThan(EventSourceMappingConfig.DEFAULT_BATCH_SIZE);
    }

    @Test
    void noBatchOver6MBFailsForARecordLargerThanTheLimitDeliveredAlone() { // rule 0.7
        // rule 19.1: a 5 MB record needs a stream whose maximum record size is raised (up to 10 MiB)
        StreamHarness stream = StreamHarness.builder().maxRecordSizeInKiB(10_240).handler(Scenarios.parsesJson())
                .build();
        stream.put("user-0", "\"" + "x".repeat(4_999_998) + "\"");
        stream.runUntilIdle();
        assertThatThrownBy(() -> assertThat(stream).invocations().noBatchOver6MB())
                .hasMessageStartingWith(String.format("Expecting no event of test-function to exceed 6291456 bytes of "
                        + "JSON (the 6 MB invoke payload limit)%nbut these invocations received larger events:%n"
                        + "  #1 shardId-000000000000 [...000000] (1 record) attempt 1 -> OK at 00:00:00.000 on env-1 "
                        + "(cold): "))
                .hasMessageContaining(" bytes (one record larger than the limit is delivered alone, rule 0.7)");
    }

    @Test
    void noBatchOver6MBFailsForABatchOverTheLimit() {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byte[] data = new byte[1_000_000];
            records.add(record("shardId-000000000000", i, "user-" + i, data));
        }
        InvocationLog log = log("orders-fn", invocation(1, ok(), records.toArray(StreamRecord[]::new)));
        assertThatThrownBy(() -> assertThat(log).noBatchOver6MB())
                .hasMessageContaining("#1 shardId-000000000000 [...000000.....000006] (7 records) attempt 1 -> OK")
                .hasMessageNotContaining("delivered alone");
    }

    @Test
    void hasTimeoutsCountsTimedOutInvocations() { // rule 0.4
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(2).build())
                .functionName("orders-fn").handler(Scenarios.parsesJson()).build();
        h.faults().always().times(2).timeout();
        h.put("user-1", "{}");
        h.runUntilIdle();
        assertThat(h).invocations().hasTimeouts(2).hasColdStarts(3); // a timed-out runtime is replaced
        assertThatThrownBy(() -> assertThat(h).invocations().hasTimeouts(1))
                .hasMessageStartingWith("Expecting orders-fn to have 1 invocation(s) that timed out but it had 2:")
                .hasMessageContaining("-> TIMEOUT")
                .hasMessageContaining("timeline of orders-fn");
        assertThatThrownBy(() -> assertThat(h).invocations().hasColdStarts(1))
                .hasMessageStartingWith("Expecting orders-fn to have 1 invocation(s) that started cold but it had 3:");
    }

    @Test
    void hasNoThrottlesAndHasMaxConcurrencyReadTheFunctionsLimits() { // rule 15.3
        StreamHarness h = StreamHarness.builder().shards(2).reservedConcurrentExecutions(1)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).build())
                .functionName("orders-fn").handler(Scenarios.parsesJson()).build();
        h.faults().always().latency(java.time.Duration.ofMillis(1500));
        h.put("user-1", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "0");
        h.put("user-2", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "170141183460469231731687303715884105728");
        h.runUntilIdle();
        assertThat(h).invocations().hasMaxConcurrency(1);
        assertThatThrownBy(() -> assertThat(h).invocations().hasNoThrottles())
                .hasMessageStartingWith("Expecting orders-fn to have 0 invocation(s) that were throttled but it had 2:")
                .hasMessageContaining("-> THROTTLED")
                .hasMessageContaining("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThatThrownBy(() -> assertThat(h).invocations().hasMaxConcurrency(2))
                .hasMessageStartingWith("Expecting orders-fn to run at most 2 invocation(s) at once, and that many "
                        + "at some instant, but it ran at most 1, at once:")
                .hasMessageContaining("on env-1 (cold)");
    }

    @Test
    void hasMaxConcurrencyCountsOverlappingInvocationsAndHasNoThrottlesPassesWithoutALimit() { // rule 15.5
        StreamHarness h = StreamHarness.builder().shards(2)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).build())
                .functionName("orders-fn").handler(Scenarios.parsesJson()).build();
        h.faults().always().latency(java.time.Duration.ofMillis(1500));
        h.put("user-1", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "0");
        h.put("user-2", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "170141183460469231731687303715884105728");
        h.runUntilIdle();
        assertThat(h).invocations().hasNoThrottles().hasMaxConcurrency(2).hasColdStarts(2);
    }
}
