package io.github.streamharness.whatif;

import java.time.Duration;

/**
 * The figures of one period of a configuration's run, as CloudWatch would graph them at that period (rule 17.2):
 * Invocations, Errors and Duration by the time the invocation ended, Throttles by the time of the attempt, the
 * IteratorAge maximum by invoke start; timeouts and cold starts, which CloudWatch has no metric for, from the
 * invocations (by end and by start).
 *
 * @param start          the period's start, as virtual time since the traffic started
 * @param maxIteratorAge the IteratorAge maximum (zero when nothing was invoked in the period)
 * @param invocations    invocations that reached the function
 * @param errors         function errors, timeouts included
 * @param timeouts       of which timeouts
 * @param throttles      throttled attempts
 * @param coldStarts     invocations that started a new execution environment
 */
public record Period(Duration start, Duration maxIteratorAge, long invocations, long errors, long timeouts,
                     long throttles, long coldStarts) {
}
