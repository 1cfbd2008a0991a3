package io.github.streamharness.internal.mapping;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.internal.observe.SequenceRanges;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.invoke.InvokeResult;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.window.WindowCall;
import io.github.streamharness.internal.window.WindowTracker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One ordered reader of a shard: the whole shard with ParallelizationFactor 1, or the keys of one lane with
 * ParallelizationFactor N (section 3, 0.8). A small state machine that only schedules: the {@link BatchAssembler}
 * says what the next batch is, the {@link Invoker} runs it, the {@link FailurePolicy} decides what follows, and the
 * lane carries the decision out. At most one batch in flight; a failing batch blocks the lane until it succeeds or
 * the policy discards it (rule 3.3). The lane's pending records are a queue whose head is the checkpoint: the
 * current batch is always the first {@code current} records of the queue, and bisected halves waiting their turn
 * follow it (rule 0.1).
 */
final class Lane {
    private static final long SECOND = 1_000_000_000L;

    enum Status { IDLE, READY, WINDOW, IN_FLIGHT, BACKOFF, DISABLED, AWAITING_PARENTS, SETTLED }

    private final LaneContext context;
    private final ShardReader reader;
    private final int index;
    private final IntQueue queue = new IntQueue();
    private final Deque<Integer> halves = new ArrayDeque<>();
    private final WindowTracker windows; // section 8: tumbling windows (WindowTracker.none() without)
    private Status status = Status.IDLE;
    private int current;
    private int attempts;
    private int retries;
    private int throttles;
    private String lastRequestId;
    private long windowOpenedAt;
    private long pollAnchor;
    private long token;
    private boolean stepScheduled;
    private boolean completionScheduled;
    /** The settings the invocation in flight was invoked under: its outcome is decided by them (rule 18.1). */
    private LaneContext.Settings invokedWith;

    Lane(LaneContext context, ShardReader reader, int index, long createdAt) {
        this.context = context;
        this.reader = reader;
        this.index = index;
        this.windowOpenedAt = createdAt;
        this.pollAnchor = createdAt;
        this.windows = context.windows(reader.shard.shardId(), (now, text) -> timeline(now, TimelineEntry.Kind.WINDOW,
                text));
    }

    Status status() {
        return status;
    }

    int pendingCount() {
        return queue.size();
    }

    /** The first pending record of the lane, or null. */
    StreamRecord head() {
        return queue.isEmpty() ? null : reader.shard.get(queue.get(0));
    }

    /** Whether the lane is retrying its head batch (a failed attempt or a throttle happened). */
    boolean isRetrying() {
        return current > 0 && (attempts > 0 || retries > 0 || throttles > 0);
    }

    /** Adds a record of this lane's keys to its queue (already marked pending). */
    void enqueue(int recordIndex, long arrivalNanos) {
        queue.add(recordIndex);
        if (status == Status.IDLE) {
            scheduleStep(windowed(nextPollTick(arrivalNanos)));
            status = Status.READY;
        } else if (status == Status.WINDOW && context.settings().assembler().fills(queue.size())) {
            long tick = nextPollTick(arrivalNanos); // rule 2.3 a: a full batch does not wait for the window
            if (tick < context.settings().assembler().windowEnd(windowOpenedAt)) {
                scheduleStep(tick);
            }
        }
    }

    /** Starts reading (mapping created or re-enabled). */
    void start(long now) {
        current = 0;
        halves.clear();
        attempts = 0;
        retries = 0;
        throttles = 0;
        windows.abandonBatch();
        status = Status.READY;
        scheduleStep(now);
    }

    /** Holds the lane until its shard's parents are read to their end (rule 0.10): records queue, nothing polls. */
    void awaitParents() {
        token++;
        stepScheduled = false;
        status = Status.AWAITING_PARENTS;
    }

    /** Whether no batch of the lane is in progress (in flight, retrying, bisected), so its records may move. */
    boolean hasNoBatch() {
        return status == Status.DISABLED || status == Status.AWAITING_PARENTS || status == Status.SETTLED
                || status != Status.IN_FLIGHT && current == 0 && halves.isEmpty();
    }

