package io.github.streamharness.reliability;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule 19.1: data plus partition key is at most the stream's maximum record size (1 MiB by default, configurable up
 * to 10 MiB as MaxRecordSizeInKiB 1024..10240); a put over it fails and writes nothing. A partition key has 1 to 256
 * Unicode characters, counted as code points (an emoji is one character, two UTF-16 chars).
 */
class RecordSizeLimitTest {
    private static final int MIB = 1_048_576;

    @Test
    void putOverTheDefaultMaximumRecordSizeFailsWithKinesisTextAndWritesNothing() { // rule 19.1
        try (StreamHarness h = StreamHarness.builder().build()) {
            StreamRecord exact = h.put("k", new byte[MIB - 1]); // 1 MiB with its 1-byte partition key: accepted
            assertThat(exact.dataSize()).isEqualTo(MIB - 1);

            assertThatThrownBy(() -> h.put("k", new byte[MIB]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("InvalidArgumentException: the record is 1048577 bytes (data 1048576 + partition key "
                            + "1), over the stream's maximum record size of 1048576 bytes (MaxRecordSizeInKiB 1024); "
                            + "nothing was written (rule 19.1: data plus partition key count; raise the limit, up to "
                            + "10240 KiB, with StreamHarness.builder().maxRecordSizeInKiB(..))");
            assertThat(h.shard(0).records()).containsExactly(exact);
        }
    }

    @Test
    void partitionKeyCountsTowardTheRecordSizeInUtf8Bytes() { // rule 19.1
        try (StreamHarness h = StreamHarness.builder().build()) {
            String key = "\u00e9".repeat(10); // 10 characters, 20 UTF-8 bytes
            assertThatThrownBy(() -> h.put(key, new byte[MIB - 19]))
                    .hasMessageStartingWith("InvalidArgumentException: the record is 1048577 bytes (data 1048557 + "
                            + "partition key 20)");
            h.put(key, new byte[MIB - 20]);
            assertThat(h.shard(0).records()).hasSize(1);
        }
    }

    @Test
    void maximumRecordSizeCanBeRaisedToTenMebibytesAndNoFurther() { // rule 19.1
        try (StreamHarness h = StreamHarness.builder().maxRecordSizeInKiB(10_240).build()) {
            h.put("k", new byte[10 * MIB - 1]);
            assertThatThrownBy(() -> h.put("k", new byte[10 * MIB]))
                    .hasMessageStartingWith("InvalidArgumentException: the record is 10485761 bytes (data 10485760 + "
                            + "partition key 1), over the stream's maximum record size of 10485760 bytes "
                            + "(MaxRecordSizeInKiB 10240)");
            assertThat(h.shard(0).records()).hasSize(1);
        }
        assertThatThrownBy(() -> StreamHarness.builder().maxRecordSizeInKiB(10_241))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 validation error detected: Value '10241' at 'maxRecordSizeInKiB' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 10240 (MaxRecordSizeInKiB "
                        + "accepts 1024..10240, 1 to 10 MiB, default 1024)");
        assertThatThrownBy(() -> StreamHarness.builder().maxRecordSizeInKiB(1_023))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 validation error detected: Value '1023' at 'maxRecordSizeInKiB' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1024 (MaxRecordSizeInKiB "
                        + "accepts 1024..10240, 1 to 10 MiB, default 1024)");
    }

    @Test
    void partitionKeyOf200EmojiIsValidBecauseKinesisCountsCharacters() { // rule 19.1
        try (StreamHarness h = StreamHarness.builder().build()) {
            String key = "\uD83D\uDE00".repeat(200); // 200 characters, 400 UTF-16 chars
            StreamRecord r = h.put(key, "x");
            assertThat(r.partitionKey()).isEqualTo(key);

            assertThatThrownBy(() -> h.put("\uD83D\uDE00".repeat(257), "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got 257 characters");
            assertThat(h.shard(0).records()).containsExactly(r);
        }
    }
}
