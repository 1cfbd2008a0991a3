package io.github.streamharness.internal.invoke;

/**
 * What the fault plan injects into one invocation.
 *
 * @param coldStartNanos virtual time a new execution environment spends initialising (counts toward the timeout)
 * @param latencyNanos   extra virtual time spent before the handler runs
 * @param throttle       the invocation never reaches the function (spec 4.2)
 * @param timeout        the invocation runs until the function timeout without calling the handler
 * @param exception      thrown instead of calling the handler, or null
 */
public record InjectedFaults(long coldStartNanos, long latencyNanos, boolean throttle, boolean timeout,
                             Throwable exception) {
    /** No fault. */
    public static final InjectedFaults NONE = new InjectedFaults(0, 0, false, false, null);
}
