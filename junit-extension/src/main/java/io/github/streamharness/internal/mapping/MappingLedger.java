package io.github.streamharness.internal.mapping;

import io.github.streamharness.RecordState;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.ShardRecords;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One mapping's positions and ledger as the public API reads them: checkpoints, positions, every record's state and
 * the counts {@code Ledger.verify()} checks. While the mapping is Creating (rule 18.2) it has no position yet, and
 * every record counts as PENDING.
 */
public final class MappingLedger {
    private final StreamLog stream;
    private final Scheduler scheduler;
    private final List<ShardReader> readers;
    private final BooleanSupplier begun;

    MappingLedger(StreamLog stream, Scheduler scheduler, List<ShardReader> readers, BooleanSupplier begun) {
        this.stream = stream;
        this.scheduler = scheduler;
        this.readers = readers;
        this.begun = begun;
    }

    /** The reader of shard {@code i}. */
    private ShardReader reader(String shardId) {
        for (ShardReader r : readers) {
            if (r.shard.shardId().equals(shardId)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no shard " + shardId + " in stream " + stream.name() + " (shards: "
                + readers.stream().map(r -> r.shard.shardId()).toList() + ")");
    }

    /** The checkpoint of a shard: the last record at or below which every record is done. */
    public Optional<StreamRecord> checkpoint(String shardId) {
        return creating(shardId) ? Optional.empty() : Optional.ofNullable(reader(shardId).checkpoint());
    }

    /** Whether the mapping is still Creating (no positions yet, rule 18.2); checks that the shard exists. */
    private boolean creating(String shardId) {
        if (begun.getAsBoolean()) {
            return false;
        }
        if (stream.shard(shardId) == null) {
            reader(shardId); // the usual error
        }
        return true;
    }

    /** Where the mapping stands in a shard. */
    public PositionView position(String shardId) {
        if (creating(shardId)) {
            ShardLog shard = stream.shard(shardId);
            return new PositionView(null, shard.size() == 0 ? null : shard.get(shard.firstAvailable()), null,
                    shard.size() - shard.firstAvailable(), 0);
        }
        ShardReader reader = reader(shardId);
        long now = scheduler.nowNanos();
        sweepRetention(now);
        StreamRecord next = null;
        StreamRecord blocked = null;
        long age = 0;
        int pending = 0;
        for (Lane lane : reader.lanes) {
            StreamRecord head = lane.head();
            pending += lane.pendingCount();
            if (head != null && (next == null || earlier(head, next))) {
                next = head;
            }
            // rule 3.3, 0.8: with several lanes blocked, the earliest head is the one that holds the checkpoint back
            if (lane.isRetrying() && head != null && (blocked == null || earlier(head, blocked))) {
                blocked = head;
            }
            age = Math.max(age, lane.iteratorAgeNanos(now));
        }
        return new PositionView(reader.checkpoint(), next, blocked, pending, age);
    }

    private static boolean earlier(StreamRecord a, StreamRecord b) {
        return new BigInteger(a.sequenceNumber()).compareTo(new BigInteger(b.sequenceNumber())) < 0;
    }

    /** What {@link #position(String)} reports. */
    public record PositionView(StreamRecord checkpoint, StreamRecord next, StreamRecord blockedAt, int pending,
                               long iteratorAgeNanos) {
    }

    /** The ledger state of a record for this mapping. */
    public RecordState stateOf(StreamRecord record) {
        ShardLog shard = stream.shardOf(record);
        if (shard == null) {
            throw new IllegalArgumentException(record + " is not a record of stream " + stream.name());
        }
        sweepRetention(scheduler.nowNanos());
        if (!begun.getAsBoolean()) {
            return RecordState.PENDING; // Creating: no position yet, every record is still to be decided (rule 18.2)
        }
        return readers.get(shard.index()).state(shard.indexOf(record.sequenceNumber()));
    }

    /** Records per ledger state, over every shard, indexed by {@link RecordState#ordinal()}. */
    public long[] ledgerCounts() {
        sweepRetention(scheduler.nowNanos());
        long[] total = new long[RecordState.values().length];
        total[RecordState.PENDING.ordinal()] = begun.getAsBoolean() ? 0 : queuedRecords();
        for (ShardReader r : readers) {
            long[] c = r.count();
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    /** As {@link #ledgerCounts()}, recounted from every record's state (slow; for ledger verification). */
    public long[] ledgerRecount() {
        sweepRetention(scheduler.nowNanos());
        long[] total = new long[RecordState.values().length];
        total[RecordState.PENDING.ordinal()] = begun.getAsBoolean() ? 0 : queuedRecords();
        for (ShardReader r : readers) {
            long[] c = r.recount();
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    /** Every record in a given ledger state, shard by shard, in order. */
    public List<StreamRecord> recordsIn(RecordState state) {
        sweepRetention(scheduler.nowNanos());
        List<StreamRecord> out = new ArrayList<>();
        if (!begun.getAsBoolean()) {
            if (state == RecordState.PENDING) {
                stream.shards().forEach(s -> out.addAll(s.records()));
            }
            return out;
        }
        for (ShardReader r : readers) {
            for (int i = r.next(state, r.shard.firstAvailable()); i >= 0; i = r.next(state, i + 1)) {
                out.add(r.shard.get(i));
            }
        }
        return out;
    }

    /**
     * The first record in {@code state}, shard by shard in order (as {@link #recordsIn} lists them), that none of
     * {@code batches} holds, or null: {@code Ledger.verify()}'s check that every committed record was delivered. A
     * batch of the engine's ({@code ShardRecords}) is read by record index, without making its records (issue 19:
     * hashing every delivered record was most of the check after every test).
     */
    public StreamRecord firstNotIn(RecordState state, List<List<StreamRecord>> batches) {
        if (!begun.getAsBoolean()) {
            List<StreamRecord> in = recordsIn(state);
            for (StreamRecord r : in) {
                if (batches.stream().noneMatch(b -> b.contains(r))) {
                    return r;
                }
            }
            return null;
        }
        sweepRetention(scheduler.nowNanos());
        boolean[][] held = new boolean[readers.size()][];
        Map<String, Integer> readerOf = new HashMap<>();
        for (List<StreamRecord> batch : batches) {
            if (batch instanceof ShardRecords records) {
                int r = readerIndex(records.shardId(), readerOf);
                if (r < 0 || records.isEmpty()) {
                    continue;
                }
                for (int n = 0, size = records.size(); n < size; n++) {
                    mark(held, r, records.index(n));
                }
            } else {
                for (StreamRecord record : batch) {
                    ShardLog shard = stream.shardOf(record);
                    int r = shard == null ? -1 : readerIndex(shard.shardId(), readerOf);
                    if (r >= 0) {
                        mark(held, r, shard.indexOf(record.sequenceNumber()));
                    }
                }
            }
        }
        for (int r = 0; r < readers.size(); r++) {
            ShardReader reader = readers.get(r);
            for (int i = reader.next(state, reader.shard.firstAvailable()); i >= 0; i = reader.next(state, i + 1)) {
                if (held[r] == null || i >= held[r].length || !held[r][i]) {
                    return reader.shard.get(i);
                }
            }
        }
        return null;
    }

    private void mark(boolean[][] held, int reader, int index) {
        if (held[reader] == null) {
            held[reader] = new boolean[readers.get(reader).shard.size()];
        }
        if (index >= 0 && index < held[reader].length) {
            held[reader][index] = true;
        }
    }

    /** The position in {@link #readers} of the reader of shard {@code shardId}, or -1. */
    private int readerIndex(String shardId, Map<String, Integer> known) {
        if (readers.size() == 1) {
            return readers.get(0).shard.shardId().equals(shardId) ? 0 : -1;
        }
        if (known.isEmpty()) {
            for (int i = 0; i < readers.size(); i++) {
                known.put(readers.get(i).shard.shardId(), i);
            }
        }
        return known.getOrDefault(shardId, -1);
    }

    /** Records that lanes still hold as pending; must equal the PENDING count of the ledger. */
    public long queuedRecords() {
        if (!begun.getAsBoolean()) {
            return stream.shards().stream().mapToLong(ShardLog::size).sum();
        }
        long n = 0;
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                n += lane.pendingCount();
            }
        }
        return n;
    }

    /** Lanes that are stuck: not idle or disabled, yet with no event scheduled to move them (see Lane#stuck). */
    public List<String> stuckLanes() {
        List<String> out = new ArrayList<>();
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                String why = lane.stuck();
                if (why != null) {
                    out.add(why);
                }
            }
        }
        return out;
    }

    private void sweepRetention(long now) {
        if (scheduler.activeTimer() != null) {
            return;
        }
        for (ShardReader r : readers) {
            for (Lane lane : r.lanes) {
                lane.sweepRetention(now);
            }
        }
    }

}
