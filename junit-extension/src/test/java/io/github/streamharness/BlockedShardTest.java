package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shard blocked by a failing batch (rule 3.3): what its position reports while the batch waits for a retry, and how
 * the block ends when retention takes the records, also for the children of a shard split meanwhile (rule 0.10, 4.5).
 */
class BlockedShardTest {
    private static final String S0 = "shardId-000000000000";

    private static RequestHandler<KinesisEvent, Void> failingOn(String poisonKey, List<String> delivered) {
        return (e, c) -> {
            for (var r : e.getRecords()) {
                if (r.getKinesis().getPartitionKey().equals(poisonKey)) {
                    throw new IllegalStateException("poison");
                }
            }
            e.getRecords().forEach(r -> delivered.add(r.getKinesis().getPartitionKey()));
            return null;
        };
    }

    /** Rule 0.8: a key's lane among {@code n}: its MD5 read as an unsigned 128-bit number, modulo n. */
    private static int laneOf(String partitionKey, int n) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, md5).mod(BigInteger.valueOf(n)).intValue();
    }

    @Test
    void withSeveralLanesBlockedBlockedAtIsTheEarliestRecordTheyAreStuckOn() throws Exception { // rule 3.3, 0.8
        String inLaneOne = null;
        String inLaneZero = null;
        for (int k = 0; inLaneOne == null || inLaneZero == null; k++) {
            String key = "key-" + k;
            if (laneOf(key, 2) == 1 && inLaneOne == null) {
                inLaneOne = key;
            } else if (laneOf(key, 2) == 0 && inLaneZero == null) {
                inLaneZero = key;
            }
        }
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().parallelizationFactor(2).build(),
                (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    throw new IllegalStateException("every batch fails"); // retried until it expires
                });
        StreamRecord earliest = h.put(inLaneOne, "{}"); // lane 1 holds the shard's first record
        StreamRecord later = h.put(inLaneZero, "{}");
        h.advance(Duration.ofSeconds(5));

        assertThat(f.invocations().all()).extracting(Invocation::records)
                .contains(List.of(earliest), List.of(later)); // both lanes tried and failed
        assertThat(f.position(S0).blockedAt()).contains(earliest); // not lane 0's record, though lane 0 comes first
        assertThat(f.position(S0).next()).contains(earliest);
    }

    @Test
    void blockedAtNamesTheHeadOfABatchWaitingForItsRetryAndNothingOtherwise() { // rule 3.3, 4.3
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onInvocation(1).fail("first attempt fails");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), failingOn("never", new ArrayList<>()));
        h.advance(Duration.ofMillis(500));
        StreamRecord first = h.put("pk", "one");
        assertThat(f.position(S0).blockedAt()).isEmpty(); // pending, not yet polled
        h.advance(Duration.ofMillis(600)); // polled at 1 s, failed: the retry is due at 2 s
        assertThat(f.position(S0).blockedAt()).contains(first);
        assertThat(f.position(S0).blocked()).isTrue();
        h.advance(Duration.ofSeconds(1)); // the retry succeeds
        assertThat(f.position(S0).blockedAt()).isEmpty();
        h.put("pk", "two"); // pending behind a checkpoint that moved: nothing is being retried
        assertThat(f.position(S0).blockedAt()).isEmpty();
        assertThat(f.position(S0).next().map(StreamRecord::dataAsString)).contains("two");
    }

    @Test
    void afterAPartialBatchResponseBlockedAtNamesTheFirstReportedFailureThroughItsBackOff() { // rule 5.5, 5.6, 3.3
        StreamHarness h = StreamHarness.builder().build();
        int[] calls = {0};
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder()
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build(),
                (RequestHandler<KinesisEvent, StreamsEventResponse>) (e, c) -> calls[0]++ > 0
                        ? new StreamsEventResponse() // the remainder succeeds
                        : new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(
                                e.getRecords().get(1).getKinesis().getSequenceNumber()))));
        h.advance(Duration.ofMillis(500));
        h.put("pk", "one");
        StreamRecord two = h.put("pk", "two");
        h.put("pk", "three");
        h.advance(Duration.ofMillis(600)); // polled at 1 s: "one" committed, [two, three] retried after 1 s
        assertThat(f.invocations().all()).extracting(i -> i.outcome().label()).singleElement().asString()
                .startsWith("PARTIAL (1 committed");
        assertThat(f.position(S0).blockedAt()).contains(two);
        assertThat(f.position(S0).checkpoint()).isPresent();
        h.advance(Duration.ofSeconds(1)); // the remainder succeeds at 2 s
        assertThat(f.invocations().all()).hasSize(2);
        assertThat(f.position(S0).blockedAt()).isEmpty();
    }

    @Test
    void aBatchInFlightIsBlockedOnlyWhenItsRecordsFailedBeforeAsABisectedHalfsHave() { // rule 3.3, 4.7, 0.1
        StreamHarness h = StreamHarness.builder().build();
        VirtualClock clock = h.clock();
        int[] calls = {0};
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().bisectBatchOnFunctionError(true).build(),
                (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    clock.sleep(Duration.ofSeconds(2));
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("the first attempt fails");
                    }
                    return null;
                });
        h.advance(Duration.ofMillis(500));
        StreamRecord a = h.put("pk", "a");
        h.put("pk", "b");
        h.advance(Duration.ofMillis(1_500)); // polled at 1 s: the first attempt of [a, b] runs until 3 s
        assertThat(f.position(S0).blockedAt()).isEmpty(); // nothing failed yet: not a retry
        h.advance(Duration.ofSeconds(2)); // failed at 3 s and bisected: the half [a] runs from 3 s to 5 s
        assertThat(f.position(S0).blockedAt()).contains(a);
        h.runUntilIdle(); // [a] and then [b] succeed
        assertThat(f.invocations().all()).extracting(Invocation::batchSize).containsExactly(2, 1, 1);
        assertThat(f.position(S0).blockedAt()).isEmpty();
    }

    @Test
    void aThrottledFirstAttemptBlocksTheShardToo() { // rule 4.2, 15.3
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onInvocation(1).throttle();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), failingOn("never", new ArrayList<>()));
        h.advance(Duration.ofMillis(500));
        StreamRecord r = h.put("pk", "one");
        h.advance(Duration.ofMillis(600)); // throttled at 1 s: no attempt used, retried after the back-off
        assertThat(f.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("THROTTLED");
        assertThat(f.position(S0).blockedAt()).contains(r);
    }

    @Test
    void aParentBlockedUntilRetentionLetsItsChildrenBeReadWhenItsRecordsExpire() { // rule 0.10, 4.5
        List<String> delivered = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), failingOn("poison", delivered));
        StreamRecord poison = h.put("poison", "x"); // retried forever (MaximumRetryAttempts -1)
        h.advance(Duration.ofSeconds(5));
        List<Shard> children = h.splitShard(S0);
        h.advance(Duration.ofHours(23));
        StreamRecord child = h.put("after-split", "x"); // waits in a child until the parent is done
        h.advance(Duration.ofMinutes(30));
        assertThat(f.ledger().stateOf(child)).isEqualTo(RecordState.PENDING);
        h.runUntilIdle();
        assertThat(f.ledger().stateOf(poison)).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
        assertThat(f.checkpoint(S0)).contains(poison.sequenceNumber()); // the checkpoint moved over it
        assertThat(children).extracting(Shard::id).contains(child.shardId());
        assertThat(delivered).containsExactly("after-split");
        assertThat(f.ledger().stateOf(child)).isEqualTo(RecordState.COMMITTED);
        Invocation childsFirst = f.invocations().all().stream().filter(i -> i.shardId().equals(child.shardId()))
                .findFirst().orElseThrow();
        assertThat(childsFirst.startedAt()).isAfter(poison.approximateArrivalTimestamp().plus(Duration.ofHours(24)))
                .isBefore(poison.approximateArrivalTimestamp().plus(Duration.ofHours(24)).plusSeconds(62));
        f.ledger().verify();
    }
    @Test
    void reEnablingAMappingWhoseBatchWaitsForARetryReadsFromTheCheckpointAtOnceAndOnlyOnce() { // rule 1.13
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onInvocation(1).fail("first attempt fails");
        VirtualClock clock = h.clock();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(),
                (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    clock.sleep(Duration.ofSeconds(1)); // in flight across the retry the disable cancelled
                    return null;
                });
        h.advance(Duration.ofMillis(500));
        StreamRecord r = h.put("pk", "one"); // polled at 1 s, fails: the retry is due at 2 s
        h.advance(Duration.ofSeconds(1));
        f.disable(); // at 1.5 s: the pending retry is cancelled
        h.advance(Duration.ofMillis(100));
        f.enable(); // at 1.6 s: read again from the checkpoint, now
        h.runUntilIdle();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(f.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(t0.plusSeconds(1), t0.plusMillis(1_600));
        assertThat(f.invocations().all().get(1).attempt()).isEqualTo(1); // a new read of the batch
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
        f.ledger().verify();
    }
    @Test
    void verifyFromInsideTheHandlerDoesNotTakeTheRunningInvocationForAStuckLane() { // issue 11: no stall, no loss
        MappedFunction[] self = new MappedFunction[1];
        StreamHarness h = StreamHarness.builder().build();
        self[0] = h.addMapping(EventSourceMappingConfig.defaults(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
            self[0].ledger().verify(); // the lane is in flight and its completion is not scheduled yet: it runs
            return null;
        });
        StreamRecord r = h.put("pk", "x");
        h.runUntilIdle();
        assertThat(self[0].invocations().all()).extracting(i -> i.outcome().label()).containsExactly("OK");
        assertThat(self[0].ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
    }
}
