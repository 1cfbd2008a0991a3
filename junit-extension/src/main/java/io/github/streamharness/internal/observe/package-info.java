/**
 * Internal, not API: how the harness prints what it observed (sequence ranges in timelines and messages). May
 * change in any release; {@code Invocation.recordRange()} and {@code DeadLetter.recordRange()} give the same text.
 */
package io.github.streamharness.internal.observe;
