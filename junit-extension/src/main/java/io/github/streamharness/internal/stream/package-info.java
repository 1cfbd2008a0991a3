/**
 * Internal, not API: the stream log: shards, hash keys, sequence numbers, retention. Types here are public only so
 * that other internal packages can use them; they may change in any release. Use the types of {@code
 * io.github.streamharness} instead.
 */
package io.github.streamharness.internal.stream;
