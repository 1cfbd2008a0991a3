/**
 * The reference model of the event source mapping's failure rules for one lane, and the tools of the differential
 * tests built on it (issue 8): an obviously-correct model written from the spec, a seeded scenario generator, a
 * shrinker and the invariants every run must keep.
 *
 * <p>Everything here is engine-agnostic. A {@link io.github.streamharness.model.Scenario} names records by index
 * 0..n-1 (in shard order), arrival times in ms and a pure {@link io.github.streamharness.model.Oracle}. An engine
 * adapter replays a scenario by putting n records at those arrival times on one shard, starting the mapping at
 * {@code startMs} (TRIM_HORIZON, window 0), and answering each invocation with the oracle's outcome for
 * (invocation number counting throttles, the batch's record indices, the attempt of this batch, each record's
 * earlier deliveries); it then reads its invocation log and DLQ back into a
 * {@link io.github.streamharness.model.ModelResult} and compares it with the model's, and checks
 * {@link io.github.streamharness.model.LaneInvariants}. A failing case is printed with its seed and shrunk with
 * {@link io.github.streamharness.model.Shrinker}.
 *
 * <p>{@link io.github.streamharness.model.BatchingModel} models batching apart (records arriving while the lane runs,
 * BatchSize, the batching window, the 6 MB cut, the poll cadence) for a handler that always succeeds; the engine is
 * compared with it by {@code reliability/BatchingDifferentialTest}.
 */
package io.github.streamharness.model;
