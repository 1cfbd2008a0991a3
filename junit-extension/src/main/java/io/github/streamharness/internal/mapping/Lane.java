package io.github.streamharness.internal.mapping;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.batch.BatchAssembler;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.invoke.InvokeResult;
import io.github.streamharness.internal.policy.FailurePolicy;
import io.github.streamharness.internal.window.WindowCall;
import io.github.streamharness.internal.window.WindowTracker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One ordered reader of a shard: the whole shard with ParallelizationFactor 1, or the keys of one lane with
 * ParallelizationFactor N (section 3, 0.8). A small state machine that only schedules: the {@link BatchAssembler}
 * says what the next batch is, the {@link Invoker} runs it, the {@link FailurePolicy} decides what follows, and the
 * lane carries the decision out. At most one batch in flight; a failing batch blocks the lane until it succeeds or
 * the policy discards it (rule 3.3). The current batch is the first {@code current} {@link PendingRecords}; bisected
 * halves waiting their turn follow it (rule 0.1).
 */
final class Lane {
    private final LaneContext context;
    private final ShardReader reader;
    private final int index;
    private final PendingRecords queue;
    private final LaneNotes notes;
    private final Deque<Integer> halves = new ArrayDeque<>();
    private final WindowTracker windows; // section 8: tumbling windows (WindowTracker.none() without)
    private LaneStatus status = LaneStatus.IDLE;
    private int current;
    private final BatchCounts counts = new BatchCounts(); // of the current batch
    private String lastRequestId;
    private final BatchingWindow batching; // rule 2.3: the batching window
    private final PollCadence polls;
    private long token;
    private long stepToken;
    private final io.github.streamharness.internal.time.Scheduler.Timer stepTimer; // one per lane (perf)
    private boolean stepScheduled;
    private boolean completionScheduled;
    /** The settings the invocation in flight was invoked under: its outcome is decided by them (rule 18.1). */
    private LaneContext.Settings invokedWith;

    Lane(LaneContext context, ShardReader reader, int index, long createdAt) {
        this.context = context;
        this.reader = reader;
        this.queue = new PendingRecords(reader);
        this.notes = new LaneNotes(context, reader.shard.shardId(), index);
        this.index = index;
        this.batching = new BatchingWindow(createdAt);
        this.polls = new PollCadence(createdAt);
        this.stepTimer = context.scheduler.timer(this::stepDue);
        this.windows = context.windows(reader.shard.shardId(), notes::window);
    }

    LaneStatus status() {
        return status;
    }

    int pendingCount() {
        return queue.size();
    }

    StreamRecord head() { // the first pending record of the lane, or null
        return queue.isEmpty() ? null : queue.record(0);
    }

    boolean isRetrying() { // rule 3.3: its head batch holds records that failed or were throttled
        return counts.blocked() && (current > 0 || !halves.isEmpty());
    }

    /** Adds a record of this lane's keys to its queue (already marked pending). */
    void enqueue(int recordIndex, long arrivalNanos) {
        queue.add(recordIndex);
        if (status == LaneStatus.IDLE) { // otherwise (the common case) the poll cadence is not needed: not computed
            long now = context.scheduler.eventTimeNanos();
            scheduleStep(windows.cap(now, polls.nextTick(arrivalNanos, now)));
            status = LaneStatus.READY;
        } else if (status == LaneStatus.WINDOW && batching.full(context.settings().assembler(), queue, reader.shard,
                windows)) {
            long tick = polls.nextTick(arrivalNanos, context.scheduler.eventTimeNanos());
            boolean due = stepToken == token && stepTimer.atNanos() <= tick; // rule 2.3 a, c: a full batch goes
            if (!due && tick < batching.end(context.settings().assembler())) {
                scheduleStep(tick);
            }
        }
    }

    /** Starts reading (mapping created or re-enabled). */
    void start(long now) {
        current = 0;
        halves.clear();
        counts.newBatch();
        windows.abandonBatch();
        status = LaneStatus.READY;
        scheduleStep(now);
    }

    /** Holds the lane until its shard's parents are read to their end (rule 0.10): records queue, nothing polls. */
    void awaitParents() {
        token++;
        stepScheduled = false;
        status = LaneStatus.AWAITING_PARENTS;
    }

    /** Whether no batch of the lane is in progress (in flight, retrying, bisected), so its records may move. */
    boolean hasNoBatch() {
        return status.waits() || status != LaneStatus.IN_FLIGHT && current == 0 && halves.isEmpty();
    }

    /** Stops the lane for good; its queued records go to the lanes of a new ParallelizationFactor (rule 18.1). */
    IntQueue settle() {
        awaitParents();
        status = LaneStatus.SETTLED;
        return queue; // its records go to the lanes of the new factor
    }

