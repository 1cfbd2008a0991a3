package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shards, hash key ranges, MD5 routing, sequence numbers and arrival times (issue 2; section 12, 3.2, 0.8). */
class StreamRoutingTest {

    @Test
    void shardIdsAndEvenHashKeyRangesAsKinesisCreatesThem() {
        StreamHarness h = StreamHarness.builder().shards(4).build();
        assertThat(h.shards()).extracting(Shard::id).containsExactly("shardId-000000000000",
                "shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
        // the values CreateStream gives a 4-shard stream
        assertThat(h.shard(1).startingHashKey()).isEqualTo(new BigInteger("85070591730234615865843651857942052864"));
        assertThat(h.shard(0).endingHashKey()).isEqualTo(new BigInteger("85070591730234615865843651857942052863"));
        assertThat(h.shard(3).endingHashKey())
                .isEqualTo(new BigInteger("340282366920938463463374607431768211455")); // 2^128 - 1
    }

    @Test
    void partitionKeysAreRoutedByMd5LikeKinesis() {
        // expected shards computed independently: int(md5(key).hexdigest(), 16) * 4 >> 128
        Map<String, Integer> expected = Map.of("user-1", 3, "user-2", 0, "order-42", 1, "alpha", 0, "beta", 2,
                "gamma", 0, "delta", 1, "pk-7", 1);
        StreamHarness h = StreamHarness.builder().shards(4).build();
        Map<String, Integer> actual = new HashMap<>();
        expected.keySet().forEach(k -> actual.put(k, h.shardOf(h.put(k, "x")).index()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anExplicitHashKeyOverridesTheMd5OfThePartitionKey() {
        StreamHarness h = StreamHarness.builder().shards(4).build();
        StreamRecord r = h.put("user-1", new byte[]{1}, "85070591730234615865843651857942052864");
        assertThat(r.shardId()).isEqualTo("shardId-000000000001");
        assertThatThrownBy(() -> h.put("k", new byte[0], "340282366920938463463374607431768211456"))
                .hasMessageContaining("outside the hash key range");
        assertThatThrownBy(() -> h.put("k", new byte[0], "abc")).hasMessageContaining("not a decimal integer");
    }

    @Test
    void sequenceNumbersHave56DigitsAndIncreaseStrictlyPerShard() { // rule 12.1
        StreamHarness h = StreamHarness.builder().shards(2).build();
        Map<String, BigInteger> last = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            StreamRecord r = h.put("key-" + i, "v");
            assertThat(r.sequenceNumber()).matches("[1-9]\\d{55}");
            BigInteger seq = new BigInteger(r.sequenceNumber());
            BigInteger previous = last.put(r.shardId(), seq);
            if (previous != null) {
                assertThat(seq).isGreaterThan(previous);
            }
        }
        // rule 12.2: the same number may appear in two shards; identity is (shard, sequence number)
        StreamRecord a = h.shard(0).records().get(0);
        StreamRecord b = h.shard(1).records().get(0);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void arrivalTimesComeFromTheVirtualClockInMilliseconds() {
        StreamHarness h = StreamHarness.builder().build();
        h.advance(Duration.ofNanos(1_500_700));
        StreamRecord r = h.put("k", "v");
        assertThat(h.clock().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00.001500700Z"));
        assertThat(r.approximateArrivalTimestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.001Z"));
    }

    @Test
    void recordsOlderThanRetentionAreGoneForAMappingThatHadNotReachedThem() {
        StreamHarness h = StreamHarness.builder().build();
        StreamRecord old = h.put("k", "old");
        h.advance(Duration.ofHours(25));
        StreamRecord fresh = h.put("k", "fresh");
        List<String> seen = new ArrayList<>();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), BatchingTest.collect(seen));
        h.runUntilIdle();
        assertThat(seen).containsExactly("fresh"); // TRIM_HORIZON = oldest retained record (rule 2.6)
        assertThat(f.ledger().stateOf(old)).isEqualTo(RecordState.BEFORE_STARTING_POSITION);
        assertThat(f.ledger().stateOf(fresh)).isEqualTo(RecordState.COMMITTED);
        f.ledger().verify();
    }

    @Test
    void parallelizationFactorTenKeepsPerKeyOrderAcrossLanes() { // rule 3.2, 0.8
        Map<String, List<Integer>> seenPerKey = new HashMap<>();
        List<Integer> lanesUsed = new ArrayList<>();
        VirtualClock[] clock = new VirtualClock[1];
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(5).parallelizationFactor(10).build())
                .functionTimeout(Duration.ofSeconds(10))
                .handler((e, c) -> {
                    for (KinesisEvent.KinesisEventRecord r : e.getRecords()) {
                        String[] parts = java.nio.charset.StandardCharsets.UTF_8.decode(r.getKinesis().getData())
                                .toString().split(":");
                        seenPerKey.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
                    }
                    clock[0].sleep(Duration.ofSeconds(2)); // lanes overlap in virtual time
                    return null;
                }).build();
        clock[0] = h.clock();
        for (int i = 0; i < 500; i++) {
            String key = "key-" + (i % 100);
            h.put(key, key + ":" + i);
        }
        h.runUntilIdle();
        h.invocations().all().forEach(i -> lanesUsed.add(i.lane()));
        assertThat(lanesUsed).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        seenPerKey.forEach((key, values) -> assertThat(values).as(key).isSorted().hasSize(5));
        // concurrency: invocations of different lanes overlap in virtual time
        assertThat(h.invocations().all().get(1).startedAt()).isBefore(h.invocations().all().get(0).endedAt());
        // each lane is the key's MD5, read as an unsigned big-endian number, modulo N (rule 0.8)
        for (Invocation inv : h.invocations().all()) {
            for (StreamRecord r : inv.records()) {
                BigInteger hash = new BigInteger(1, md5(r.partitionKey()));
                assertThat(hash.mod(BigInteger.TEN).intValue()).isEqualTo(inv.lane());
            }
        }
        h.ledger().verify();
    }

    @Test
    void tenShardsWithParallelizationFactorTenRunAHundredLanes() { // rule 0.8, 3.2
        // the seed incident's fix: 10 shards x PF 10 = 100 concurrent lanes, so 1,000 records of 10 virtual seconds
        // each take about 100 s (the busiest lane's share), not the 18m30s of about one lane per shard
        VirtualClock[] clock = new VirtualClock[1];
        StreamHarness h = StreamHarness.builder().shards(10)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).parallelizationFactor(10).build())
                .functionTimeout(Duration.ofSeconds(30))
                .handler((e, c) -> {
                    clock[0].sleep(Duration.ofSeconds(10));
                    return null;
                }).build();
        clock[0] = h.clock();
        Instant start = h.clock().now();
        // 10 keys for each (shard, lane), chosen by MD5 here: shard = md5 * 10 >> 128, lane = md5 mod 10
        int[] perLane = new int[100];
        int put = 0;
        for (int i = 0; put < 1_000; i++) {
            BigInteger hash = new BigInteger(1, md5("host-" + i));
            int lane = hash.multiply(BigInteger.TEN).shiftRight(128).intValue() * 10 + hash.mod(BigInteger.TEN).intValue();
            if (perLane[lane] < 10) {
                perLane[lane]++;
                put++;
                h.put("host-" + i, "metric " + i);
            }
        }
        h.runUntilIdle();
        Duration took = Duration.between(start, h.invocations().all().stream().map(Invocation::endedAt)
                .max(Instant::compareTo).orElseThrow());
        assertThat(took).isEqualTo(Duration.ofSeconds(100));
        assertThat(h.invocations().all()).hasSize(1_000).extracting(Invocation::lane)
                .contains(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        h.ledger().verify();
    }

    @Test
    void aFailingLaneBlocksOnlyItself() { // rule 3.3, 0.8
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().parallelizationFactor(10).build())
                .handler((e, c) -> {
                    for (KinesisEvent.KinesisEventRecord r : e.getRecords()) {
                        if (r.getKinesis().getPartitionKey().equals("user-1")) {
                            throw new IllegalStateException("poison");
                        }
                        seen.add(r.getKinesis().getPartitionKey());
                    }
                    return null;
                }).build();
        h.put("user-1", "poison"); // lane 0 of 10
        h.put("user-2", "ok");     // lane 5
        h.put("beta", "ok");       // lane 8
        h.advance(Duration.ofMinutes(5));
        assertThat(seen).containsExactlyInAnyOrder("user-2", "beta");
        ShardPosition p = h.position("shardId-000000000000");
        assertThat(p.blocked()).isTrue();
        assertThat(p.pending()).isEqualTo(1);
    }

    private static byte[] md5(String s) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset
                    .StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
