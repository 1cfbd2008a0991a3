package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Splitting, merging and rescaling a stream while mappings read it (issue 16; rule 11.1, 0.10). */
class ReshardingTest {
    private static final BigInteger TOP = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final String S0 = "shardId-000000000000";
    private static final String S1 = "shardId-000000000001";
    private static final String S2 = "shardId-000000000002";
    private static final String S3 = "shardId-000000000003";

    @Test
    void splitGivesTwoChildrenWithHalfTheRangeEachAndIdsContinuingTheNumbering() { // rule 11.1
        StreamHarness h = StreamHarness.builder().shards(1).build();
        List<Shard> children = h.splitShard(S0);
        BigInteger mid = TOP.shiftRight(1); // start + (end - start) / 2 = 2^127 - 1
        assertThat(children).extracting(Shard::id).containsExactly(S1, S2);
        assertThat(children.get(0).startingHashKey()).isEqualTo(BigInteger.ZERO);
        assertThat(children.get(0).endingHashKey()).isEqualTo(mid);
        assertThat(children.get(1).startingHashKey()).isEqualTo(mid.add(BigInteger.ONE));
        assertThat(children.get(1).endingHashKey()).isEqualTo(TOP);
        assertThat(children).allSatisfy(c -> {
            assertThat(c.parentShardIds()).containsExactly(S0);
            assertThat(c.isOpen()).isTrue();
        });
        Shard parent = h.shard(S0);
        assertThat(parent.isOpen()).isFalse();
        assertThat(parent.parentShardIds()).isEmpty();
        assertThat(parent.childShardIds()).containsExactly(S1, S2);
        assertThat(h.shards()).extracting(Shard::id).containsExactly(S0, S1, S2);
        assertThat(h.openShards()).extracting(Shard::id).containsExactly(S1, S2);
    }

    @Test
    void putAfterASplitRoutesByTheChildrensRangesAndNeverToTheClosedParent() { // rule 11.1
        StreamHarness h = StreamHarness.builder().shards(1).build();
        h.splitShard(S0);
        for (int i = 0; i < 200; i++) {
            StreamRecord r = h.put("key-" + i, "v");
            BigInteger hash = new BigInteger(1, md5("key-" + i));
            assertThat(r.shardId()).isEqualTo(hash.compareTo(TOP.shiftRight(1)) <= 0 ? S1 : S2);
        }
        assertThat(h.shard(S0).size()).isZero();
        // an explicit hash key routes by the children's ranges too
        assertThat(h.put("k", new byte[0], TOP.toString()).shardId()).isEqualTo(S2);
        assertThat(h.put("k", new byte[0], "0").shardId()).isEqualTo(S1);
    }

