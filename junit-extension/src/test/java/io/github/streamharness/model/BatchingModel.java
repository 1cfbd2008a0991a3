package io.github.streamharness.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent model of how one lane forms its batches when the handler always succeeds, written from the spec's
 * text (rule 2.3 a, b, c; 0.3; 2.5 / 0.7) and not from the engine's code: what {@link ReferenceModel} leaves out
 * (records arriving while the lane runs, a batching window, the 6 MB cut). Compared with the engine by
 * {@code reliability/BatchingDifferentialTest}.
 *
 * <p>The rules as this model reads them:
 * <ul>
 *   <li>Rule 0.3: a lane with nothing pending polls once per virtual second, counted from when it found nothing
 *   (the mapping's creation, or the end of the last invocation that left nothing pending: the anchor docs/esm-rules.md
 *   gives as the modelled cadence, "whole seconds counted from when it went idle"); after an invocation it reads
 *   again at once. A batch waiting in its window is polled on the same seconds, also when the lane has not been idle
 *   since an earlier anchor.</li>
 *   <li>Rule 2.3: a poll that finds records takes at most BatchSize of them, cut by the 6 MB rule below. The batch
 *   goes at once when it is full: it holds BatchSize records (a), or its payload has reached 6 MB (c): the next
 *   pending record would take it past 6,291,456 bytes, it is exactly 6,291,456 bytes, or its one record alone is
 *   over that. Otherwise it goes at once if the batching window has ended, and else waits: until the window ends
 *   (b), or until the first poll at or after the arrival of the record that makes it full, whichever comes
 *   first. The window opens at the mapping's creation and whenever an invocation completes (2.3: "begins as soon as
 *   the previous function invocation completes").</li>
 *   <li>Rule 2.5, 0.7: the size of a batch is the length of its event JSON, laid out as rule 7.1 shows:
 *   {@code {"Records":[r1,r2,...]}}, each record object in AWS's field order with its data in padded base64 and its
 *   arrival in epoch seconds with three decimals. The model computes that length from the layout
 *   ({@link #recordJsonBytes}); the differential test checks it against the bytes each invocation received.</li>
 * </ul>
 * Times are nanoseconds since the mapping's creation. The model assumes no record arrives at the very instant of a
 * poll, a window's end or a completion (the spec does not order two things at one instant); the generator keeps
 * arrivals half a millisecond off the millisecond grid those lie on.
 */
public final class BatchingModel {
    /** Lambda's synchronous invoke payload limit, on the event JSON (rule 2.5, 0.7). */
    public static final long LIMIT = 6_291_456L;
    private static final long SECOND = 1_000_000_000L;
    private static final String OPEN = "{\"Records\":[";
    private static final String CLOSE = "]}";
    /** The bytes of the event around its records, {@code {"Records":[} and {@code ]}}; a comma joins two records. */
    public static final long ENVELOPE = OPEN.length() + CLOSE.length();

    /** One record: when it arrived (ns since the mapping's creation) and its object's bytes in the event JSON. */
    public record Arrival(long atNanos, long jsonBytes) {
    }

    /** Why a batch went when it did (rule 2.3). */
    public enum Trigger {
        /** (a) BatchSize records at the poll that found them. */
        BATCH_SIZE,
        /** (c) 6 MB reached at the poll that found the records. */
        SIX_MB,
        /** Not full, but the window was 0 or over at the poll. */
        WINDOW_OVER,
        /** (b) Not full, waited in the window to its end. */
        WINDOW_END,
        /** (a) Waited in the window until records joining it made BatchSize; went at the next poll. */
        BATCH_SIZE_IN_WINDOW,
        /** (c) Waited in the window until records joining it reached 6 MB; went at the next poll. */
        SIX_MB_IN_WINDOW
    }

    /**
     * One predicted invocation: when it starts, the records it holds ({@code count} from index {@code first}), its
     * event JSON's length, and why it went then.
     */
    public record Batch(long startNanos, int first, int count, long eventBytes, Trigger trigger) {
    }

    private final int batchSize;
    private final long windowNanos;
    private final long durationNanos;

    /** A lane of a mapping with this BatchSize and MaximumBatchingWindowInSeconds, whose handler takes that long. */
    public BatchingModel(int batchSize, int windowSeconds, long durationNanos) {
        this.batchSize = batchSize;
        this.windowNanos = windowSeconds * SECOND;
        this.durationNanos = durationNanos;
    }

    /**
     * The bytes of one record's object in the event's {@code Records} array (rule 7.1, 7.2), without a separating
     * comma; every text is ASCII without characters JSON escapes.
     */
    public static long recordJsonBytes(String partitionKey, String sequenceNumber, int dataBytes, long arrivalMillis,
                                       String shardId, String role, String region, String streamArn) {
        String seconds = arrivalMillis / 1000 + "." + String.format("%03d", arrivalMillis % 1000);
        String withoutData = "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"" + partitionKey
                + "\",\"sequenceNumber\":\"" + sequenceNumber + "\",\"data\":\"" + "\",\"approximateArrivalTimestamp\":"
                + seconds + "},\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",\"eventID\":\"" + shardId + ":"
                + sequenceNumber + "\",\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":\"" + role
                + "\",\"awsRegion\":\"" + region + "\",\"eventSourceARN\":\"" + streamArn + "\"}";
        long base64 = 4L * ((dataBytes + 2) / 3);
        return withoutData.getBytes(StandardCharsets.US_ASCII).length + base64;
    }

    /** The invocations of a lane reading {@code records} (in arrival order), in order. */
    public List<Batch> run(List<Arrival> records) {
        List<Batch> batches = new ArrayList<>();
        long now = 0; // the lane polls at its creation
        long idleSince = 0; // polls count from here while nothing is pending (rule 0.3)
        long windowOpened = 0; // rule 2.3: at creation, then at every completion
        int next = 0;
        while (next < records.size()) {
            long poll;
            if (records.get(next).atNanos() > now) { // nothing pending: caught up since now
                idleSince = now;
                poll = firstPollAtOrAfter(idleSince, records.get(next).atNanos());
            } else {
                poll = now; // records wait: the lane reads again at once
            }
            Cut cut = cut(records, next, poll);
            long windowEnd = windowOpened + windowNanos;
            Trigger trigger = cut.full ? cut.trigger() : Trigger.WINDOW_OVER;
            if (!cut.full && poll < windowEnd) {
                poll = whenTheWaitingBatchGoes(records, next, idleSince, windowEnd);
                cut = cut(records, next, poll);
                trigger = poll == windowEnd ? Trigger.WINDOW_END
                        : cut.trigger() == Trigger.BATCH_SIZE ? Trigger.BATCH_SIZE_IN_WINDOW : Trigger.SIX_MB_IN_WINDOW;
            }
            batches.add(new Batch(poll, next, cut.count, cut.bytes, trigger));
            next += cut.count;
            now = poll + durationNanos;
            windowOpened = now;
        }
        return batches;
    }

    /** Rule 2.3 (b): the window's end, or (a, c) the first poll after a record made the waiting batch full. */
    private long whenTheWaitingBatchGoes(List<Arrival> records, int first, long idleSince, long windowEnd) {
        for (int j = first; j < records.size() && records.get(j).atNanos() < windowEnd; j++) {
            long at = records.get(j).atNanos();
            if (cut(records, first, at + 1).full) {
                return Math.min(windowEnd, firstPollAtOrAfter(idleSince, at));
            }
        }
        return windowEnd;
    }

    private static long firstPollAtOrAfter(long since, long at) {
        long seconds = (at - since + SECOND - 1) / SECOND;
        return since + seconds * SECOND;
    }

    private record Cut(int count, long bytes, boolean full, boolean sixMb) {
        Trigger trigger() { // of a full cut
            return sixMb ? Trigger.SIX_MB : Trigger.BATCH_SIZE;
        }
    }

    /** The batch a poll at {@code t} takes from the records arrived before it, starting at {@code first}. */
    private Cut cut(List<Arrival> records, int first, long t) {
        long bytes = ENVELOPE;
        int count = 0;
        while (count < batchSize && first + count < records.size() && records.get(first + count).atNanos() < t) {
            long add = records.get(first + count).jsonBytes() + (count > 0 ? 1 : 0);
            if (count > 0 && bytes + add > LIMIT) {
                return new Cut(count, bytes, true, true); // rule 0.7: cut before the record that would pass 6 MB
            }
            bytes += add;
            count++;
            if (bytes >= LIMIT) {
                return new Cut(count, bytes, true, true); // exactly at the limit, or one record over it alone
            }
        }
        return new Cut(count, bytes, count == batchSize, false);
    }
}
