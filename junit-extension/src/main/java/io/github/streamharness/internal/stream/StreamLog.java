package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-process Kinesis stream: shards with hash-key ranges split evenly over 2^128, MD5 routing of partition keys
 * (or an explicit hash key), and listeners (the mappings) told of every record written.
 *
 * <p>{@link #put} is thread-safe, as a Kinesis client is (rule 19.2): each put is atomic under one lock, from the
 * routing to the last listener, so it gets a sequence number of its own and every listener sees it exactly once, in
 * shard order. The lock is uncontended on the usual single-threaded path.
 */
public final class StreamLog {
    /** Something that reads the stream: told of each record as it is written. */
    public interface Listener {
        /**
         * A record was appended at index {@code recordIndex} of {@code shard}, arriving at {@code arrivalMillis};
         * {@code key} is its partition key's hash, or null when the stream did not need it (one shard, or an
         * explicit hash key): ask {@link #keyHash(String)} then. No {@link StreamRecord} is made for the listener:
         * {@link ShardLog#get} makes one when it needs the whole record.
         */
        void recordWritten(ShardLog shard, int recordIndex, long arrivalMillis, KeyHash key);

        /**
         * The stream was resharded (rule 11.1): {@code closed} no longer take records, {@code opened} (new shards,
         * in index order, each naming its parents) took over their ranges. {@code what} says what happened, for a
         * timeline.
         */
        default void resharded(List<ShardLog> closed, List<ShardLog> opened, String what) {
        }
    }

    /** Kinesis's default maximum record size: 1 MiB (rule 19.1). */
    public static final int DEFAULT_MAX_RECORD_SIZE_KIB = 1_024;
    /** The largest maximum record size a stream can be given: 10 MiB (rule 19.1). */
    public static final int LARGEST_MAX_RECORD_SIZE_KIB = 10_240;

    private final String name;
    private final String arn;
    private final long createdEpochSecond;
    private boolean releaseCommitted;
    /** Every shard ever, by index (copy on write: readers iterate without the lock). */
    private volatile List<ShardLog> shards;
    /** The open shards in hash key order: where put routes. */
    private volatile List<ShardLog> open;
    /** The readers, copied on each add (rare): a put walks a plain array. */
    private Listener[] listeners = new Listener[0];
    private final long retentionMillis;
    /** Partition keys' and explicit hash keys' values, computed once per distinct text. */
    private final KeyHashes keyHashes = new KeyHashes();
    /** Counts reshards: a key's remembered route is good for the epoch it was found in. */
    private int routingEpoch;
    /** Guards the shards' appends, the hash key cache and the listeners' view of each put. */
    private final ReentrantLock lock = new ReentrantLock();
    private final RecordLimits limits = new RecordLimits();

    /** A stream of {@code shardCount} shards created at {@code createdEpochSecond}. */
    public StreamLog(String name, String arn, int shardCount, long createdEpochSecond, long retentionMillis) {
        if (shardCount < 1) {
            throw new IllegalArgumentException("a stream needs at least 1 shard, got " + shardCount);
        }
        this.name = name;
        this.arn = arn;
        this.retentionMillis = retentionMillis;
        this.createdEpochSecond = createdEpochSecond;
        List<ShardLog> list = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            BigInteger start = HashKeys.rangeStart(i, shardCount);
            BigInteger end = HashKeys.rangeStart(i + 1, shardCount).subtract(BigInteger.ONE);
            list.add(new ShardLog(i, shardId(i), start, end, createdEpochSecond, List.of()));
        }
        this.shards = List.copyOf(list);
        this.open = this.shards;
    }

    /** A stream of the given shards (a real stream's: {@link ExternalStream}). */
    StreamLog(String name, String arn, List<ShardLog> given, long createdEpochSecond, long retentionMillis) {
        this.name = name;
        this.arn = arn;
        this.retentionMillis = retentionMillis;
        this.createdEpochSecond = createdEpochSecond;
        this.shards = List.copyOf(given);
        this.open = this.shards;
    }

    /**
     * Appends a record with {@code write} under the lock and tells every listener, as {@link #put} does; for
     * records a real stream numbered ({@link ExternalStream}).
     */
    StreamRecord appendAndTell(ShardLog shard, KeyHash key, Supplier<StreamRecord> write) {
        lock.lock();
        try {
            int index = shard.size();
            StreamRecord record = write.get();
            tell(shard, index, record.approximateArrivalEpochMillis(), key);
            return record;
        } finally {
            lock.unlock();
        }
    }

    private void tell(ShardLog shard, int index, long arrivalMillis, KeyHash key) {
        for (Listener l : listeners) {
            l.recordWritten(shard, index, arrivalMillis, key);
        }
    }

    /** {@code shardId-000000000000} style id of shard {@code i}. */
    public static String shardId(int i) {
        return "shardId-" + ShardLog.pad(i, 12);
    }

    /** Stream name. */
    public String name() {
        return name;
    }

    /** Stream ARN. */
    public String arn() {
        return arn;
    }

    /** Retention period in milliseconds. */
    public long retentionMillis() {
        return retentionMillis;
    }

    /** Every shard, open or closed, in index order. */
    public List<ShardLog> shards() {
        return shards;
    }

    /** The open shards, in hash key order. */
    public List<ShardLog> openShards() {
        return open;
    }

    /** The shard with this id, or null. */
    public ShardLog shard(String shardId) {
        for (ShardLog s : shards) {
            if (s.shardId().equals(shardId)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether each shard releases the records that every mapping has checkpointed past (keeping each mapping's
     * checkpoint record), so a long simulation runs in bounded memory. Ledger counts stay exact; released records
     * can no longer be listed or looked up.
     */
    public void releaseCommittedRecords(boolean release) {
        this.releaseCommitted = release; // set once, before any reshard
        for (ShardLog s : shards) {
            s.releaseCommittedRecords(release);
        }
    }

    /** The stream's maximum record size (data plus partition key) in KiB, 1024..10240 (rule 19.1). */
    public void maxRecordSizeInKiB(int kib) {
        limits.maxRecordSizeInKiB(kib);
    }

    /** The stream's maximum record size in bytes. */
    public int maxRecordSizeBytes() {
        return limits.maxRecordSizeBytes();
    }

    /** Registers a reader of the stream. */
    public void addListener(Listener listener) {
        lock.lock(); // a put on another thread walks the listeners under the lock
        try {
            Listener[] more = Arrays.copyOf(listeners, listeners.length + 1);
            more[listeners.length] = listener;
            listeners = more;
        } finally {
            lock.unlock();
        }
    }

    /** The open shard whose hash key range holds {@code hashKey}. */
    public ShardLog route(BigInteger hashKey) {
        List<ShardLog> shards = open;
        // binary search over the open shards' starting hash keys: the last shard starting at or below the key
        int lo = 1;
        int hi = shards.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (shards.get(mid).startingHashKey().compareTo(hashKey) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return shards.get(lo - 1);
    }

    /** Writes a record arriving at {@code arrivalMillis}; returns it after every listener has seen it. */
    public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey, long arrivalMillis) {
        limits.check(partitionKey, data);
        lock.lock();
        try {
            BigInteger explicit = explicitHashKey != null ? keyHashes.explicit(explicitHashKey) : null;
            return write(partitionKey, data, explicit, arrivalMillis, null).last();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes records {@code 0..n-1} of the arrays, in order, all arriving at {@code arrivalMillis}, as one call
     * under one lock (a producer's PutRecords); returns them after every listener has seen each. Every record is
     * checked first: when one is refused, the exception names it and nothing of the call is written. An
     * {@code explicitHashKeys} entry may be null (the partition key routes), or the whole array.
     */
    public List<StreamRecord> putAll(String[] partitionKeys, byte[][] data, String[] explicitHashKeys, int n,
            long arrivalMillis) {
        limits.checkAll(partitionKeys, data, n);
        WrittenRecords written = new WrittenRecords(n);
        lock.lock();
        try {
            BigInteger[] explicit = explicitHashKeys == null ? null : new BigInteger[n];
            for (int i = 0; explicit != null && i < n; i++) { // parsed before the first write: refused, none written
                try {
                    explicit[i] = explicitHashKeys[i] == null ? null : keyHashes.explicit(explicitHashKeys[i]);
                } catch (IllegalArgumentException e) {
                    throw RecordLimits.refused(i, n, e);
                }
            }
            // with several open shards, the keys' hashes first, in a loop of their own: the lookups of different
            // records overlap there, where between two records' writes each would wait for the one before
            KeyHash[] hashes = open.size() == 1 ? null : keyHashes.ofAll(partitionKeys, explicit, n);
            for (int i = 0; i < n; i++) {
                ShardLog shard = write(partitionKeys[i], data[i], explicit == null ? null : explicit[i],
                        arrivalMillis, hashes == null ? null : hashes[i]);
                written.set(i, shard, shard.size() - 1);
            }
        } finally {
            lock.unlock();
        }
        return written;
    }

    /**
     * Routes and appends one checked record and tells the listeners; under the lock. Returns its shard. {@code known}
     * is the partition key's hash when the caller looked it up already, or null.
     */
    private ShardLog write(String partitionKey, byte[] data, BigInteger explicit, long arrivalMillis, KeyHash known) {
        // with one shard nothing routes by hash key: readers that need one (lanes) ask keyHash themselves;
        // resharding takes the same lock, so a put routes among the open shards of one moment (rule 11.1)
        List<ShardLog> routes = open;
        KeyHash key = null;
        ShardLog shard;
        if (routes.size() == 1) {
            shard = routes.get(0);
        } else if (explicit != null) {
            shard = route(explicit);
        } else {
            key = known != null ? known : keyHashes.of(partitionKey);
            shard = key.routeIn(routingEpoch);
            if (shard == null) {
                shard = route(key.hashKey());
                key.routed(shard, routingEpoch);
            }
        }
        int index = shard.size();
        shard.add(partitionKey, data, arrivalMillis, key);
        tell(shard, index, arrivalMillis, key);
        return shard;
    }

    /**
     * How many records were ever written to the stream, in every shard, open or closed, released or held (each
     * mapping's ledger accounts for this many).
     */
    public long recordsWritten() {
        long total = 0;
        for (ShardLog s : shards) {
            total += s.size();
        }
        return total;
    }

    /** The MD5 hash key of a partition key (cached for repeated keys). */
    public BigInteger hashKeyOf(String partitionKey) {
        return keyHash(partitionKey).hashKey();
    }

    /** A partition key's hash, with its route and lane remembered (cached for repeated keys). */
    public KeyHash keyHash(String partitionKey) {
        lock.lock(); // the cache and the digest are shared by every putting thread
        try {
            return keyHashes.of(partitionKey);
        } finally {
            lock.unlock();
        }
    }

    /**
     * SplitShard (rule 11.1): closes the open shard {@code shardId} and opens two children that share its range
     * ([start, mid] and [mid + 1, end]); returns them.
     */
    public List<ShardLog> splitShard(String shardId, long nowMillis) {
        lock.lock();
        try {
            List<ShardLog> children = newShards(Resharding.split(name, shards, shardId));
            apply(List.of(shard(shardId)), children, nowMillis, "shard split: " + shardId + " closed; its range went "
                    + "to " + children.get(0).shardId() + " and " + children.get(1).shardId() + " (rule 11.1)");
            return children;
        } finally {
            lock.unlock();
        }
    }

    /** MergeShards (rule 11.1): closes two adjacent open shards and opens one that covers both; returns it. */
    public ShardLog mergeShards(String shardId, String adjacentShardId, long nowMillis) {
        lock.lock();
        try {
            ShardLog merged = newShards(List.of(Resharding.merge(name, shards, shardId, adjacentShardId))).get(0);
            apply(List.of(shard(shardId), shard(adjacentShardId)), List.of(merged), nowMillis, "shards merged: "
                    + shardId + " and " + adjacentShardId + " closed; their ranges went to " + merged.shardId()
                    + " (rule 11.1)");
            return merged;
        } finally {
            lock.unlock();
        }
    }

    /**
     * UpdateShardCount with uniform scaling (rule 11.1, modelled): closes every open shard and opens {@code n} with
     * even ranges, each child's parents being the closed shards whose ranges overlap it; returns the new shards.
     */
    public List<ShardLog> updateShardCount(int n, long nowMillis) {
        lock.lock();
        try {
            List<ShardLog> closing = open;
            List<ShardLog> children = newShards(Resharding.scale(name, shards, n));
            apply(closing, children, nowMillis, "shard count updated: " + closing.size() + " open shard(s) closed, "
                    + n + " opened (" + children.get(0).shardId() + ".." + children.get(n - 1).shardId()
                    + ", rule 11.1)");
            return children;
        } finally {
            lock.unlock();
        }
    }

    /** The shard logs of a reshard's {@code layout}, numbered after every shard the stream has. */
    private List<ShardLog> newShards(List<Resharding.Child> layout) {
        return Resharding.logs(layout, shards.size(), createdEpochSecond);
    }

    private void apply(List<ShardLog> closing, List<ShardLog> opened, long nowMillis, String what) {
        List<ShardLog> all = new ArrayList<>(shards);
        all.addAll(opened);
        for (ShardLog parent : closing) {
            List<String> children = new ArrayList<>();
            for (ShardLog child : opened) {
                if (child.parentShardIds().contains(parent.shardId())) {
                    children.add(child.shardId());
                }
            }
            parent.close(children, nowMillis);
        }
        for (ShardLog child : opened) {
            child.releaseCommittedRecords(releaseCommitted);
        }
        List<ShardLog> routes = new ArrayList<>();
        for (ShardLog s : all) {
            if (s.isOpen()) {
                routes.add(s);
            }
        }
        routes.sort((x, y) -> x.startingHashKey().compareTo(y.startingHashKey()));
        this.shards = List.copyOf(all);
        this.open = List.copyOf(routes);
        routingEpoch++; // every key's remembered route is stale now
        for (Listener l : listeners) {
            l.resharded(List.copyOf(closing), List.copyOf(opened), what);
        }
    }

    /** The shard that holds {@code record}, or null when it is not a record of this stream. */
    public ShardLog shardOf(StreamRecord record) {
        ShardLog shard = shard(record.shardId());
        return shard != null && shard.indexOf(record.sequenceNumber()) >= 0 ? shard : null;
    }
}
