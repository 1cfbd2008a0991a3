package io.github.streamharness.internal.invoke;

/**
 * What the fault plan injects into one invocation.
 *
 * @param coldStartNanos the Init phase if the invocation is cold, i.e. gets a new on-demand environment (counts
 *                       toward the timeout, rule 0.15), or {@link #UNSET} when the plan leaves it to the function's
 *                       initDuration
 * @param latencyNanos   extra virtual time spent before the handler runs
 * @param throttle       the invocation never reaches the function (rule 4.2)
 * @param timeout        the invocation runs until the function timeout without calling the handler
 * @param exception      thrown instead of calling the handler, or null
 */
public record InjectedFaults(long coldStartNanos, long latencyNanos, boolean throttle, boolean timeout,
                             Throwable exception) {
    /** The plan sets no cold start: the function's initDuration applies. */
    public static final long UNSET = -1;

    /** No fault. */
    public static final InjectedFaults NONE = new InjectedFaults(UNSET, 0, false, false, null);
}
