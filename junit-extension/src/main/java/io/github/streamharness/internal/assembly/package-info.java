/**
 * Internal, not API: the frozen settings of a harness and the wiring of its parts. May change in any release; use
 * {@code io.github.streamharness.StreamHarness} instead.
 */
package io.github.streamharness.internal.assembly;
