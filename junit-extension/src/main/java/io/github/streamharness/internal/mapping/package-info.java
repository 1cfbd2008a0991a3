/**
 * Internal, not API: the event source mapping engine: lanes, shard readers, checkpoints, retries and on-failure
 * messages. Types here are public only so that other internal packages can use them; they may change in any
 * release. Use the types of {@code io.github.streamharness} instead.
 */
package io.github.streamharness.internal.mapping;
