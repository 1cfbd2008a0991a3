package io.github.streamharness.internal.invoke;

import io.github.streamharness.Outcome;

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
 */
public record InvokeResult(Outcome outcome, long spentNanos, String requestId, String environmentId,
                           boolean coldStart, List<String> logs, String warning) {

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
}
