package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Hash keys, lanes and sequence numbers of the stream model. */
class HashKeysTest {

    @Test
    void aKeysLaneIsItsMd5ReadAsAnUnsignedBigEndianNumberModuloTheFactor() { // rule 0.8
        for (String key : new String[] {"user-1", "user-2", "beta", "", "\u00e9t\u00e9"}) {
            BigInteger md5 = new BigInteger(1, digest(key));
            for (int n = 1; n <= 10; n++) {
                assertThat(HashKeys.lane(HashKeys.ofPartitionKey(key), n)).as("%s n=%d", key, n)
                        .isEqualTo(md5.mod(BigInteger.valueOf(n)).intValue());
            }
        }
        // a modulo, not a slice of the key space: 2^127 (the middle of the space) is lane 0 of 2, not lane 1
        assertThat(HashKeys.lane(BigInteger.ONE.shiftLeft(127), 2)).isZero();
        assertThat(HashKeys.lane(HashKeys.SPACE.subtract(BigInteger.ONE), 10)).isEqualTo(5);
        assertThat(HashKeys.lane(BigInteger.valueOf(13), 10)).isEqualTo(3);
    }

    @Test
    void theLaneIsTheExactModuloForEveryKeyOfTheSpaceAndEveryFactor() { // rule 0.8
        java.util.Random random = new java.util.Random(19);
        for (int i = 0; i < 20_000; i++) {
            BigInteger key = new BigInteger(1 + random.nextInt(128), random);
            int n = i % 3 == 0 ? 1 + random.nextInt(Integer.MAX_VALUE) : 1 + random.nextInt(1_000);
            assertThat(HashKeys.lane(key, n)).as("%s mod %d", key, n).isEqualTo(key.mod(BigInteger.valueOf(n)).intValue());
        }
        for (BigInteger edge : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), HashKeys.SPACE.subtract(BigInteger.ONE)}) {
            for (int n : new int[] {2, 3, 7, 10, 1_000, Integer.MAX_VALUE}) {
                assertThat(HashKeys.lane(edge, n)).as("%s mod %d", edge, n)
                        .isEqualTo(edge.mod(BigInteger.valueOf(n)).intValue());
            }
        }
    }

    @Test
    void aLaneFactorBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HashKeys.lane(BigInteger.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be positive, got 0");
    }

    private static byte[] digest(String key) {
        try {
            return java.security.MessageDigest.getInstance("MD5")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