    boolean windowOpen() { // a tumbling window whose final invocation is still to succeed (rule 8.4, 11.2)
        return windows.isOpen();
    }

    /** Rule 11.2: the shard was split or merged; a lane waiting with an open window steps now to close it. */
    void shardClosed(long now) {
        if (windows.isOpen() && (status == LaneStatus.IDLE || status == LaneStatus.WINDOW)) {
            scheduleStep(now);
        }
    }

    /** Stops scheduling work; an invocation in flight finishes first. */
    void disable() {
        if (status != LaneStatus.IN_FLIGHT && status != LaneStatus.SETTLED) {
            token++;
            stepScheduled = false;
            status = LaneStatus.DISABLED;
        }
    }

    private void scheduleStep(long at) {
        stepToken = ++token;
        stepScheduled = true;
        stepTimer.at(at); // one event per lane, moved when re-planned: no stale events pile up in the queue
    }

    private void stepDue() {
        if (stepToken == token) {
            stepScheduled = false;
            step();
        }
    }

    /** Why the lane is stuck (a busy lane without its next event scheduled would never move again), or null. */
    String stuck() {
        boolean running = context.scheduler.activeTimer() != null; // asked from inside an invocation
        return status.stuckText(stepScheduled, completionScheduled || running, queue.size(), reader.shard, index);
    }

    private void step() {
        if (!context.enabled()) {
            status = LaneStatus.DISABLED;
            return;
        }
        long now = context.scheduler.eventTimeNanos();
        expireByRetention(now);
        windows.shardEnded(!reader.shard.isOpen()); // rule 11.2: no more records come; the open window closes
        if (current == 0 && halves.isEmpty() && reader.repartitioning) {
            context.hooks.laneFree(reader, this, now); // a new ParallelizationFactor waits for it (rule 18.1)
            return;
        }
        if (current == 0 && !windows.inFinal()) {
            if (!halves.isEmpty()) {
                current = halves.pop();
                counts.fresh(); // rule 0.1
                windows.startBatch(current, queue.size(), now, true); // rule 0.11b: a half is never final
            } else if (queue.isEmpty() && !windows.finalDue(now)) {
                status = LaneStatus.IDLE;
                polls.idleAt(now);
                if (windows.finalAtNanos() != Long.MAX_VALUE) {
                    scheduleStep(windows.cap(now, windows.finalAtNanos())); // rule 0.11b: the final at the window end
                }
                return;
            } else {
                BatchAssembler assembler = context.settings().assembler();
                // rule 8.3: with tumbling windows a batch takes only records of the open window
                int available = windows.available(assembler, queue.size(), queue::arrivalMillis, now);
                BatchAssembler.Cut cut = assembler.cut(available, queue::record,
                        reader.shard, windows.extraEventBytes());
                boolean closed = available < queue.size() || windows.finalDue(now);
                if (!closed && batching.waits(assembler, cut, now)) {
                    status = LaneStatus.WINDOW;
                    scheduleStep(windows.cap(now, batching.end(assembler)));
                    return;
                }
                current = cut.size();
                context.events.observations().polled(reader.shard.shardId(), now, current); // rule 17.2
                counts.newBatch();
                lastRequestId = null;
                windows.startBatch(current, available, now, false);
            }
        }
        long nowMillis = Math.floorDiv(now, 1_000_000L);
        int expired = context.settings().assembler().expiredPrefix(current, queue::arrivalMillis, nowMillis);
        if (expired > 0) {
            // rule 4.6: before every attempt, the prefix older than MaximumRecordAgeInSeconds goes
            carryOut(FailurePolicy.recordsExpired(expired, counts.state(current)), now);
            if (current == 0) {
                return;
            }
        }
        // rule 8.5: the retry policy ends a final invocation with no records too
        FailurePolicy.GiveUpWindow overdue = current == 0 ? windows.overdue(now, context.settings().assembler(),
                context.retentionMillis) : null;
        if (overdue != null) {
            windows.giveUp(overdue, now);
            carryOut(overdue, now);
            return;
        }
        invoke(now);
    }

    private void expireByRetention(long now) {
        long retention = context.retentionMillis;
        int expired = RetentionExpiry.expiredPrefix(queue, retention, Math.floorDiv(now, 1_000_000L));
        if (expired == 0) {
            return;
        }
        List<StreamRecord> gone = queue.first(expired);
        queue.finish(expired, RecordState.EXPIRED_BY_RETENTION);
        batching.recordsLeft();
        current = RetentionExpiry.dropFromBatches(expired, current, halves);
        notes.note(now, TimelineEntry.Kind.EXPIRED, RetentionExpiry.text(gone, retention));
        checkpointMoved(now);
    }

