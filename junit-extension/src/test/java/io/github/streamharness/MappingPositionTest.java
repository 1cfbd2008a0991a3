package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mapping reports of where it stands (ShardPosition, discarded records): while it is Creating (rule 18.2),
 * after retention took records nobody had asked about yet (rule 4.5), across the lanes of ParallelizationFactor 2
 * (rule 0.8), and the records it discarded without a destination, in order (rule 4.4).
 */
class MappingPositionTest {
    private static final String S0 = "shardId-000000000000";
    private static final String S1 = "shardId-000000000001";
    private static final RequestHandler<KinesisEvent, Void> NOTHING = (e, c) -> null;

    private static int laneOf(String key, int lanes) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, md5).mod(BigInteger.valueOf(lanes)).intValue();
    }

    private static String keyInLane(int lane) throws Exception {
        for (int i = 0; ; i++) {
            if (laneOf("key-" + i, 2) == lane) {
                return "key-" + i;
            }
        }
    }

    @Test
    void whileCreatingThePositionIsTheShardsOldestRecordWithEverythingPending() { // rule 18.2
        StreamHarness h = StreamHarness.builder().shards(2).mappingCreationDelay(Duration.ofSeconds(30)).build();
        StreamRecord first = h.put("k", new byte[1], "0");
        h.put("k", new byte[1], "1");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        ShardPosition p = f.position(S0);
        assertThat(p.checkpoint()).isEmpty();
        assertThat(p.next()).contains(first);
        assertThat(p.pending()).isEqualTo(2);
        ShardPosition empty = f.position(S1);
        assertThat(empty.next()).isEmpty();
        assertThat(empty.pending()).isZero();
    }

    @Test
    void thePositionSweepsRetentionBeforeItAnswers() { // rule 4.5
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().enabled(false).build(), NOTHING);
        StreamRecord r = h.put("pk", "x");
        h.advance(Duration.ofHours(24).plusMillis(1));
        ShardPosition p = f.position(S0); // the first question after the record left the stream
        assertThat(p.pending()).isZero();
        assertThat(p.next()).isEmpty();
        assertThat(p.checkpoint()).contains(r);
        assertThat(p.iteratorAge()).isZero();
    }

    @Test
    void withTwoLanesTheNextRecordIsTheLowestPendingOneOfAnyLane() throws Exception { // rule 0.8, 3.2
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().parallelizationFactor(2).enabled(false)
                .build(), NOTHING);
        StreamRecord inLaneOne = h.put(keyInLane(1), "first");
        h.put(keyInLane(0), "second");
        h.put(keyInLane(1), "third");
        ShardPosition p = f.position(S0);
        assertThat(p.next()).contains(inLaneOne);
        assertThat(p.pending()).isEqualTo(3);
        assertThat(p.blocked()).isFalse();
    }

    @Test
    void discardedListsTheRecordsDroppedWithoutADestinationInShardOrder() { // rule 4.4
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(0)
                .build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    if (e.getRecords().get(0).getKinesis().getPartitionKey().startsWith("bad")) {
                        throw new IllegalStateException("bad record");
                    }
                    return null;
                });
        StreamRecord bad1 = h.put("bad-1", "x");
        h.put("good", "x");
        StreamRecord bad2 = h.put("bad-2", "x");
        h.runUntilIdle();
        assertThat(f.discarded()).containsExactly(bad1, bad2);
        assertThat(f.ledger().count(RecordState.DISCARDED)).isEqualTo(2);
    }
}
