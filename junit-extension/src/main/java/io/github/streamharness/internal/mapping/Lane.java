package io.github.streamharness.internal.mapping;

import io.github.streamharness.Invocation;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.internal.observe.SequenceRanges;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.invoke.InvokeResult;
import io.github.streamharness.internal.time.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One ordered reader of a shard: the whole shard with ParallelizationFactor 1, or the keys of one hash slice with
 * ParallelizationFactor N (spec 3, 0.8). At most one batch in flight; a failing batch blocks the lane until it
 * succeeds or the failure policy discards it (spec 3.3). The lane's pending records are a queue whose head is the
 * checkpoint: the current batch is always the first {@code current} records of the queue, and bisected halves
 * waiting their turn follow it (spec 0.1).
 */
final class Lane {
    private static final long SECOND = 1_000_000_000L;

    enum Status { IDLE, READY, WINDOW, IN_FLIGHT, BACKOFF, DISABLED }

    private final MappingEngine engine;
    private final ShardReader reader;
    private final int index;
    private final IntQueue queue = new IntQueue();
    private final Deque<Integer> halves = new ArrayDeque<>();
    private final Invoker.EnvironmentSlot environment = new Invoker.EnvironmentSlot();
    private Status status = Status.IDLE;
    private int current;
    private int attempts;
    private int retries;
    private String lastRequestId;
    private long windowOpenedAt;
    private long pollAnchor;
    private long token;

    Lane(MappingEngine engine, ShardReader reader, int index, long createdAt) {
        this.engine = engine;
        this.reader = reader;
        this.index = index;
        this.windowOpenedAt = createdAt;
        this.pollAnchor = createdAt;
    }

    int index() {
        return index;
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
        return current > 0 && (attempts > 0 || retries > 0);
    }

