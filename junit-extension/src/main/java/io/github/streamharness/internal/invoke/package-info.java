/**
 * Internal, not API: calling the function: the invoker, execution environments, injected faults, reading responses.
 * Types here are public only so that other internal packages can use them; they may change in any release. Use the
 * types of {@code io.github.streamharness} instead.
 */
package io.github.streamharness.internal.invoke;
