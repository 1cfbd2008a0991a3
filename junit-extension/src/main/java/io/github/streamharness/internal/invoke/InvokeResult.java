package io.github.streamharness.internal.invoke;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.WindowInvocation;
import io.github.streamharness.internal.time.Scheduler;

import java.time.Duration;
import java.util.List;

/**
 * What one invocation produced.
 *
 * @param outcome       how the mapping reads it
 * @param spentNanos    virtual time spent (at most the timeout)
 * @param requestId     the request id given to the handler
 * @param environmentId the execution environment, or null when the function was not reached
 * @param coldStart     whether the environment was new
 * @param logs          lines logged through the context's logger
 * @param warning       something the user should know about this invocation (the watchdog stopped it), or null
 * @param ended         what the function's logs and metrics record at the invocation's end (rule 17.2), to be run
 *                      first thing at that end by whoever completes the invocation (one event, not two), or null
 */
public record InvokeResult(Outcome outcome, long spentNanos, String requestId, String environmentId,
                           boolean coldStart, List<String> logs, String warning, Runnable ended) {

    /** A result with nothing to record at its end. */
    public InvokeResult(Outcome outcome, long spentNanos, String requestId, String environmentId, boolean coldStart,
                        List<String> logs, String warning) {
        this(outcome, spentNanos, requestId, environmentId, coldStart, logs, warning, null);
    }

    /** Records the invocation's end in the function's logs and metrics, if there is anything to record. */
    public void recordEnd() {
        if (ended != null) {
            ended.run();
        }
    }

    /**
     * What escaped the invoker (user code it did not guard), as an ordinary failed attempt; its environment is lost
     * with it (rule 0.4).
     */
    public static InvokeResult escaped(Throwable escaped, String requestId) {
        String type = escaped.getClass().getName();
        String message;
        try {
            message = escaped.getMessage();
        } catch (RuntimeException | Error e) {
            message = "(its getMessage() threw " + e.getClass().getName() + ")";
        }
        String text = type + (message == null ? "" : ": " + message);
        return new InvokeResult(new Outcome.FunctionError(Outcome.ErrorKind.EXCEPTION, type, text, "Unhandled", null),
                0, requestId, null, false, List.of(), null);
    }

    /**
     * The invocation log's entry for this result: invocation {@code number} of {@code batch} in a lane, started at
     * {@code startNanos}; iterator ages from the batch's last record (0 for a window's final invocation without
     * records, rule 0.11b); {@code window} null without tumbling windows.
     */
    public Invocation toInvocation(int number, String functionName, String shardId, int lane, List<StreamRecord> batch,
                                   int attempt, long startNanos, WindowInvocation window) {
        long end = startNanos + spentNanos;
        long lastArrival = batch.isEmpty() ? startNanos
                : batch.get(batch.size() - 1).approximateArrivalEpochMillis() * 1_000_000L;
        return new Invocation(number, functionName, shardId, lane, batch, attempt, outcome,
                Scheduler.toInstant(startNanos), Scheduler.toInstant(end),
                Duration.ofNanos(Math.max(0, startNanos - lastArrival)),
                Duration.ofNanos(Math.max(0, end - lastArrival)),
                requestId, environmentId, coldStart, logs, window);
    }
}
