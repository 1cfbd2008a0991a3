package io.github.streamharness.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stream around a scenario's lane: which records reach the lane, and which lane that is. The scenario's records
 * are exactly the lane's records; the setup adds records the lane must never see, and spreads the lane's records over
 * several partition keys of one (shard, lane) of a stream with several shards and ParallelizationFactor lanes.
 *
 * <p>The rules, written here independently of the engine:
 * <ul>
 *   <li>rule 0.8: a key's shard is floor(MD5 * shards / 2^128) (even hash key ranges), its lane MD5 mod
 *       ParallelizationFactor, MD5 read as an unsigned big-endian number; every shard has its own lanes;
 *   <li>rule 2.6: with AT_TIMESTAMP at the first lane record's arrival, set in the future when the mapping is
 *       created, the {@code recordsBeforeTimestamp} records written before it end BEFORE_STARTING_POSITION;
 *   <li>rule 9.1, 9.4: with a data filter, each record of {@code filteredBefore} (written just before that lane
 *       record) fails it and ends FILTERED; with {@code partitionKeyFilter} a second pattern names those records'
 *       partition key, which never matches, since Kinesis filters only on the data key.
 * </ul>
 *
 * @param shards                 shards of the stream, 1..4
 * @param parallelizationFactor  ParallelizationFactor, 1..10
 * @param partitionKeys          the partition key of each lane record, all routing to one (shard, lane)
 * @param recordsBeforeTimestamp with AT_TIMESTAMP, how many records are written before the timestamp; -1 for
 *                               TRIM_HORIZON
 * @param filteredBefore         lane record indices before each of which one filtered-out record is written
 * @param partitionKeyFilter     whether a pattern on partitionKey names the filtered-out records' key
 */
public record StreamSetup(int shards, int parallelizationFactor, List<String> partitionKeys,
                          int recordsBeforeTimestamp, List<Integer> filteredBefore, boolean partitionKeyFilter) {

    /** The partition key of every record the lane must not see because of the filter. */
    public static final String FILTERED_KEY = "filtered-out";

    /** Checks the setup: all lane keys route to one (shard, lane). */
    public StreamSetup {
        partitionKeys = List.copyOf(partitionKeys);
        filteredBefore = List.copyOf(filteredBefore);
        if (shards < 1 || shards > 4 || parallelizationFactor < 1 || parallelizationFactor > 10) {
            throw new IllegalArgumentException("need 1..4 shards and ParallelizationFactor 1..10");
        }
        for (String key : partitionKeys) {
            if (shardOf(key, shards) != shardOf(partitionKeys.get(0), shards)
                    || laneOf(key, parallelizationFactor) != laneOf(partitionKeys.get(0), parallelizationFactor)) {
                throw new IllegalArgumentException("key " + key + " routes to another lane than "
                        + partitionKeys.get(0));
            }
        }
        for (int i : filteredBefore) {
            if (i < 0 || i >= partitionKeys.size()) {
                throw new IllegalArgumentException("filteredBefore index " + i + " is not a lane record");
            }
        }
    }

    /** One shard, one lane, key "pk", TRIM_HORIZON, no filter: the plain one-lane scenario. */
    public static StreamSetup oneLane(int records) {
        return new StreamSetup(1, 1, Collections.nCopies(records, "pk"), -1, List.of(), false);
    }

    /** Whether the mapping starts AT_TIMESTAMP (at the first lane record's arrival). */
    public boolean atTimestamp() {
        return recordsBeforeTimestamp >= 0;
    }

    /** The shard index the lane's records route to. */
    public int shard() {
        return shardOf(partitionKeys.get(0), shards);
    }

    /** The lane index the lane's records use. */
    public int lane() {
        return laneOf(partitionKeys.get(0), parallelizationFactor);
    }

    /** Rule 0.8, 12: the shard of a key among {@code shards} even hash key ranges. */
    public static int shardOf(String key, int shards) {
        return md5(key).multiply(BigInteger.valueOf(shards)).shiftRight(128).intValueExact();
    }

    /** Rule 0.8: the lane of a key among a shard's {@code lanes} lanes. */
    public static int laneOf(String key, int lanes) {
        return md5(key).mod(BigInteger.valueOf(lanes)).intValueExact();
    }

    /** The same setup without lane records {@code [from, to)} (later indices move down). */
    public StreamSetup withoutRecords(int from, int to) {
        List<String> keys = new ArrayList<>(partitionKeys);
        keys.subList(from, to).clear();
        List<Integer> filtered = new ArrayList<>();
        for (int i : filteredBefore) {
            if (i < from) {
                filtered.add(i);
            } else if (i >= to) {
                filtered.add(i - (to - from));
            }
        }
        return new StreamSetup(shards, parallelizationFactor, keys, recordsBeforeTimestamp, filtered,
                partitionKeyFilter);
    }

    /** How much this setup adds to a plain lane, for the shrinker: 0 for {@link #oneLane}. */
    public long complexity() {
        return (shards - 1) + (parallelizationFactor - 1) + partitionKeys.stream().distinct().count() - 1
                + (recordsBeforeTimestamp + 1) + filteredBefore.size() + (partitionKeyFilter ? 1 : 0);
    }

    private static BigInteger md5(String key) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
