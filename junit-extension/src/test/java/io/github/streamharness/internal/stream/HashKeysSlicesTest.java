package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The precomputed lane slices place every key exactly where floor(hashKey * n / 2^128) does (spec 0.8). */
class HashKeysSlicesTest {

    @Test
    void slicesAgreeWithTheArithmeticOnBoundariesAndRandomKeys() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 1; n <= 17; n++) {
            HashKeys.Slices slices = new HashKeys.Slices(n);
            for (int i = 0; i <= n; i++) {
                BigInteger start = HashKeys.SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
                for (BigInteger k : new BigInteger[] {start.subtract(BigInteger.ONE), start, start.add(BigInteger.ONE)}) {
                    if (k.signum() >= 0 && k.compareTo(HashKeys.SPACE) < 0) {
                        assertThat(slices.of(k)).as("n=%d key=%s", n, k).isEqualTo(HashKeys.slice(k, n));
                    }
                }
            }
            for (int i = 0; i < 2_000; i++) {
                BigInteger k = HashKeys.ofPartitionKey("key-" + random.nextLong());
                assertThat(slices.of(k)).isEqualTo(HashKeys.slice(k, n));
            }
        }
    }

    @Test
    void sequenceNumbersKeepTheirFiftySixDigitShape() {
        StreamLog stream = new StreamLog("s", "arn", 2, 1_767_225_600L, 86_400_000L);
        ShardLog shard = stream.shards().get(1);
        assertThat(shard.sequenceNumber(0)).hasSize(56).endsWith("000000000000000000");
        assertThat(shard.sequenceNumber(1_234_567)).hasSize(56).endsWith("000000000001234567");
        assertThat(shard.indexOf(shard.sequenceNumber(Integer.MAX_VALUE))).isEqualTo(-1); // beyond size
        assertThat(shard.sequenceNumber(7)).startsWith("49" + "000001767225600" + "000000000000000000001");
    }
}
