/**
 * Internal, not API: the scheduler and the virtual time of invocations. Types here are public only so that other
 * internal packages can use them; they may change in any release. Use the types of {@code io.github.streamharness}
 * instead.
 */
package io.github.streamharness.internal.time;
