package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.Shard;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stream side of the model against the real stream: shard layout and sequence numbers (rule 3.1, 12). */
class StreamFactsOnBothBackendsTest {

    @ParameterizedTest
    @EnumSource(KinesisBackend.class)
    void sequenceNumbersAreDecimalsThatIncreaseWithinAShard(KinesisBackend backend) { // rule 12.1
        try (StreamHarness stream = backend.build(StreamHarness.builder().streamName("facts").shards(2))) {
            for (int i = 0; i < 12; i++) {
                stream.put("key-" + i, "v" + i);
            }
            stream.runUntilIdle();

            for (Shard shard : stream.shards()) {
                List<StreamRecord> records = shard.records();
                for (int i = 0; i < records.size(); i++) {
                    assertThat(records.get(i).sequenceNumber()).matches("[0-9]+");
                    // one length per shard: the 6 MB batch bound sizes every record by the shard's first number
                    assertThat(records.get(i).sequenceNumber()).hasSameSizeAs(records.get(0).sequenceNumber());
                    if (i > 0) {
                        assertThat(new BigInteger(records.get(i).sequenceNumber()))
                                .isGreaterThan(new BigInteger(records.get(i - 1).sequenceNumber()));
                    }
                }
            }
            assertThat(stream.shards().stream().mapToInt(Shard::size).sum()).isEqualTo(12);
        }
    }

    @ParameterizedTest
    @EnumSource(KinesisBackend.class)
    void theShardsSplitTheHashKeySpaceEvenly(KinesisBackend backend) { // rule 3.1
        try (StreamHarness stream = backend.build(StreamHarness.builder().streamName("facts").shards(3))) {
            List<Shard> shards = stream.shards();
            assertThat(shards).extracting(Shard::id).containsExactly("shardId-000000000000", "shardId-000000000001",
                    "shardId-000000000002");
            assertThat(shards.get(0).startingHashKey()).isEqualTo(BigInteger.ZERO);
            assertThat(shards.get(2).endingHashKey()).isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE));
            assertThat(shards.get(1).startingHashKey()).isEqualTo(shards.get(0).endingHashKey().add(BigInteger.ONE));
            assertThat(shards.get(1).startingHashKey())
                    .isEqualTo(new BigInteger("113427455640312821154458202477256070485"));
        }
    }
}