    @Test
    void aClosedParentKeepsItsRecordsUntilRetentionEnds() { // rule 11.1
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().shards(1).build();
        StreamRecord old = h.put("k", "before the split");
        h.splitShard(S0);
        assertThat(h.shard(S0).records()).containsExactly(old);
        assertThat(h.shard(S0).record(old.sequenceNumber())).contains(old);
        // a mapping created an hour later still reads the closed parent from TRIM_HORIZON
        h.advance(Duration.ofHours(1));
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), collect(seen));
        h.runUntilIdle();
        assertThat(seen).containsExactly("before the split");
        // past retention (24 h), a mapping that had not reached it loses it, as on an open shard
        StreamHarness late = StreamHarness.builder().shards(1).build();
        StreamRecord lost = late.put("k", "x");
        late.splitShard(S0);
        late.advance(Duration.ofHours(25));
        MappedFunction g = late.addMapping(EventSourceMappingConfig.defaults(), collect(new ArrayList<>()));
        late.runUntilIdle();
        assertThat(g.ledger().stateOf(lost)).isEqualTo(RecordState.BEFORE_STARTING_POSITION);
        assertThat(f.ledger().stateOf(old)).isEqualTo(RecordState.COMMITTED);
    }

    @Test
    void mergeListsTheShardGivenThenTheAdjacentOneAndCoversBothRanges() { // rule 11.1
        StreamHarness h = StreamHarness.builder().shards(3).build();
        Shard merged = h.mergeShards(S2, S1);
        assertThat(merged.id()).isEqualTo(S3);
        assertThat(merged.parentShardIds()).containsExactly(S2, S1);
        assertThat(merged.startingHashKey()).isEqualTo(h.shard(S1).startingHashKey());
        assertThat(merged.endingHashKey()).isEqualTo(TOP);
        assertThat(h.shard(S1).isOpen()).isFalse();
        assertThat(h.shard(S2).childShardIds()).containsExactly(S3);
        assertThat(h.openShards()).extracting(Shard::id).containsExactly(S0, S3);
    }

    @Test
    void updateShardCountOpensEvenRangesWhoseParentsAreTheOverlappingClosedShards() { // rule 11.1 (modelled)
        StreamHarness h = StreamHarness.builder().shards(2).build();
        List<Shard> three = h.updateShardCount(3);
        assertThat(three).extracting(Shard::id).containsExactly(S2, S3, "shardId-000000000004");
        // thirds of 2^128: the middle one straddles the old halves
        assertThat(three.get(0).parentShardIds()).containsExactly(S0);
        assertThat(three.get(1).parentShardIds()).containsExactly(S0, S1);
        assertThat(three.get(2).parentShardIds()).containsExactly(S1);
        assertThat(three.get(1).startingHashKey())
                .isEqualTo(BigInteger.ONE.shiftLeft(128).divide(BigInteger.valueOf(3)));
        assertThat(h.shard(S0).childShardIds()).containsExactly(S2, S3);
        assertThat(h.openShards()).hasSize(3).allMatch(Shard::isOpen);
    }

    @Test
    void badReshardingCallsSayWhatWasWrong() { // rule 11.1; docs/bad-inputs.md
        StreamHarness h = StreamHarness.builder().shards(2).build();
        assertThatThrownBy(() -> h.splitShard("shardId-000000000009"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("splitShard: no shard shardId-000000000009 in stream test-stream; its open "
                        + "shards are shardId-000000000000 [0..");
        h.splitShard(S0);
        assertThatThrownBy(() -> h.splitShard(S0))
                .hasMessageStartingWith("splitShard: shard shardId-000000000000 is closed (its range went to "
                        + "shardId-000000000002, shardId-000000000003); only an open shard can be split or merged.");
        assertThatThrownBy(() -> h.mergeShards(S2, S1))
                .hasMessageStartingWith("mergeShards(\"shardId-000000000002\", \"shardId-000000000001\"): the shards "
                        + "are not adjacent (");
        assertThatThrownBy(() -> h.mergeShards(S1, S1)).hasMessageContaining("a shard cannot be merged with itself");
        assertThatThrownBy(() -> h.updateShardCount(7))
                .hasMessage("updateShardCount(7): the target shard count is out of range: stream test-stream has 3 "
                        + "open shard(s), so the target must be 2..6 (Kinesis UpdateShardCount scales at most to "
                        + "double, or down to half, the open shard count in one call; at most 10000 shards here)");
        assertThatThrownBy(() -> h.updateShardCount(1)).hasMessageContaining("must be 2..6");
    }

    @Test
    void aChildIsReadOnlyAfterItsParentIsReadToTheEndAndItsLastBatchCompleted() { // rule 0.10, 11.1
        Map<String, Integer> failures = new HashMap<>(Map.of("p2", 2)); // p2 fails twice: retried at +1 s, +2 s
        List<String> order = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().shards(1).build();
        h.put("k", "p0");
        h.put("k", "p1");
        h.put("k", "p2");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(),
                (RequestHandler<KinesisEvent, Void>) (event, context) -> {
                    String data = data(event);
                    if (failures.merge(data, -1, Integer::sum) >= 0) {
                        throw new IllegalStateException("flaky " + data);
                    }
                    order.add(data);
                    return null;
                });
        h.advance(Duration.ofMillis(500)); // p0, p1 done; p2 failed once and waits for its retry
        List<Shard> children = h.splitShard(S0);
        StreamRecord c0 = h.put("k", "c0");
        h.put("k", "c1");
        assertThat(children).extracting(Shard::id).contains(c0.shardId());
        h.runUntilIdle();

        assertThat(order).containsExactly("p0", "p1", "p2", "c0", "c1"); // per-key order across the split
        Invocation lastOfParent = f.invocations().all().stream().filter(i -> i.shardId().equals(S0))
                .reduce((a, b) -> b).orElseThrow();
        Invocation firstOfChild = f.invocations().all().stream().filter(i -> i.shardId().equals(c0.shardId()))
                .findFirst().orElseThrow();
        assertThat(lastOfParent.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z")); // retries at +1, +2 s
        assertThat(firstOfChild.startedAt()).isEqualTo(lastOfParent.endedAt());
        assertThat(f.invocations().timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.RESHARD)
                .extracting(TimelineEntry::at, TimelineEntry::text).contains(org.assertj.core.groups.Tuple.tuple(
                        lastOfParent.endedAt(), "child shard " + c0.shardId() + " is read from now: its parent "
                                + S0 + " is read to the end and the last batch completed (rule 0.10)"));
        f.ledger().verify();
    }

    @Test
    void aMergedShardWaitsForBothParents() { // rule 0.10, 11.1
        List<String> order = new ArrayList<>();
        Map<String, Integer> failures = new HashMap<>(Map.of("slow", 3));
        StreamHarness h = StreamHarness.builder().shards(2).build();
        StreamRecord a = putTo(h, S0, "fast");
        StreamRecord b = putTo(h, S1, "slow");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(),
                (RequestHandler<KinesisEvent, Void>) (event, context) -> {
                    String data = data(event);
                    if (failures.merge(data, -1, Integer::sum) >= 0) {
                        throw new IllegalStateException("flaky " + data);
                    }
                    order.add(data);
                    return null;
                });
        h.advance(Duration.ofMillis(100));
        Shard merged = h.mergeShards(S0, S1);
        h.put(a.partitionKey(), "after");
        h.runUntilIdle();
        assertThat(order).containsExactly("fast", "slow", "after");
        Invocation child = f.invocations().all().stream().filter(i -> i.shardId().equals(merged.id()))
                .findFirst().orElseThrow();
        assertThat(child.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:07Z")); // 1 + 2 + 4 s
        assertThat(b.shardId()).isEqualTo(S1);
    }

    @Test
    void aCaughtUpParentLetsItsChildrenBeReadAtOnce() { // rule 0.10
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().shards(1).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), collect(seen));
        h.put("k", "parent");
        h.runUntilIdle();
        h.splitShard(S0);
        h.put("k", "child");
        h.runUntilIdle();
        assertThat(seen).containsExactly("parent", "child");
        assertThat(f.invocations().timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.RESHARD)
                .extracting(TimelineEntry::text)
                .containsExactly("shard split: shardId-000000000000 closed; its range went to shardId-000000000001 "
                        + "and shardId-000000000002 (rule 11.1)");
    }

    @Test
    void aMappingCreatedAfterTheSplitReadsTheParentsBeforeTheChildren() { // rule 0.10, 2.6
        List<String> seen = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().shards(1).build();
        for (int i = 0; i < 5; i++) {
            h.put("k", "p" + i);
        }
        h.splitShard(S0);
        for (int i = 0; i < 5; i++) {
            h.put("k", "c" + i);
        }
        h.addMapping(EventSourceMappingConfig.builder().batchSize(2).build(), collect(seen),
                FunctionSettings.named("trim"));
        h.addMapping(EventSourceMappingConfig.builder().startingPosition(StartingPosition.LATEST).build(),
                collect(latest), FunctionSettings.named("latest"));
        h.put("k", "new");
        h.runUntilIdle();
        assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "c0", "c1", "c2", "c3", "c4", "new");
        assertThat(latest).containsExactly("new");
    }

    @Test
    void childrenStartWithFreshLanesAndRetryCounts() { // rule 11.1: lanes start fresh in children
        StreamHarness h = StreamHarness.builder().shards(1).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1)
                        .parallelizationFactor(2).onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq").build(),
                (RequestHandler<KinesisEvent, Void>) (event, context) -> {
                    throw new IllegalStateException("always");
                });
        h.put("k", "in the parent");
        h.runUntilIdle();
        h.splitShard(S0);
        StreamRecord child = h.put("k", "in the child");
        h.runUntilIdle();
        assertThat(f.deadLetterQueue().messages()).extracting(DeadLetter::shardId, DeadLetter::approximateInvokeCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(S0, 2),
                        org.assertj.core.groups.Tuple.tuple(child.shardId(), 2));
        assertThat(f.position(child.shardId()).checkpoint()).contains(child);
    }

    @Test
    void aSplitWhileThreadsPutTakesThePutLockSoNoRecordReachesTheClosedParent() throws Exception { // rule 11.1, 19.2
        StreamHarness h = StreamHarness.builder().shards(1).build();
        int threads = 4;
        int each = 2_000;
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(threads);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread p = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < each; i++) {
                    h.put("t" + id + "-" + i, "x");
                }
            });
            producers.add(p);
            p.start();
        }
        started.await();
        h.splitShard(S0);
        int parentSize = h.shard(S0).size(); // nothing may be added to the parent once the split returned
        for (Thread p : producers) {
            p.join();
        }
        assertThat(h.shard(S0).size()).isEqualTo(parentSize);
        assertThat(h.shards().stream().mapToInt(Shard::size).sum()).isEqualTo(threads * each);
        assertThat(h.shard(S1).records()).allMatch(r -> r.shardId().equals(S1));
    }

    private static StreamRecord putTo(StreamHarness h, String shardId, String data) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            BigInteger hash = new BigInteger(1, md5(key));
            Shard s = h.shard(shardId);
            if (s.startingHashKey().compareTo(hash) <= 0 && hash.compareTo(s.endingHashKey()) <= 0) {
                return h.put(key, data);
            }
        }
    }

    static RequestHandler<KinesisEvent, Void> collect(List<String> into) {
        return (event, context) -> {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                into.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
            }
            return null;
        };
    }

    private static String data(KinesisEvent event) {
        StringBuilder out = new StringBuilder();
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(StandardCharsets.UTF_8.decode(r.getKinesis().getData()));
        }
        return out.toString();
    }

    private static byte[] md5(String key) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
