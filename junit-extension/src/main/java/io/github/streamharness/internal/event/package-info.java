/**
 * Internal, not API: the Lambda Kinesis event: its JSON and the KinesisEvent objects handed to handlers. Types here
 * are public only so that other internal packages can use them; they may change in any release. Use the types of
 * {@code io.github.streamharness} instead.
 */
package io.github.streamharness.internal.event;
