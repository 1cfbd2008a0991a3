package io.github.streamharness;

import io.github.streamharness.internal.stream.ShardLog;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** A shard of the in-process stream: its id, hash key range and records. */
public final class Shard {
    private final ShardLog log;

    Shard(ShardLog log) {
        this.log = log;
    }

    /** The shard id, e.g. {@code shardId-000000000000}. */
    public String id() {
        return log.shardId();
    }

    /** The shard's position in the stream, from 0. */
    public int index() {
        return log.index();
    }

    /** First hash key of the shard's range (the key space 0..2^128-1 is split evenly). */
    public BigInteger startingHashKey() {
        return log.startingHashKey();
    }

    /** Last hash key of the shard's range. */
    public BigInteger endingHashKey() {
        return log.endingHashKey();
    }

    /** The shards this one was split or merged from (rule 11.1), in Kinesis's order; empty for an original shard. */
    public List<String> parentShardIds() {
        return log.parentShardIds();
    }

    /** The shards that took over this one's hash key range when it was split or merged; empty while it is open. */
    public List<String> childShardIds() {
        return log.childShardIds();
    }

    /**
     * Whether the shard takes records: false once it was split or merged. A closed shard keeps its records until
     * retention and is still read by every mapping to its end (rule 11.1).
     */
    public boolean isOpen() {
        return log.isOpen();
    }

    /** The records the shard holds, oldest first (a snapshot). */
    public List<StreamRecord> records() {
        return List.copyOf(log.records());
    }

    /** Number of records ever written to the shard. */
    public int size() {
        return log.size();
    }

    /** The record with this sequence number, if the shard holds it. */
    public Optional<StreamRecord> record(String sequenceNumber) {
        int i = log.indexOf(sequenceNumber);
        return i >= log.firstAvailable() ? Optional.of(log.get(i)) : Optional.empty();
    }

    /** The records from {@code startSequenceNumber} to {@code endSequenceNumber}, inclusive, as GetRecords reads. */
    public List<StreamRecord> records(String startSequenceNumber, String endSequenceNumber) {
        int from = log.indexOf(startSequenceNumber);
        int to = log.indexOf(endSequenceNumber);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("sequence range " + startSequenceNumber + ".." + endSequenceNumber
                    + " is not in " + id());
        }
        return List.copyOf(log.records().subList(Math.max(0, from - log.firstAvailable()),
                Math.max(0, to - log.firstAvailable() + 1)));
    }

    @Override
    public String toString() {
        return id() + " [" + startingHashKey() + ".." + endingHashKey() + "], " + size() + " record(s)"
                + (isOpen() ? "" : ", closed") + (parentShardIds().isEmpty() ? "" : ", parents " + parentShardIds());
    }
}
