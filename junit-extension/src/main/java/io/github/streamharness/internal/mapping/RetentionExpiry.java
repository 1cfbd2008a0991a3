package io.github.streamharness.internal.mapping;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.observe.SequenceRanges;

import java.time.Duration;
import java.util.Deque;
import java.util.List;

/**
 * The retention stage of a lane (rule 4.5): records older than the stream's retention period leave the stream
 * before the mapping processed them, whatever batch they were in. Pure functions over the lane's queue; the lane
 * marks the records and writes the timeline.
 */
final class RetentionExpiry {
    private RetentionExpiry() {
    }

    /** How many of the queue's first records are older than {@code retentionMillis} at {@code nowMillis}. */
    static int expiredPrefix(PendingRecords queue, long retentionMillis, long nowMillis) {
        int expired = 0;
        while (expired < queue.size() && nowMillis - queue.arrivalMillis(expired) > retentionMillis) {
            expired++;
        }
        return expired;
    }

    /**
     * Takes {@code expired} records off the front of the lane's batches: the current batch of {@code current}
     * records first, then the bisected halves waiting after it (rule 0.1); returns what is left of the current batch.
     */
    static int dropFromBatches(int expired, int current, Deque<Integer> halves) {
        int fromCurrent = Math.min(current, expired);
        int left = expired - fromCurrent;
        while (left > 0 && !halves.isEmpty()) {
            int top = halves.pop();
            int take = Math.min(top, left);
            left -= take;
            if (top > take) {
                halves.push(top - take);
            }
        }
        return current - fromCurrent;
    }

    /** The timeline text for records lost by retention. */
    static String text(List<StreamRecord> gone, long retentionMillis) {
        return gone.size() + " record(s) " + SequenceRanges.describe(gone) + " left the stream by retention ("
                + Duration.ofMillis(retentionMillis) + ") before this mapping processed them: lost (rule 4.5)";
    }
}
