package io.github.streamharness.internal.mapping;

import io.github.streamharness.TimelineEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * One mapping's view of the stream's shard lineage (rule 11.1, 0.10): a child shard is not read until every parent
 * is read to its end and the parent's last batch has completed (succeeded or discarded). A child's records wait in
 * its lanes meanwhile; its lanes are new, so batches, retries and windows start fresh in the child.
 */
final class ShardLineage {
    private final Map<String, ShardReader> readers = new HashMap<>();
    /** Opens a child's gate: starts its lanes (or leaves them disabled while the mapping is). */
    private final BiConsumer<ShardReader, Long> open;
    private final Timeline timeline;

    /** Where the lineage writes its timeline lines. */
    interface Timeline {
        void line(long now, ShardReader reader, TimelineEntry.Kind kind, String text);
    }

    ShardLineage(BiConsumer<ShardReader, Long> open, Timeline timeline) {
        this.open = open;
        this.timeline = timeline;
    }

    /** Registers a reader; returns whether it may be read now (false: it waits for its parents). */
    boolean add(ShardReader reader) {
        readers.put(reader.shard.shardId(), reader);
        reader.awaitingParents = !parentsDone(reader);
        return !reader.awaitingParents;
    }

    /**
     * Whether the shard is closed and every record of it is done for this mapping (rule 0.10's "end"), the final
     * invocation of its last tumbling window included (rule 11.2, modelled: it is the parent's last batch).
     */
    static boolean finished(ShardReader reader) {
        if (reader.shard.isOpen() || reader.watermark() < reader.shard.size()) {
            return false;
        }
        for (Lane lane : reader.lanes) {
            if (lane.windowOpen()) {
                return false;
            }
        }
        return true;
    }

    private boolean parentsDone(ShardReader child) {
        for (String p : child.shard.parentShardIds()) {
            ShardReader parent = readers.get(p);
            if (parent != null && !finished(parent)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reader's checkpoint moved, or its shard closed: when that finished the shard, every child whose parents are
     * now all finished is opened.
     */
    void progressed(ShardReader reader, long now) {
        if (!finished(reader)) {
            return;
        }
        for (String c : reader.shard.childShardIds()) {
            ShardReader child = readers.get(c);
            if (child != null && child.awaitingParents && parentsDone(child)) {
                child.awaitingParents = false;
                List<String> parents = child.shard.parentShardIds();
                timeline.line(now, child, TimelineEntry.Kind.RESHARD, "child shard " + child.shard.shardId()
                        + " is read from now: its parent" + (parents.size() > 1 ? "s " : " ")
                        + parents.stream().collect(Collectors.joining(" and ")) + (parents.size() > 1 ? " are" : " is")
                        + " read to the end and the last batch completed (rule 0.10)");
                open.accept(child, now);
            }
        }
    }
}
