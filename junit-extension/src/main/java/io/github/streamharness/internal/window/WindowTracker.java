package io.github.streamharness.internal.window;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.policy.FailurePolicy;

import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * The tumbling window of one lane (section 8, 0.11, 0.11b): which window is open, the state it carries, and whether the
 * batch in flight is the window's final invocation. The rules themselves live in the stages: window boundaries and
 * the cut at them in {@link BatchAssembler}, the final invocation's retries and the 1 MB state limit in
 * {@link FailurePolicy}; this class only keeps the lane's window state between them.
 *
 * <p>Modelled (rule 8.4 is silent): with ParallelizationFactor N each lane keeps its own state per window, as each
 * lane behaves like a shard of its own (rule 0.8); the event still names the shard.
 */
public final class WindowTracker {
    /** Where the tracker reports what happened to its window, for the timeline. */
    @FunctionalInterface
    public interface Notes {
        void note(long nowNanos, String text);
    }

    private static final long MILLI = 1_000_000L;
    private final BatchAssembler assembler;
    /** The harness's mapper, made when a window first needs it (issue 19: most tests never do). */
    private final Supplier<ObjectMapper> mapper;
    private final String shardId;
    private final String eventSourceArn;
    private final Notes notes;
    private boolean open;
    private long startMillis;
    private ObjectNode state;
    private boolean terminatedEarly;
    private boolean inFinal;
    private long dueMillis = Long.MIN_VALUE;
    private boolean shardEnded;
    private long stateBytes;
    /** The bytes of the window's fields but its state, for the window [fieldsStart, fieldsEnd). */
    private long fieldsBytes;
    private long fieldsStart = Long.MIN_VALUE;
    private long fieldsEnd = Long.MIN_VALUE;

    /** The tracker of a mapping without tumbling windows: every record is available, nothing is ever final. */
    public static WindowTracker none() {
        return new WindowTracker(null, null, null, null, null);
    }

    /** The window state of one lane of {@code shardId}. */
    public WindowTracker(BatchAssembler assembler, Supplier<ObjectMapper> mapper, String shardId, String eventSourceArn,
                         Notes notes) {
        this.assembler = assembler;
        this.mapper = mapper;
        this.shardId = shardId;
        this.eventSourceArn = eventSourceArn;
        this.notes = notes;
    }

    private long endMillis() {
        return assembler.tumblingWindowEnd(startMillis);
    }

    /**
     * Whether the open window's final invocation is due (rule 0.11b: at its end, or at once after an early end or
     * once the shard has ended, rule 11.2).
     */
    public boolean finalDue(long nowNanos) {
        return open && (terminatedEarly || shardEnded || Math.floorDiv(nowNanos, MILLI) >= endMillis());
    }

    /** Rule 0.11b: a step planned for {@code atNanos} comes no later than the open window's final invocation. */
    public long cap(long nowNanos, long atNanos) {
        return Math.max(nowNanos, Math.min(atNanos, finalAtNanos()));
    }

    /**
     * Rule 8.5: whether the retry policy gives up the window's final invocation, which carries no records, before
     * its next attempt: the rule is {@link FailurePolicy#windowOverdue}'s; null while it may be invoked.
     */
    public FailurePolicy.GiveUpWindow overdue(long nowNanos, BatchAssembler current, long retentionMillis) {
        return !inFinal ? null
                : FailurePolicy.windowOverdue(dueMillis, Math.floorDiv(nowNanos, MILLI), current, retentionMillis);
    }

    /** Whether a window is open (its final invocation has not succeeded nor been given up). */
    public boolean isOpen() {
        return open;
    }

    /**
     * Rule 11.2, 8.5: once {@code ended} (the shard was split or merged), the open window, and any window its last
     * records open, closes with its final invocation as soon as the lane gets to it; the children start fresh windows.
     */
    public void shardEnded(boolean ended) {
        shardEnded |= ended && assembler != null;
    }

    /** When the lane must step for the open window's final invocation, or {@code Long.MAX_VALUE} with none open. */
    public long finalAtNanos() {
        return open ? (terminatedEarly || shardEnded ? Long.MIN_VALUE : endMillis() * MILLI) : Long.MAX_VALUE;
    }

    /**
     * How many of the lane's {@code queued} first records the next batch may take: those of the open window (rule
     * 8.3: a batch never spans two windows), counted up to the BatchSize in force ({@code current}'s, rule 18.1).
     * Opens the head record's window when none is open.
     */
    public int available(BatchAssembler current, int queued, IntToLongFunction arrivalMillis, long nowNanos) {
        if (assembler == null) {
            return queued;
        }
        if (!open) {
            if (queued == 0) {
                return 0;
            }
            open = true;
            startMillis = assembler.tumblingWindowStart(arrivalMillis.applyAsLong(0));
            state = mapper.get().createObjectNode(); // rule 0.11: the initial state is {}
            stateBytes = 2;
            terminatedEarly = false;
            dueMillis = Long.MIN_VALUE;
            notes.note(nowNanos, "window [" + WindowCall.iso(startMillis) + ", " + WindowCall.iso(endMillis())
                    + ") opened with state {} (rule 8.3, 0.11)");
        }
        return current.tumblingPrefix(queued, arrivalMillis, endMillis()); // BatchSize in force (rule 18.1)
    }

