package io.github.streamharness.model;

/**
 * The function's execution environments and limits as the reference model sees them for its one lane (section 15,
 * 0.14, 0.15), written from the spec independently of the engine's pool.
 *
 * <ul>
 *   <li>rule 15.3: reserved concurrency 0 throttles every invocation (one lane never runs two at once, so any other
 *       limit never throttles it); throttles end only by record age (rule 4.2);
 *   <li>rule 0.14, 15.2: the lane's invocation reuses the environment of the previous one unless that one timed
 *       out (rule 0.4: replaced) or stayed idle longer than {@code keepWarmMs} since its invocation ended; a new
 *       on-demand environment cold-starts: its Init phase ({@code initDurationMs}) comes first and counts against the
 *       timeout (rule 0.15);
 *   <li>rule 15.4: with provisioned concurrency of at least 1 the lane's environment is a provisioned one: never a
 *       cold start, never reclaimed, and replaced by another provisioned one after a timeout.
 * </ul>
 *
 * @param reservedConcurrency    -1 (unreserved) or 0 or more
 * @param provisionedConcurrency 0 or more, at most the reserved concurrency when that is set
 * @param initDurationMs         the Init phase of a new on-demand environment, 0..10000
 * @param keepWarmMs             how long an idle on-demand environment stays warm, positive
 */
public record ModelFunction(int reservedConcurrency, int provisionedConcurrency, long initDurationMs,
                            long keepWarmMs) {
    /** Lambda's defaults: unreserved, no provisioned concurrency, no Init time, 10 minutes warm. */
    public static final ModelFunction DEFAULTS = new ModelFunction(-1, 0, 0, 600_000);

    /** Checks the ranges the harness accepts. */
    public ModelFunction {
        if (reservedConcurrency < -1 || provisionedConcurrency < 0 || initDurationMs < 0 || initDurationMs > 10_000
                || keepWarmMs < 1 || reservedConcurrency != -1 && provisionedConcurrency > reservedConcurrency) {
            throw new IllegalArgumentException("invalid function settings " + this);
        }
    }

    /** Rule 15.3: whether every invocation is throttled. */
    public boolean throttlesAll() {
        return reservedConcurrency == 0;
    }
}