    /** Adds a record of this lane's keys to its queue (already marked pending). */
    void enqueue(int recordIndex, long arrivalNanos) {
        queue.add(recordIndex);
        if (status == Status.IDLE) {
            scheduleStep(nextPollTick(arrivalNanos));
            status = Status.READY;
        } else if (status == Status.WINDOW && queue.size() >= engine.config().batchSize()) {
            long tick = nextPollTick(arrivalNanos);
            if (tick < windowOpenedAt + windowNanos()) {
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
        status = Status.READY;
        scheduleStep(now);
    }

    /** Stops scheduling work; an invocation in flight finishes first. */
    void disable() {
        if (status != Status.IN_FLIGHT) {
            token++;
            status = Status.DISABLED;
        }
    }

    private long nextPollTick(long arrivalNanos) {
        // spec 0.3: a caught-up lane polls once per virtual second, counted from when it went idle
        long since = Math.max(0, arrivalNanos - pollAnchor);
        long ticks = (since + SECOND - 1) / SECOND;
        return Math.max(engine.scheduler().eventTimeNanos(), pollAnchor + ticks * SECOND);
    }

    private long windowNanos() {
        return engine.config().maximumBatchingWindowInSeconds() * SECOND;
    }

    private void scheduleStep(long at) {
        long t = ++token;
        engine.scheduler().schedule(at, () -> {
            if (t == token) {
                step();
            }
        });
    }

    private void step() {
        if (!engine.isEnabled()) {
            status = Status.DISABLED;
            return;
        }
        long now = engine.scheduler().eventTimeNanos();
        expireByRetention(now);
        if (current == 0) {
            if (!halves.isEmpty()) {
                current = halves.pop();
                attempts = 0;
                retries = 0;
            } else if (queue.isEmpty()) {
                status = Status.IDLE;
                pollAnchor = now;
                return;
            } else {
                BatchCut cut = engine.cutBatch(queue, reader.shard);
                if (!cut.full() && now < windowOpenedAt + windowNanos()) {
                    // spec 2.3: gather until BatchSize, 6 MB or the window (opened by the last completion) ends
                    status = Status.WINDOW;
                    scheduleStep(windowOpenedAt + windowNanos());
                    return;
                }
                current = cut.size();
                attempts = 0;
                retries = 0;
                lastRequestId = null;
            }
        }
        if (discardExpiredByAge(now)) {
            return;
        }
        invoke(now);
    }

    /** Spec 4.6: before every attempt, the prefix older than MaximumRecordAgeInSeconds goes to the destination. */
    private boolean discardExpiredByAge(long now) {
        int maxAge = engine.config().maximumRecordAgeInSeconds();
        if (maxAge < 0) {
            return false;
        }
        long limitMillis = maxAge * 1000L;
        long nowMillis = Math.floorDiv(now, 1_000_000L);
        int expired = 0;
        while (expired < current && nowMillis - arrivalMillis(expired) > limitMillis) { // spec 0.12: strictly older
            expired++;
        }
        if (expired == 0) {
            return false;
        }
        finish(expired, OnFailureCondition.RecordAgeExceeded, Math.max(1, attempts), null, now);
        current -= expired;
        if (current == 0) {
            scheduleStep(now);
            status = Status.READY;
            return true;
        }
        return false;
    }

    private void expireByRetention(long now) {
        long retention = engine.retentionMillis();
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
        engine.timeline(now, reader, index, TimelineEntry.Kind.EXPIRED, gone.size() + " record(s) "
                + SequenceRanges.describe(gone) + " left the stream by retention (" + Duration.ofMillis(retention)
                + ") before this mapping processed them: lost (spec 4.5)");
        checkpointMoved(now);
    }

    /** Sweeps retention outside a step (ledger queries); not while an invocation is in flight. */
    void sweepRetention(long now) {
        if (status != Status.IN_FLIGHT) {
            expireByRetention(now);
        }
    }

    private void invoke(long now) {
        List<StreamRecord> batch = records(current);
        int number = engine.nextInvocationNumber();
        status = Status.IN_FLIGHT;
        InvokeResult result = engine.invoker().invoke(reader.shard.shardId(), batch, number, environment,
                engine.config().reportBatchItemFailures());
        long end = now + result.spentNanos();
        if (result.warning() != null) {
            engine.timeline(now, reader, index, TimelineEntry.Kind.WARNING, "invocation #" + number + ": "
                    + result.warning() + "; recorded as a timeout (spec 0.4)",
                    io.github.streamharness.WarningKind.WATCHDOG_STOPPED_INVOCATION);
        }
        boolean throttled = result.outcome() instanceof Outcome.Throttled;
        int attempt = throttled ? attempts + 1 : ++attempts;
        if (!throttled) {
            lastRequestId = result.requestId();
        }
        long lastArrival = batch.get(batch.size() - 1).approximateArrivalEpochMillis() * 1_000_000L;
        Invocation invocation = new Invocation(number, engine.invoker().function().name(), reader.shard.shardId(),
                index, batch, attempt, result.outcome(), Scheduler.toInstant(now), Scheduler.toInstant(end),
                Duration.ofNanos(Math.max(0, now - lastArrival)), Duration.ofNanos(Math.max(0, end - lastArrival)),
                result.requestId(), result.environmentId(), result.coldStart(), result.logs());
        engine.scheduler().schedule(end, () -> complete(invocation));
    }

    private void complete(Invocation invocation) {
        long now = engine.scheduler().eventTimeNanos();
        engine.events().invoked(invocation);
        windowOpenedAt = now;
        status = Status.READY;
        Outcome outcome = invocation.outcome();
        if (outcome instanceof Outcome.Success success) {
            if (!success.ignoredBatchItemFailures().isEmpty()) {
                engine.warnIgnoredPartialResponse(now, reader, index, invocation, success);
            }
            commit(current, now);
            current = 0;
            scheduleStep(now);
        } else if (outcome instanceof Outcome.Throttled) {
            retries++;
            retryLater(now, "throttled before reaching the function (not a retry attempt, spec 4.2)");
        } else if (outcome instanceof Outcome.PartialFailure partial) {
            commit(partial.committedRecords(), now);
            current -= partial.committedRecords();
            attempts = 0;
            retries = 0;
            long delay = engine.backoff().delayNanos(1);
            engine.timeline(now, reader, index, TimelineEntry.Kind.RETRY, "partial batch response: "
                    + partial.committedRecords() + " record(s) committed; the remaining " + current
                    + " from the lowest reported failure are retried as a new batch with a fresh retry count in "
                    + Duration.ofNanos(delay) + " (spec 5.5, 5.6)");
            status = Status.BACKOFF;
            scheduleStep(now + delay);
        } else if (outcome instanceof Outcome.FunctionError error) {
            failed(error, now);
        }
    }

    private void failed(Outcome.FunctionError error, long now) {
        var config = engine.config();
        if (config.bisectBatchOnFunctionError() && current > 1) {
            int left = (current + 1) / 2;
            halves.push(current - left);
            engine.timeline(now, reader, index, TimelineEntry.Kind.BISECT, "batch of " + current + " "
                    + SequenceRanges.describe(records(current)) + " split into " + left + " + " + (current - left)
                    + "; the left half goes first, no retry counted (spec 4.7, 0.1)");
            current = left;
            attempts = 0;
            retries = 0;
            scheduleStep(now);
            return;
        }
        int max = config.maximumRetryAttempts();
        if (max < 0 || attempts < max + 1) {
            retries++;
            retryLater(now, "attempt " + attempts + (max < 0 ? " (retries until the records expire)"
                    : " of " + (max + 1)) + " failed");
            return;
        }
        finish(current, OnFailureCondition.RetryAttemptsExhausted, attempts, error.functionError(), now);
        current = 0;
        scheduleStep(now);
    }

    private void retryLater(long now, String why) {
        long delay = engine.backoff().delayNanos(retries);
        engine.timeline(now, reader, index, TimelineEntry.Kind.RETRY, why + "; batch " + SequenceRanges.describe(records(current))
                + " retried in " + Duration.ofNanos(delay) + " (spec 4.3, 0.2)");
        status = Status.BACKOFF;
        scheduleStep(now + delay);
    }

    private void commit(int n, long now) {
        for (int i = 0; i < n; i++) {
            reader.finish(queue.get(i), RecordState.COMMITTED);
        }
        queue.drop(n);
        checkpointMoved(now);
    }

    /** Discards the first {@code n} records by the failure policy: destination message, or dropped (spec 4.4). */
    private void finish(int n, OnFailureCondition condition, int invokeCount, String functionError, long now) {
        List<StreamRecord> discarded = records(n);
        RecordState state = engine.discard(reader, index, discarded, condition, invokeCount, functionError,
                lastRequestId, now);
        for (int i = 0; i < n; i++) {
            reader.finish(queue.get(i), state);
        }
        queue.drop(n);
        checkpointMoved(now);
    }

    private void checkpointMoved(long now) {
        if (reader.advanceWatermark()) {
            StreamRecord cp = reader.checkpoint();
            engine.timeline(now, reader, index, TimelineEntry.Kind.CHECKPOINT, "checkpoint -> "
                    + (cp == null ? "none" : SequenceRanges.abbreviate(cp.sequenceNumber())));
        }
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

    /** The result of cutting a batch from the head of a queue. */
    record BatchCut(int size, boolean full) {
    }
}
