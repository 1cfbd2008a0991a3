package io.github.streamharness.examples.demo;

import java.time.Duration;

/**
 * What the stream and the function looked like at one moment of a replay.
 *
 * @param at                  virtual time since the replay started
 * @param maxIteratorAge      the largest iterator age over the shards (spec 10.1): how far behind the worst shard is
 * @param recordsProcessed    records committed (delivered and done) so far
 * @param invocations         invocations so far
 * @param errors              invocations that failed so far (exceptions and timeouts, spec 4.1)
 * @param timeouts            of which timeouts
 * @param dlqMessages         on-failure messages sent so far (spec 6.1)
 * @param recordsPut          records written to the stream so far
 */
public record Sample(Duration at, Duration maxIteratorAge, long recordsProcessed, long invocations, long errors,
                     long timeouts, long dlqMessages, long recordsPut) {
}