    /**
     * Starts the lane's next batch of {@code size} of the window's {@code available} records: the final invocation
     * when the window is due and the batch takes every record left in it (rule 0.11b), or the first batch after an
     * early end (rule 8.4); otherwise an aggregation invocation. A bisected half is never the final one.
     */
    public void startBatch(int size, int available, long nowNanos, boolean half) {
        inFinal = !half && finalDue(nowNanos) && (terminatedEarly || size == available);
        if (inFinal && dueMillis == Long.MIN_VALUE) {
            dueMillis = Math.floorDiv(nowNanos, MILLI);
            if (shardEnded && !terminatedEarly && dueMillis < endMillis()) {
                notes.note(nowNanos, "the shard has ended (split or merged): window [" + WindowCall.iso(startMillis)
                        + ", " + WindowCall.iso(endMillis()) + ") closes before its end with this final invocation "
                        + "(rule 11.2, 8.5)");
            }
        }
    }

    /**
     * Since when the window's final invocation has been due (its first attempt, records or none), for the retry
     * policy's age (rule 8.5).
     */
    public long finalDueMillis() {
        return dueMillis;
    }

    /**
     * Rule 8.4, 8.5: the window's final invocation is given up: the window closes and its state is dropped; the lane
     * reads the next window.
     */
    public void giveUp(FailurePolicy.GiveUpWindow decision, long nowNanos) {
        notes.note(nowNanos, "final invocation for window [" + WindowCall.iso(startMillis) + ", "
                + WindowCall.iso(endMillis()) + ") given up: " + decision.reason() + "; state dropped, no record "
                + "to send to the on-failure destination");
        open = false;
        inFinal = false;
        state = null;
    }

    /** Whether the batch in flight (or waiting to retry) is the window's final invocation. */
    public boolean inFinal() {
        return inFinal;
    }

    /** Forgets the batch in flight (the lane restarts from its checkpoint). */
    public void abandonBatch() {
        inFinal = false;
    }

    /**
     * The bytes the open window's fields add to the event after {@code Records} (rule 8.2), at most: counted toward
     * the 6 MB limit (rule 2.5, 0.7); 0 without a window.
     */
    public long extraEventBytes() {
        if (!open) {
            return 0;
        }
        long end = endMillis();
        if (startMillis != fieldsStart || end != fieldsEnd) { // asked at each record a batch gains: built once a window
            // ,"window":{"start":"2020-12-09T07:04:00Z","end":"2020-12-09T07:06:00Z"},"state":<state>,"shardId":"<id>",
            // "eventSourceARN":"<arn>","isFinalInvokeForWindow":false,"isWindowTerminatedEarly":false
            String window = ",\"window\":{\"start\":\"" + WindowCall.iso(startMillis) + "\",\"end\":\""
                    + WindowCall.iso(end) + "\"}";
            fieldsBytes = (window + ",\"state\":,\"shardId\":\"" + shardId + "\",\"eventSourceARN\":\"" + eventSourceArn
                    + "\",\"isFinalInvokeForWindow\":false,\"isWindowTerminatedEarly\":false").length();
            fieldsStart = startMillis;
            fieldsEnd = end;
        }
        return fieldsBytes + stateBytes;
    }

    /** What the next invocation carries besides its records, or null without tumbling windows. */
    public WindowCall call() {
        return assembler == null ? null : new WindowCall(mapper.get(), startMillis, endMillis(), state, shardId,
                eventSourceArn, inFinal, inFinal && terminatedEarly);
    }

    /**
     * Takes the policy's decision on {@code call}: a committed final invocation closes the window and drops its state
     * (rule 8.4); a committed aggregation invocation (or the committed part of a partial response) hands its returned
     * state on, and one over 1 MB ends the window early (rule 8.4, 0.11b). Anything else keeps the state as it was.
     */
    public void completed(WindowCall call, FailurePolicy.Decision decision, long nowNanos) {
        if (call == null) {
            return;
        }
        if (decision instanceof FailurePolicy.GiveUpWindow giveUp) {
            giveUp(giveUp, nowNanos);
            return;
        }
        boolean commit = decision instanceof FailurePolicy.Commit;
        if (!commit && !(decision instanceof FailurePolicy.CommitAndRetryRest)) {
            return;
        }
        ObjectNode returned = call.returnedState();
        if (call.isFinal() && commit) {
            open = false;
            inFinal = false;
            notes.note(nowNanos, "final invocation for window [" + WindowCall.iso(startMillis) + ", "
                    + WindowCall.iso(endMillis()) + ") succeeded" + (terminatedEarly ? " (terminated early)" : "")
                    + ": checkpoint, state dropped (rule 8.4)");
            state = null;
            return;
        }
        state = returned;
        long bytes = WindowCall.sizeOf(returned);
        stateBytes = bytes;
        if (!terminatedEarly && FailurePolicy.endsWindowEarly(bytes)) {
            terminatedEarly = true;
            notes.note(nowNanos, "state of window [" + WindowCall.iso(startMillis) + ", " + WindowCall.iso(endMillis())
                    + ") is " + bytes + " bytes, over the 1 MB limit (" + FailurePolicy.MAX_WINDOW_STATE_BYTES
                    + "): the next invocation is the window's final one, isWindowTerminatedEarly (rule 8.4, 0.11b)");
        } else {
            notes.note(nowNanos, "state of window [" + WindowCall.iso(startMillis) + ", "
                    + WindowCall.iso(endMillis()) + ") is " + bytes + " bytes");
        }
    }
}