    /** Stops the lane for good; its queued records go to the lanes of a new ParallelizationFactor (rule 18.1). */
    IntQueue settle() {
        awaitParents();
        status = Status.SETTLED;
        return queue;
    }

    /** Whether the lane has a tumbling window whose final invocation is still to succeed (rule 8.4, 11.2). */
    boolean windowOpen() {
        return windows.isOpen();
    }

    /** Rule 11.2: the shard was split or merged; a lane waiting with an open window steps now to close it. */
    void shardClosed(long now) {
        if (windows.isOpen() && (status == Status.IDLE || status == Status.WINDOW)) {
            scheduleStep(now);
        }
    }

    /** Stops scheduling work; an invocation in flight finishes first. */
    void disable() {
        if (status != Status.IN_FLIGHT && status != Status.SETTLED) {
            token++;
            stepScheduled = false;
            status = Status.DISABLED;
        }
    }

    private long nextPollTick(long arrivalNanos) {
        // rule 0.3: a caught-up lane polls once per virtual second, counted from when it went idle
        long since = Math.max(0, arrivalNanos - pollAnchor);
        long ticks = (since + SECOND - 1) / SECOND;
        return Math.max(context.scheduler.eventTimeNanos(), pollAnchor + ticks * SECOND);
    }

    /** Rule 0.11b: a step planned for {@code at} comes no later than the open window's final invocation. */
    private long windowed(long at) {
        return Math.max(context.scheduler.eventTimeNanos(), Math.min(at, windows.finalAtNanos()));
    }

    private void scheduleStep(long at) {
        long t = ++token;
        stepScheduled = true;
        context.scheduler.schedule(at, () -> {
            if (t == token) {
                stepScheduled = false;
                step();
            }
        });
    }

    /**
     * Why the lane is stuck, or null: a lane that is not idle or disabled always has its next event scheduled (a
     * step, or the completion of its invocation in flight); one without it would never move again.
     */
    String stuck() {
        boolean running = context.scheduler.activeTimer() != null; // asked from inside an invocation
        return stuck(status, stepScheduled, completionScheduled || running, queue.size())
                ? reader.shard.shardId() + " lane " + index + " is " + status + " with " + queue.size()
                + " pending record(s) and no scheduled event: it would never move again (a harness bug, or user "
                + "code that escaped the harness: please report it)" : null;
    }

    /** Whether a lane in {@code status} with these scheduled events and pending records can never move again. */
    static boolean stuck(Status status, boolean stepScheduled, boolean completionScheduled, int pending) {
        return switch (status) {
            case IN_FLIGHT -> !completionScheduled;
            case READY, WINDOW, BACKOFF -> !stepScheduled;
            case IDLE -> pending > 0 && !stepScheduled;
            case DISABLED, AWAITING_PARENTS, SETTLED -> false;
        };
    }

