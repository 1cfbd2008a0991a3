package io.github.streamharness.internal.stream;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * The stream's memo of hash keys: a partition key's MD5 hash key (with its route and lane, {@link KeyHash}) and an
 * explicit hash key's parsed value, each computed once per distinct text, since producers reuse a bounded set of
 * keys (devices, users). Both maps are bounded: a producer of unique keys pays one MD5 or one parse per put. Not
 * thread-safe: {@link StreamLog} uses it under its lock.
 */
final class KeyHashes {
    private static final int CACHE_SIZE = 1 << 16;

    private final Map<String, KeyHash> partitionKeys = new HashMap<>();
    private final Map<String, BigInteger> explicitHashKeys = new HashMap<>();
    /** Made on the first key that needs hashing: a one-shard stream without lanes never does. */
    private MessageDigest md5;

    /** A partition key's hash. */
    KeyHash of(String partitionKey) {
        KeyHash key = partitionKeys.get(partitionKey);
        if (key == null) {
            if (partitionKeys.size() >= CACHE_SIZE) {
                partitionKeys.clear();
            }
            if (md5 == null) {
                md5 = HashKeys.md5();
            }
            key = new KeyHash(HashKeys.ofPartitionKey(partitionKey, md5));
            partitionKeys.put(partitionKey, key);
        }
        return key;
    }

    /** A checked explicit hash key; throws {@link IllegalArgumentException} naming the text when it is not one. */
    BigInteger explicit(String explicitHashKey) {
        BigInteger key = explicitHashKeys.get(explicitHashKey);
        if (key == null) {
            key = HashKeys.ofExplicitHashKey(explicitHashKey);
            if (explicitHashKeys.size() >= CACHE_SIZE) {
                explicitHashKeys.clear();
            }
            explicitHashKeys.put(explicitHashKey, key);
        }
        return key;
    }
}
