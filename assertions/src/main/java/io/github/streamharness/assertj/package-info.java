/**
 * AssertJ assertions for streamharness: on-failure destination messages, a mapping's position in a shard, the
 * invocation log, records and partial batch responses. Start from {@link io.github.streamharness.assertj.StreamAssertions}
 * ({@code assertThat}), {@link io.github.streamharness.assertj.BddStreamAssertions} ({@code then}) or
 * {@link io.github.streamharness.assertj.StreamSoftAssertions}. A failed assertion reached from a harness or mapping
 * ends its message with the mapping's timeline: batches, attempts, outcomes, checkpoint moves, on-failure hand-offs.
 */
package io.github.streamharness.assertj;