    private void step() {
        if (!context.enabled()) {
            status = Status.DISABLED;
            return;
        }
        long now = context.scheduler.eventTimeNanos();
        expireByRetention(now);
        if (!reader.shard.isOpen()) {
            windows.shardEnded(); // rule 11.2: no more records come; the open window closes now
        }
        if (current == 0 && halves.isEmpty() && reader.repartitioning) {
            context.hooks.laneFree(reader, this, now); // a new ParallelizationFactor waits for it (rule 18.1)
            return;
        }
        if (current == 0 && !windows.inFinal()) {
            if (!halves.isEmpty()) {
                current = halves.pop();
                attempts = 0;
                retries = 0;
                throttles = 0;
                windows.startBatch(current, queue.size(), now, true); // rule 0.11b: a half is never final
            } else if (queue.isEmpty() && !windows.finalDue(now)) {
                status = Status.IDLE;
                pollAnchor = now;
                if (windows.finalAtNanos() != Long.MAX_VALUE) {
                    scheduleStep(windowed(windows.finalAtNanos())); // rule 0.11b: the final invocation at the end
                }
                return;
            } else {
                BatchAssembler assembler = context.settings().assembler();
                // rule 8.3: with tumbling windows a batch takes only records of the open window
                int available = windows.available(queue.size(), this::arrivalMillis, now);
                BatchAssembler.Cut cut = assembler.cut(available, n -> reader.shard.get(queue.get(n)),
                        reader.shard, windows.extraEventBytes());
                boolean closed = available < queue.size() || windows.finalDue(now);
                if (!closed && assembler.waits(cut, now, windowOpenedAt)) {
                    status = Status.WINDOW;
                    scheduleStep(windowed(assembler.windowEnd(windowOpenedAt)));
                    return;
                }
                current = cut.size();
                context.events.observations().polled(reader.shard.shardId(), now, current); // rule 17.2
                attempts = 0;
                retries = 0;
                throttles = 0;
                lastRequestId = null;
                windows.startBatch(current, available, now, false);
            }
        }
        int expired = context.settings().assembler().expiredPrefix(current, this::arrivalMillis, Math.floorDiv(now, 1_000_000L));
        if (expired > 0) {
            // rule 4.6: before every attempt, the prefix older than MaximumRecordAgeInSeconds goes
            carryOut(FailurePolicy.recordsExpired(expired, new FailurePolicy.BatchState(current, attempts, retries)),
                    now);
            if (current == 0) {
                return;
            }
        }
        if (current == 0 && windows.inFinal()) {
            FailurePolicy.GiveUpWindow overdue = FailurePolicy.windowOverdue(windows.finalDueMillis(),
                    Math.floorDiv(now, 1_000_000L), context.settings().assembler(), context.retentionMillis);
            if (overdue != null) { // rule 8.5: the retry policy ends a final invocation with no records too
                windows.giveUp(overdue, now);
                carryOut(overdue, now);
                return;
            }
        }
        invoke(now);
    }

    private void expireByRetention(long now) {
        long retention = context.retentionMillis;
        long nowMillis = Math.floorDiv(now, 1_000_000L);
        int expired = 0;
        while (expired < queue.size() && nowMillis - reader.shard.arrivalMillis(queue.get(expired)) > retention) {
            reader.finish(queue.get(expired), RecordState.EXPIRED_BY_RETENTION);
            expired++;
        }
        if (expired == 0) {
            return;
        }
        List<StreamRecord> gone = records(expired);
        queue.drop(expired);
        int left = expired;
        int fromCurrent = Math.min(current, left);
        current -= fromCurrent;
        left -= fromCurrent;
        while (left > 0 && !halves.isEmpty()) {
            int top = halves.pop();
            int take = Math.min(top, left);
            left -= take;
            if (top > take) {
                halves.push(top - take);
            }
        }
        timeline(now, TimelineEntry.Kind.EXPIRED, gone.size() + " record(s) " + SequenceRanges.describe(gone)
                + " left the stream by retention (" + Duration.ofMillis(retention) + ") before this mapping "
                + "processed them: lost (rule 4.5)");
        checkpointMoved(now);
    }

    /** Sweeps retention outside a step (ledger queries); not while an invocation is in flight. */
    void sweepRetention(long now) {
        if (status != Status.IN_FLIGHT) {
            expireByRetention(now);
        }
    }

    private void invoke(long now) {
        if (context.invoker.pool().limited()) {
            // rule 0.14: requests of one instant share the reserved concurrency in (shard, lane) order
            long t = ++token;
            stepScheduled = true;
            context.invoker.pool().request(now, reader.shard.index(), index, () -> t == token, () -> {
                stepScheduled = false;
                if (current > 0 || windows.inFinal()) { // a window's final may carry no records (rule 0.11b)
                    invokeNow(context.scheduler.eventTimeNanos());
                } else {
                    scheduleStep(context.scheduler.eventTimeNanos()); // retention took the batch meanwhile
                }
            });
            return;
        }
        invokeNow(now);
    }

