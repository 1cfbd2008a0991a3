package io.github.streamharness.internal.observe;

import io.github.streamharness.LogEvent;
import io.github.streamharness.Outcome;
import io.github.streamharness.internal.time.Scheduler;

import java.util.PriorityQueue;

/**
 * Feeds one function's CloudWatch Logs ({@link LogStore}) and metrics ({@link MetricStore}) from the engine's
 * observations, at the virtual times of rule 17.2: IteratorAge and ConcurrentExecutions at invoke start;
 * Invocations, Errors, Duration and the invoked and failed event counts at invoke end; Throttles at the throttled
 * attempt; the polled and filtered counts at the poll; the destination and dropped counts when they happen.
 */
public final class ObservationRecorder implements ObservationSink {
    private final LogStore logs;
    private final MetricStore metrics;
    private final int memoryMb;
    private final int maxMemoryUsedMb;
    private final boolean filtering;
    private final PriorityQueue<Long> runningUntil = new PriorityQueue<>();

    /**
     * A recorder for a function of {@code memoryMb} whose REPORT lines show {@code maxMemoryUsedMb} (a modelled value,
     * rule 16.2); {@code filtering} says whether the mapping has filter criteria (FilteredOutEventCount then emits 0
     * on polls whose records all match, rule 10.2).
     */
    public ObservationRecorder(LogStore logs, MetricStore metrics, int memoryMb, int maxMemoryUsedMb,
                               boolean filtering) {
        this.logs = logs;
        this.metrics = metrics;
        this.memoryMb = memoryMb;
        this.maxMemoryUsedMb = Math.min(maxMemoryUsedMb, memoryMb);
        this.filtering = filtering;
    }

    @Override
    public void polled(String shardId, long atNanos, int records) {
        metrics.add(MetricName.PolledEventCount, atNanos, records);
        if (filtering) {
            metrics.add(MetricName.FilteredOutEventCount, atNanos, 0);
        }
    }

    @Override
    public void filteredOut(String shardId, long atNanos, int records) {
        metrics.add(MetricName.PolledEventCount, atNanos, records);
        metrics.add(MetricName.FilteredOutEventCount, atNanos, records);
    }

    @Override
    public void throttled(String shardId, long atNanos) {
        metrics.add(MetricName.Throttles, atNanos, 1); // rule 15.3, 17.1: not an invocation, no log line
    }

    @Override
    public void invocationStarted(InvocationReport r) {
        long start = r.startNanos();
        double iteratorAge = Math.max(0, Math.floorDiv(start, 1_000_000L) - r.lastArrivalMillis());
        metrics.add(MetricName.IteratorAge, start, iteratorAge); // rule 10.1, 0.5: the last record, at invoke start
        metrics.addShardIteratorAge(r.shardId(), start, iteratorAge);
        while (!runningUntil.isEmpty() && runningUntil.peek() <= start) {
            runningUntil.poll();
        }
        runningUntil.add(r.endNanos());
        metrics.add(MetricName.ConcurrentExecutions, start, runningUntil.size());
        if (r.logStreamName() != null) { // built when read (LogStore): most lines of a long run are never kept
            logs.add(1, () -> new LogEvent[] {new LogEvent(Scheduler.toInstant(start), r.logStreamName(),
                    LambdaLogLines.start(r.requestId()), r.requestId())});
        }
    }

    @Override
    public void invocationEnded(InvocationReport r) {
        long end = r.endNanos();
        long durationNanos = Math.max(0, end - r.startNanos() - Math.max(0, r.initNanos())); // rule 0.15
        boolean functionError = r.outcome() instanceof Outcome.FunctionError e
                && e.kind() != Outcome.ErrorKind.BATCH_FAILURE_RESPONSE; // a returned response is no function error
        boolean failedEvents = r.outcome() instanceof Outcome.FunctionError
                || r.outcome() instanceof Outcome.PartialFailure;
        metrics.add(MetricName.Invocations, end, 1);
        metrics.add(MetricName.Errors, end, functionError ? 1 : 0);
        metrics.add(MetricName.Duration, end, durationNanos / 1_000_000.0);
        metrics.add(MetricName.InvokedEventCount, end, r.batchSize());
        if (failedEvents) {
            metrics.add(MetricName.FailedInvokeEventCount, end, r.batchSize());
        }
        if (r.logStreamName() != null) {
            logs.add(r.handlerLines().size() + 2 + (r.timedOut() ? 1 : 0), () -> lines(r, durationNanos));
        }
    }

    private LogEvent[] lines(InvocationReport r, long durationNanos) {
        String stream = r.logStreamName();
        String id = r.requestId();
        var end = Scheduler.toInstant(r.endNanos());
        int n = r.handlerLines().size();
        LogEvent[] lines = new LogEvent[n + 2 + (r.timedOut() ? 1 : 0)];
        int i = 0;
        for (HandlerLine line : r.handlerLines()) {
            lines[i++] = new LogEvent(Scheduler.toInstant(line.atNanos()), stream, line.message(), id);
        }
        if (r.timedOut()) {
            lines[i++] = new LogEvent(end, stream, LambdaLogLines.timeout(end, id, r.timeoutMillis()), id);
        }
        lines[i++] = new LogEvent(end, stream, LambdaLogLines.end(id), id);
        lines[i] = new LogEvent(end, stream,
                LambdaLogLines.report(id, durationNanos, r.initNanos(), memoryMb, maxMemoryUsedMb), id);
        return lines;
    }

    @Override
    public void recordsDropped(String shardId, long atNanos, int records) {
        metrics.add(MetricName.DroppedEventCount, atNanos, records);
    }

    @Override
    public void destinationDelivered(String shardId, long atNanos, int records) {
        metrics.add(MetricName.OnFailureDestinationDeliveredEventCount, atNanos, records);
    }

    @Override
    public void destinationDeliveryFailed(String shardId, long atNanos, int records) {
        metrics.add(MetricName.DestinationDeliveryFailures, atNanos, 1);
        metrics.add(MetricName.DroppedEventCount, atNanos, records); // not delivered, so dropped (modelled)
    }
}