    void sweepRetention(long now) { // outside a step (ledger queries); not while an invocation is in flight
        if (status != LaneStatus.IN_FLIGHT) {
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
        List<StreamRecord> batch = queue.first(current);
        int number = context.nextInvocationNumber();
        status = LaneStatus.IN_FLIGHT;
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
            notes.escaped(now, number, ((Outcome.FunctionError) result.outcome()).errorMessage());
        }
        if (result.warning() != null) {
            notes.watchdog(now, number, result.warning());
        }
        boolean throttled = result.outcome() instanceof Outcome.Throttled;
        int attempt = counts.attempt(throttled); // rule 4.2: a throttle is not an attempt
        if (!throttled) {
            lastRequestId = result.requestId();
        }
        Invocation invocation = result.toInvocation(number, context.invoker.function().name(), reader.shard.shardId(),
                index, batch, attempt, now, window == null ? null : window.describe());
        completionScheduled = true;
        InvokeResult done = result;
        context.scheduler.schedule(now + result.spentNanos(), () -> complete(done, invocation, window));
    }

    private void complete(InvokeResult result, Invocation invocation, WindowCall window) {
        completionScheduled = false; // the in-flight state is released before anything else can fail
        status = LaneStatus.READY;
        result.recordEnd(); // the function's logs and metrics at the invocation's end (rule 17.2)
        long now = context.scheduler.eventTimeNanos();
        context.events.invoked(invocation);
        batching.open(now);
        Outcome outcome = invocation.outcome();
        if (outcome instanceof Outcome.Throttled throttled) {
            // rule 15.3, 4.2: not an attempt, never bisected; the throttle back-off has its own counter
            long delay = context.backoff.delayNanos(counts.throttled());
            notes.throttled(now, invocation.number(), throttled.reason(), queue.first(current), delay);
            status = LaneStatus.BACKOFF;
            scheduleStep(now + delay);
            return;
        }
        counts.reachedFunction();
        if (outcome instanceof Outcome.Success success && !success.ignoredBatchItemFailures().isEmpty()) {
            context.warnIgnoredPartialResponse(now, reader.shard.shardId(), index, invocation, success);
        }
        FailurePolicy.Decision decision = FailurePolicy.afterInvocation(outcome,
                counts.state(current), invokedWith.policy(), windows.inFinal());
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
            counts.freshAfterFailure(); // rule 5.6: a new batch with a fresh count, of records that failed
            long delay = context.backoff.delayNanos(1);
            notes.partial(now, partial.records(), current, delay);
            status = LaneStatus.BACKOFF;
            scheduleStep(now + delay);
        } else if (decision instanceof FailurePolicy.Bisect bisect) {
            halves.push(current - bisect.left());
            notes.bisected(now, queue.first(current), bisect.left());
            current = bisect.left();
            counts.freshAfterFailure(); // rule 0.1: no retry counted
            scheduleStep(now);
        } else if (decision instanceof FailurePolicy.Retry retry) {
            counts.retried(retry.retryNumber());
            long delay = context.backoff.delayNanos(retry.retryNumber());
            notes.retried(now, retry.reason(), queue.first(current), delay);
            status = LaneStatus.BACKOFF;
            scheduleStep(now + delay);
        } else if (decision instanceof FailurePolicy.GiveUpWindow) {
            counts.newBatch(); // rule 8.4, 8.5: the window is closed (by the tracker); the lane reads the next one
            status = LaneStatus.READY;
            windowMayHaveClosed(now);
            scheduleStep(now);
        } else if (decision instanceof FailurePolicy.Discard discard) {
            List<StreamRecord> discarded = queue.first(discard.records());
            RecordState state = context.sender.send(reader.shard.shardId(), index, discarded, discard,
                    lastRequestId, now);
            queue.finish(discard.records(), state);
            checkpointMoved(now);
            current -= discard.records();
            if (current == 0) {
                counts.discarded();
                status = LaneStatus.READY;
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
        queue.finish(n, RecordState.COMMITTED);
        checkpointMoved(now);
    }

    private void checkpointMoved(long now) {
        if (reader.advanceWatermark()) {
            notes.checkpoint(now, reader.checkpoint());
            context.hooks.progressed(reader, now); // a finished parent lets its children go (rule 0.10)
        }
    }

    /** Iterator age: how long the lane's first pending record has waited, or 0 when caught up. */
    long iteratorAgeNanos(long now) {
        return queue.iteratorAgeNanos(now);
    }
}
