package io.github.streamharness.internal.stream;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Kinesis hash keys: the MD5 of the partition key read as an unsigned 128-bit integer, or an explicit hash key
 * given by the producer (a decimal in 0..2^128-1).
 */
public final class HashKeys {
    /** 2^128, the size of the hash key space. */
    public static final BigInteger SPACE = BigInteger.ONE.shiftLeft(128);

    private HashKeys() {
    }

    /** The hash key Kinesis routes {@code partitionKey} by. */
    public static BigInteger ofPartitionKey(String partitionKey) {
        return ofPartitionKey(partitionKey, md5());
    }

    /** As {@link #ofPartitionKey(String)}, reusing a digest the caller owns (one per stream, never shared). */
    public static BigInteger ofPartitionKey(String partitionKey, MessageDigest md5) {
        return new BigInteger(1, md5.digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new MD5 digest. */
    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }

    /** Parses and checks an explicit hash key. */
    public static BigInteger ofExplicitHashKey(String explicitHashKey) {
        BigInteger value;
        try {
            value = new BigInteger(explicitHashKey);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ExplicitHashKey '" + explicitHashKey + "' is not a decimal integer; "
                    + "Kinesis expects a value in 0.." + SPACE.subtract(BigInteger.ONE), e);
        }
        if (value.signum() < 0 || value.compareTo(SPACE) >= 0) {
            throw new IllegalArgumentException("ExplicitHashKey '" + explicitHashKey + "' is outside the hash key "
                    + "range 0.." + SPACE.subtract(BigInteger.ONE));
        }
        return value;
    }

    /** The start of shard {@code i}'s range when the key space is split evenly over {@code n} shards. */
    public static BigInteger rangeStart(int i, int n) {
        if (i == 0) {
            return BigInteger.ZERO; // the ends of the space without a division: every stream has both (issue 19)
        }
        if (i == n) {
            return SPACE;
        }
        return SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
    }

    /**
     * The lane of a key among a shard's {@code n} lanes (rule 0.8): the key's MD5 hash key, read as an unsigned
     * 128-bit big-endian number, modulo {@code n}. Every shard has its own {@code n} lanes, so the result does not
     * depend on which shard the key routes to.
     */
    public static int lane(BigInteger hashKey, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        if (n == 1) {
            return 0;
        }
        if (hashKey.signum() < 0 || hashKey.bitLength() > 128) {
            return hashKey.mod(BigInteger.valueOf(n)).intValue();
        }
        // once per record: the key as hi * 2^64 + lo (unsigned), reduced in long arithmetic instead of a BigInteger
        // division (every product stays below 2^62 since n < 2^31)
        long lo = hashKey.longValue();
        long hi = hashKey.bitLength() > 64 ? hashKey.shiftRight(64).longValue() : 0;
        long twoTo64 = (Long.remainderUnsigned(-1L, n) + 1) % n;
        return (int) ((Long.remainderUnsigned(hi, n) * twoTo64 + Long.remainderUnsigned(lo, n)) % n);
    }
}
