package io.github.streamharness.internal.stream;

import java.math.BigInteger;

/**
 * A partition key's MD5 hash key with what the stream and the mappings derive from it, worked out once per key
 * instead of once per record: the open shard it routes to (until the next reshard) and its lane among a shard's
 * {@code n} lanes (rule 0.8). Producers reuse a bounded set of keys, so the stream caches one of these per key.
 */
public final class KeyHash {
    /** The partition key the hash is of. */
    final String partitionKey;
    private final BigInteger hashKey;
    /** The lane count and the lane of the last {@link #lane(int)} question, packed: {@code n << 32 | lane}. */
    private volatile long laneMemo;
    /** The open shard the key routes to, valid while the stream's routing epoch is {@link #routeEpoch}. */
    private ShardLog route;
    private int routeEpoch = -1;
    /** The key's id in {@link #idTable}, the key table it was last stored through; under the stream's lock. */
    private KeyTable idTable;
    private int keyId;

    KeyHash(String partitionKey, BigInteger hashKey) {
        this.partitionKey = partitionKey;
        this.hashKey = hashKey;
    }

    /** The key's hash key, an unsigned 128-bit integer. */
    public BigInteger hashKey() {
        return hashKey;
    }

    /** The key's lane among a shard's {@code n} lanes: {@link HashKeys#lane}, remembered for the last {@code n}. */
    public int lane(int n) {
        long memo = laneMemo; // one volatile read: the count and the lane always belong together
        if ((int) (memo >>> 32) == n) {
            return (int) memo;
        }
        int lane = HashKeys.lane(hashKey, n);
        laneMemo = (long) n << 32 | lane;
        return lane;
    }

    /** The shard the key routed to in routing epoch {@code epoch}, or null; read and set under the stream's lock. */
    ShardLog routeIn(int epoch) {
        return routeEpoch == epoch ? route : null;
    }

    void routed(ShardLog shard, int epoch) {
        this.route = shard;
        this.routeEpoch = epoch;
    }

    /** The key's id in {@code table}, looked up once per table rather than once per record; under the lock. */
    int idIn(KeyTable table, String partitionKey) {
        if (idTable != table) {
            keyId = table.idOf(partitionKey);
            idTable = table;
        }
        return keyId;
    }
}