    private void invokeNow(long now) {
        List<StreamRecord> batch = records(current);
        int number = context.nextInvocationNumber();
        status = Status.IN_FLIGHT;
        WindowCall window = windows.call();
        InvokeResult result;
        try {
            invokedWith = context.settings();
            result = context.invoker.invoke(reader.shard.shardId(), batch, number,
                    invokedWith.reportBatchItemFailures(), window);
        } catch (RuntimeException | Error escaped) {
            // whatever escapes the invoker (user code it did not guard) is an ordinary failed attempt: the lane
            // never stays in flight without its completion scheduled
            result = InvokeResult.escaped(escaped, context.invoker.newUuid());
            timeline(now, TimelineEntry.Kind.WARNING, "invocation #" + number + " failed outside the handler with "
                    + ((Outcome.FunctionError) result.outcome()).errorMessage() + "; recorded as a failed attempt");
        }
        long end = now + result.spentNanos();
        if (result.warning() != null) {
            context.timeline(now, reader.shard.shardId(), index, TimelineEntry.Kind.WARNING, "invocation #" + number
                    + ": " + result.warning() + "; recorded as a timeout (rule 0.4)", WarningKind.WATCHDOG_STOPPED_INVOCATION);
        }
        boolean throttled = result.outcome() instanceof Outcome.Throttled;
        int attempt = throttled ? attempts + 1 : ++attempts; // rule 4.2: a throttle is not an attempt
        if (!throttled) {
            lastRequestId = result.requestId();
        }
        long lastArrival = batch.isEmpty() ? now
                : batch.get(batch.size() - 1).approximateArrivalEpochMillis() * 1_000_000L;
        Invocation invocation = new Invocation(number, context.invoker.function().name(), reader.shard.shardId(),
                index, batch, attempt, result.outcome(), Scheduler.toInstant(now), Scheduler.toInstant(end),
                Duration.ofNanos(Math.max(0, now - lastArrival)), Duration.ofNanos(Math.max(0, end - lastArrival)),
                result.requestId(), result.environmentId(), result.coldStart(), result.logs(),
                window == null ? null : window.describe());
        completionScheduled = true;
        context.scheduler.schedule(end, () -> complete(invocation, window));
    }

    private void complete(Invocation invocation, WindowCall window) {
        completionScheduled = false; // the in-flight state is released before anything else can fail
        status = Status.READY;
        long now = context.scheduler.eventTimeNanos();
        context.events.invoked(invocation);
        windowOpenedAt = now;
        Outcome outcome = invocation.outcome();
        if (outcome instanceof Outcome.Throttled throttled) {
            // rule 15.3, 4.2: not an attempt, never bisected; the throttle back-off has its own counter
            long delay = context.backoff.delayNanos(++throttles);
            timeline(now, TimelineEntry.Kind.RETRY, "invocation #" + invocation.number() + " throttled ("
                    + throttled.reason() + "), not a retry attempt; batch " + SequenceRanges.describe(records(current))
                    + " retried in " + Duration.ofNanos(delay) + " (rule 15.3, 4.2)");
            status = Status.BACKOFF;
            scheduleStep(now + delay);
            return;
        }
        throttles = 0; // the invocation reached the function
        if (outcome instanceof Outcome.Success success && !success.ignoredBatchItemFailures().isEmpty()) {
            context.warnIgnoredPartialResponse(now, reader.shard.shardId(), index, invocation, success);
        }
        FailurePolicy.Decision decision = FailurePolicy.afterInvocation(outcome,
                new FailurePolicy.BatchState(current, attempts, retries), invokedWith.policy(), windows.inFinal());
        windows.completed(window, decision, now); // rule 8.1, 8.4: the state goes on, or the window closes
        carryOut(decision, now);
    }

