package io.github.streamharness.internal.observe;

import io.github.streamharness.Outcome;

import java.util.List;

/**
 * What the engine tells the function's CloudWatch Logs and metrics (section 16, 17): a few calls at the moments AWS
 * records something. Each call carries its virtual time, so a recorder never reads a clock. The default methods do
 * nothing; {@link #NONE} is a sink that records nothing.
 */
public interface ObservationSink {
    /** Records nothing. */
    ObservationSink NONE = new ObservationSink() {
    };

    /** A lane read {@code records} records for a new batch (PolledEventCount, rule 10.2). */
    default void polled(String shardId, long atNanos, int records) {
    }

    /** {@code records} records were filtered out (FilteredOutEventCount and PolledEventCount, rule 9.4, 10.2). */
    default void filteredOut(String shardId, long atNanos, int records) {
    }

    /** An invocation was throttled: it never reached the function and writes no log line (rule 15.3, 16.2). */
    default void throttled(String shardId, long atNanos) {
    }

    /**
     * An invocation reached the function: called when the handler has returned, with the clock still at the
     * invocation's start (START line, IteratorAge, ConcurrentExecutions).
     */
    default void invocationStarted(InvocationReport report) {
    }

    /**
     * The same invocation ended: called when the virtual clock reaches its end (the handler's lines, the timeout
     * line, END, REPORT; Invocations, Errors, Duration), so nothing is visible before it happened.
     */
    default void invocationEnded(InvocationReport report) {
    }

    /** Records discarded for MaximumRetryAttempts or MaximumRecordAgeInSeconds without a destination (10.2). */
    default void recordsDropped(String shardId, long atNanos, int records) {
    }

    /** Records delivered to the on-failure destination in one message (OnFailureDestinationDeliveredEventCount). */
    default void destinationDelivered(String shardId, long atNanos, int records) {
    }

    /** A delivery to the on-failure destination failed (DestinationDeliveryFailures, rule 6.5). */
    default void destinationDeliveryFailed(String shardId, long atNanos, int records) {
    }

    /**
     * One invocation that reached the function.
     *
     * @param shardId           the batch's shard
     * @param requestId         the request id the handler saw
     * @param logStreamName     the execution environment's log stream, or null when no environment ran (the handler
     *                          could not be created)
     * @param startNanos        the start of the invocation (of Init, for a cold start: rule 0.15)
     * @param endNanos          its end
     * @param initNanos         the Init phase's duration on a cold start, or -1 for a warm invocation
     * @param timeoutMillis     the function timeout
     * @param outcome           how the invocation ended
     * @param batchSize         records in the batch
     * @param lastArrivalMillis arrival time of the batch's last record (IteratorAge, rule 10.1, 0.5)
     * @param handlerLines      what the handler wrote through its context's logger, with the virtual time of each
     */
    record InvocationReport(String shardId, String requestId, String logStreamName, long startNanos, long endNanos,
                            long initNanos, long timeoutMillis, Outcome outcome, int batchSize,
                            long lastArrivalMillis, List<HandlerLine> handlerLines) {
        /** Whether the invocation ran past the function timeout. */
        public boolean timedOut() {
            return outcome instanceof Outcome.FunctionError e && e.kind() == Outcome.ErrorKind.TIMEOUT;
        }
    }

    /** A line the handler logged, at a virtual time in epoch nanoseconds. */
    record HandlerLine(long atNanos, String message) {
    }
}
