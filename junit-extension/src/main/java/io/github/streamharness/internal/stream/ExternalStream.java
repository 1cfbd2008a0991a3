package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process mirror of a real stream (the live backend): a {@link StreamLog} whose shards are given (ids and
 * hash-key ranges, in ListShards order) and whose records come from the real stream with the sequence numbers it gave
 * them, told to the mappings exactly as {@link StreamLog#put} tells its own.
 */
public final class ExternalStream {
    private final StreamLog stream;

    /** A shard of a real stream: id and hash-key range. */
    public record Shard(String shardId, BigInteger startingHashKey, BigInteger endingHashKey) {
    }

    /** The mirror of a stream with these shards. */
    public ExternalStream(String name, String arn, List<Shard> shards, long retentionMillis) {
        List<ShardLog> list = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            Shard e = shards.get(i);
            ShardLog shard = new ShardLog(i, e.shardId(), e.startingHashKey(), e.endingHashKey(), 0, List.of());
            shard.externalSequenceNumbers();
            list.add(shard);
        }
        this.stream = new StreamLog(name, arn, list, 0, retentionMillis);
    }

    /** The stream the mappings read. */
    public StreamLog stream() {
        return stream;
    }

    /**
     * Appends a record the real stream returned (its shard id, sequence number and arrival time) and tells every
     * listener, as {@link StreamLog#put} does.
     */
    public StreamRecord append(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                               long arrivalMillis) {
        ShardLog shard = stream.shard(shardId);
        if (shard == null) {
            throw new IllegalArgumentException("no shard " + shardId + " in stream " + stream.name());
        }
        KeyHash key = stream.shards().size() == 1 ? null : stream.keyHash(partitionKey);
        return stream.appendAndTell(shard, key, () -> shard.appendExternal(sequenceNumber, partitionKey, data,
                arrivalMillis));
    }
}