    /** Carries out the failure policy's decision and schedules the lane's next step. */
    private void carryOut(FailurePolicy.Decision decision, long now) {
        if (decision instanceof FailurePolicy.Commit commit) {
            commit(commit.records(), now);
            current -= commit.records();
            windowMayHaveClosed(now);
            scheduleStep(now);
        } else if (decision instanceof FailurePolicy.CommitAndRetryRest partial) {
            commit(partial.records(), now);
            current -= partial.records();
            attempts = 0;
            retries = 0;
            long delay = context.backoff.delayNanos(1);
            timeline(now, TimelineEntry.Kind.RETRY, "partial batch response: " + partial.records() + " record(s) "
                    + "committed; the remaining " + current + " from the lowest reported failure are retried as a "
                    + "new batch with a fresh retry count in " + Duration.ofNanos(delay) + " (rule 5.5, 5.6)");
            status = Status.BACKOFF;
            scheduleStep(now + delay);
        } else if (decision instanceof FailurePolicy.Bisect bisect) {
            halves.push(current - bisect.left());
            timeline(now, TimelineEntry.Kind.BISECT, "batch of " + current + " "
                    + SequenceRanges.describe(records(current)) + " split into " + bisect.left() + " + "
                    + (current - bisect.left()) + "; the left half goes first, no retry counted (rule 4.7, 0.1)");
            current = bisect.left();
            attempts = 0;
            retries = 0;
            scheduleStep(now);
        } else if (decision instanceof FailurePolicy.Retry retry) {
            retries = retry.retryNumber();
            long delay = context.backoff.delayNanos(retries);
            timeline(now, TimelineEntry.Kind.RETRY, retry.reason() + "; batch "
                    + SequenceRanges.describe(records(current)) + " retried in " + Duration.ofNanos(delay)
                    + " (rule 4.3, 0.2)");
            status = Status.BACKOFF;
            scheduleStep(now + delay);
        } else if (decision instanceof FailurePolicy.GiveUpWindow) {
            attempts = 0; // rule 8.4, 8.5: the window is closed (by the tracker); the lane reads the next one
            retries = 0;
            status = Status.READY;
            windowMayHaveClosed(now);
            scheduleStep(now);
        } else if (decision instanceof FailurePolicy.Discard discard) {
            List<StreamRecord> discarded = records(discard.records());
            RecordState state = context.sender.send(reader.shard.shardId(), index, discarded, discard,
                    lastRequestId, now);
            for (int i = 0; i < discard.records(); i++) {
                reader.finish(queue.get(i), state);
            }
            queue.drop(discard.records());
            checkpointMoved(now);
            current -= discard.records();
            if (current == 0) {
                attempts = 0; // a window's final invocation may follow with no records (rule 0.11b), counting anew
                retries = 0;
                status = Status.READY;
                scheduleStep(now);
            }
        }
    }

    /** Rule 0.10, 11.2: an ended shard whose last window closed lets its children go. */
    private void windowMayHaveClosed(long now) {
        if (!reader.shard.isOpen() && !windows.isOpen()) {
            context.hooks.progressed(reader, now);
        }
    }

    private void commit(int n, long now) {
        for (int i = 0; i < n; i++) {
            reader.finish(queue.get(i), RecordState.COMMITTED);
        }
        queue.drop(n);
        checkpointMoved(now);
    }

    private void checkpointMoved(long now) {
        if (reader.advanceWatermark()) {
            StreamRecord cp = reader.checkpoint();
            timeline(now, TimelineEntry.Kind.CHECKPOINT, "checkpoint -> "
                    + (cp == null ? "none" : SequenceRanges.abbreviate(cp.sequenceNumber())));
            context.hooks.progressed(reader, now); // a finished parent lets its children go (rule 0.10)
        }
    }

    private void timeline(long now, TimelineEntry.Kind kind, String text) {
        context.timeline(now, reader.shard.shardId(), index, kind, text);
    }

    private long arrivalMillis(int i) {
        return reader.shard.arrivalMillis(queue.get(i));
    }

    private List<StreamRecord> records(int n) {
        List<StreamRecord> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(reader.shard.get(queue.get(i)));
        }
        return list;
    }

    /** Iterator age: how long the lane's first pending record has waited, or 0 when caught up. */
    long iteratorAgeNanos(long now) {
        if (queue.isEmpty()) {
            return 0;
        }
        return Math.max(0, now - arrivalMillis(0) * 1_000_000L);
    }
}
