package io.github.streamharness.assertj;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shard lineage assertions after a split and a merge (rule 11.1). */
class ShardAssertTest {
    private static final String S0 = "shardId-000000000000";
    private static final String S1 = "shardId-000000000001";
    private static final String S2 = "shardId-000000000002";
    private static final String S3 = "shardId-000000000003";

    @Test
    void aSplitAndAMergeReadFluently() { // rule 11.1
        StreamHarness stream = StreamHarness.builder().build();
        stream.splitShard(S0);
        stream.mergeShards(S2, S1);
        BigInteger top = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        assertThat(stream.shard(0)).isClosed().hasNoParents().hasChildren(S1, S2);
        assertThat(stream.shard(1)).isClosed().hasParents(S0).hasChildren(S3)
                .hasHashKeyRange(BigInteger.ZERO, top.shiftRight(1));
        assertThat(stream.shard(S3)).isOpen().hasParents(S2, S1).hasChildren().hasHashKeyRange(BigInteger.ZERO, top);
    }

    @Test
    void aKeysOrderIsFollowedFromTheParentIntoTheChild() { // rule 0.10
        java.util.List<String> seen = new java.util.ArrayList<>();
        StreamHarness stream = StreamHarness.builder().handler(
                (com.amazonaws.services.lambda.runtime.RequestHandler<
                        com.amazonaws.services.lambda.runtime.events.KinesisEvent, Void>) (event, context) -> {
                    seen.add(String.valueOf(event.getRecords().size()));
                    return null;
                }).build();
        for (int i = 0; i < 50; i++) {
            stream.put("device-" + (i % 7), "{\"seq\":" + i + "}");
        }
        stream.splitShard(S0);
        for (int i = 50; i < 100; i++) {
            stream.put("device-" + (i % 7), "{\"seq\":" + i + "}");
        }
        stream.runUntilIdle();
        assertThat(stream).invocations().keptOrderPerPartitionKeyAcrossResharding().keptOrderPerPartitionKey();
        assertThat(stream.shard(0)).isClosed().hasChildren(S1, S2);
    }

    @Test
    void failuresSayWhatTheLineageIs() {
        StreamHarness stream = StreamHarness.builder().build();
        stream.splitShard(S0);
        assertThatThrownBy(() -> assertThat(stream.shard(0)).isOpen())
                .hasMessageContaining("to be open%nbut it was split or merged into shardId-000000000001, "
                        .formatted() + "shardId-000000000002");
        assertThatThrownBy(() -> assertThat(stream.shard(1)).isClosed())
                .hasMessageContaining("but it is open: it was never split or merged");
        assertThatThrownBy(() -> assertThat(stream.shard(1)).hasParents(S2))
                .hasMessageContaining(String.format("Expecting the parents of:%n  shardId-000000000001 ["))
                .hasMessageContaining(String.format("to be:%n  [\"shardId-000000000002\"]%nbut were:%n  "
                        + "[\"shardId-000000000000\"]"));
    }
}
