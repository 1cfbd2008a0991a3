package io.github.streamharness.internal.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The layouts of rule 11.1's emulator: which ranges the children of a split, a merge or a uniform scaling get, who
 * their parents are, and the errors for calls Kinesis would refuse. Pure functions of the shards given; the stream
 * applies the result under its lock.
 */
final class Resharding {
    /** The most shards one UpdateShardCount may open (the harness's limit on a stream's shard count). */
    static final int MAX_SHARDS = 10_000;

    private Resharding() {
    }

    /** A shard to open: its range and its parents, in the order Kinesis reports them. */
    record Child(BigInteger start, BigInteger end, List<String> parents) {
    }

    /** The shard logs of {@code layout}'s children, numbered from {@code firstIndex} on, created with the stream. */
    static List<ShardLog> logs(List<Child> layout, int firstIndex, long createdEpochSecond) {
        List<ShardLog> made = new ArrayList<>(layout.size());
        int next = firstIndex;
        for (Child c : layout) {
            made.add(new ShardLog(next, StreamLog.shardId(next), c.start(), c.end(), createdEpochSecond, c.parents()));
            next++;
        }
        return made;
    }

    /** The two children of a split: [start, mid] and [mid + 1, end], mid = start + (end - start) / 2. */
    static List<Child> split(String stream, List<ShardLog> all, String shardId) {
        ShardLog parent = open(stream, all, "splitShard", shardId);
        if (parent.startingHashKey().equals(parent.endingHashKey())) {
            throw new IllegalArgumentException("splitShard(\"" + shardId + "\"): the shard covers the single hash key "
                    + parent.startingHashKey() + ", so it cannot be split; split a shard whose range holds at least two "
                    + "keys");
        }
        BigInteger start = parent.startingHashKey();
        BigInteger end = parent.endingHashKey();
        BigInteger mid = start.add(end.subtract(start).shiftRight(1));
        List<String> parents = List.of(parent.shardId());
        return List.of(new Child(start, mid, parents), new Child(mid.add(BigInteger.ONE), end, parents));
    }

    /** The merged shard of two adjacent open shards; its parents are (the shard given, the adjacent one). */
    static Child merge(String stream, List<ShardLog> all, String shardId, String adjacentShardId) {
        ShardLog a = open(stream, all, "mergeShards", shardId);
        ShardLog b = open(stream, all, "mergeShards", adjacentShardId);
        if (a == b) {
            throw new IllegalArgumentException("mergeShards(\"" + shardId + "\", \"" + adjacentShardId + "\"): a "
                    + "shard cannot be merged with itself; give two adjacent open shards");
        }
        boolean aFirst = a.endingHashKey().add(BigInteger.ONE).equals(b.startingHashKey());
        boolean bFirst = b.endingHashKey().add(BigInteger.ONE).equals(a.startingHashKey());
        if (!aFirst && !bFirst) {
            throw new IllegalArgumentException("mergeShards(\"" + shardId + "\", \"" + adjacentShardId + "\"): the "
                    + "shards are not adjacent (" + range(a) + " and " + range(b) + "): two shards merge only when "
                    + "one's hash key range ends right before the other's begins. Open shards in hash key order: "
                    + openInOrder(all));
        }
        return new Child(aFirst ? a.startingHashKey() : b.startingHashKey(),
                aFirst ? b.endingHashKey() : a.endingHashKey(), List.of(a.shardId(), b.shardId()));
    }

    /**
     * Uniform scaling to {@code n} shards with even ranges; each child's parents are the open shards whose ranges
     * overlap it, in hash key order (modelled: Kinesis reaches the same ranges through splits and merges).
     */
    static List<Child> scale(String stream, List<ShardLog> all, int n) {
        List<ShardLog> open = all.stream().filter(ShardLog::isOpen)
                .sorted((x, y) -> x.startingHashKey().compareTo(y.startingHashKey())).toList();
        int low = (open.size() + 1) / 2;
        int high = Math.min(MAX_SHARDS, open.size() * 2);
        if (n < low || n > high) {
            throw new IllegalArgumentException("updateShardCount(" + n + "): the target shard count is out of range: "
                    + "stream " + stream + " has " + open.size() + " open shard(s), so the target must be " + low
                    + ".." + high + " (Kinesis UpdateShardCount scales at most to double, or down to half, the open "
                    + "shard count in one call; at most " + MAX_SHARDS + " shards here)");
        }
        List<Child> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigInteger start = HashKeys.rangeStart(i, n);
            BigInteger end = HashKeys.rangeStart(i + 1, n).subtract(BigInteger.ONE);
            List<String> parents = new ArrayList<>();
            for (ShardLog s : open) {
                if (s.startingHashKey().compareTo(end) <= 0 && start.compareTo(s.endingHashKey()) <= 0) {
                    parents.add(s.shardId());
                }
            }
            children.add(new Child(start, end, parents));
        }
        return children;
    }

    private static ShardLog open(String stream, List<ShardLog> all, String call, String shardId) {
        ShardLog shard = null;
        for (ShardLog s : all) {
            if (s.shardId().equals(shardId)) {
                shard = s;
            }
        }
        if (shard == null) {
            throw new IllegalArgumentException(call + ": no shard " + shardId + " in stream " + stream
                    + "; its open shards are " + openInOrder(all));
        }
        if (!shard.isOpen()) {
            throw new IllegalArgumentException(call + ": shard " + shardId + " is closed (its range went to "
                    + String.join(", ", shard.childShardIds()) + "); only an open shard can be split or merged. Open "
                    + "shards: " + openInOrder(all));
        }
        return shard;
    }

    private static String openInOrder(List<ShardLog> all) {
        return all.stream().filter(ShardLog::isOpen)
                .sorted((x, y) -> x.startingHashKey().compareTo(y.startingHashKey()))
                .map(Resharding::range).collect(Collectors.joining(", "));
    }

    private static String range(ShardLog s) {
        return s.shardId() + " [" + s.startingHashKey() + ".." + s.endingHashKey() + "]";
    }
}
