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
        return SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
    }

    /**
     * {@link #slice(BigInteger, int)} for one fixed {@code n}, without arithmetic per key: the slice boundaries
     * ceil(i * 2^128 / n) are computed once and a key is placed by comparison (exactly the same result).
     */
    public static final class Slices {
        private final BigInteger[] starts;

        /** The {@code n} equal slices of the key space. */
        public Slices(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be positive, got " + n);
            }
            starts = new BigInteger[n - 1];
            BigInteger size = BigInteger.valueOf(n);
            for (int i = 1; i < n; i++) {
                BigInteger[] qr = SPACE.multiply(BigInteger.valueOf(i)).divideAndRemainder(size);
                starts[i - 1] = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            }
        }

        /** floor(hashKey * n / 2^128). */
        public int of(BigInteger hashKey) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) { // the number of slice starts at or below the key
                int mid = (lo + hi) >>> 1;
                if (starts[mid].compareTo(hashKey) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** floor(hashKey * n / 2^128): the lane of a key among n equal slices of the key space (spec 0.8). */
    public static int slice(BigInteger hashKey, int n) {
        if (n == 1) {
            return 0;
        }
        return hashKey.multiply(BigInteger.valueOf(n)).shiftRight(128).intValueExact();
    }
}
