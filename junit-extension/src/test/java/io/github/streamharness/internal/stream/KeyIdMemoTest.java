package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIdMemoTest {
    private static final long T0 = 1_767_225_600_000L;

    @Test
    void keysRememberedPerShardTableReadBackRightAcrossShardsAndASplit() { // rule 11.1: a split reroutes keys
        StreamLog s = new StreamLog("s", "arn:aws:kinesis:us-east-1:123456789012:stream/s", 3, T0 / 1000, 86_400_000);
        List<String> keys = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                s.splitShard(StreamLog.shardId(0), T0);
            }
            for (int k = 0; k < 40; k++) {
                keys.add("device-" + k);
                s.put(new String(("device-" + k).toCharArray()), new byte[] {(byte) k}, null, T0);
            }
        }
        List<String> read = new ArrayList<>();
        for (ShardLog shard : s.shards()) {
            for (int i = 0; i < shard.size(); i++) {
                StreamRecord r = shard.get(i);
                assertThat(r.partitionKey()).isEqualTo("device-" + r.dataBytes()[0]);
                read.add(r.partitionKey());
            }
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(keys);
    }
}
