package io.github.streamharness.internal.stream;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
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
    private static final int RECENT_SIZE = 1 << 12;

    private final Map<String, KeyHash> partitionKeys = new HashMap<>();
    /**
     * In front of the map: the last key seen at each slot of the key's {@code String} hash, found when a producer
     * passes the very same {@code String} again (its generator's key set, a device id kept in a field), as most do.
     * A hit reads the string's cached hash, one slot and the {@link KeyHash} the put reads anyway: one memory load
     * fewer than the map's entry, on a path that runs once per record.
     */
    private final KeyHash[] recent = new KeyHash[RECENT_SIZE];
    private final Map<String, BigInteger> explicitHashKeys = new HashMap<>();
    /** {@link #ofAll}'s answer, reused. */
    private KeyHash[] batch = new KeyHash[0];
    /** Made on the first key that needs hashing: a one-shard stream without lanes never does. */
    private MessageDigest md5;

    /** A partition key's hash. */
    KeyHash of(String partitionKey) {
        int slot = partitionKey.hashCode() & (RECENT_SIZE - 1);
        KeyHash seen = recent[slot];
        if (seen != null && seen.partitionKey == partitionKey) {
            return seen;
        }
        KeyHash key = partitionKeys.get(partitionKey);
        if (key == null) {
            if (partitionKeys.size() >= CACHE_SIZE) {
                partitionKeys.clear();
                Arrays.fill(recent, null);
            }
            if (md5 == null) {
                md5 = HashKeys.md5();
            }
            key = new KeyHash(partitionKey, HashKeys.ofPartitionKey(partitionKey, md5));
            partitionKeys.put(partitionKey, key);
        }
        recent[slot] = key;
        return key;
    }

    /**
     * The hashes of a call's {@code n} partition keys, in one array reused from call to call (good until the next
     * call); null where {@code explicit} (or null) gives the record an explicit hash key instead.
     */
    KeyHash[] ofAll(String[] partitionKeys, BigInteger[] explicit, int n) {
        KeyHash[] hashes = batch.length >= n ? batch : (batch = new KeyHash[n]);
        for (int i = 0; i < n; i++) {
            hashes[i] = explicit != null && explicit[i] != null ? null : of(partitionKeys[i]);
        }
        return hashes;
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
