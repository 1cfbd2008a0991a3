package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetterQueue;

/** Assertions on a mapping's on-failure destination messages; see {@link AbstractDeadLetterQueueAssert}. */
public class DeadLetterQueueAssert extends AbstractDeadLetterQueueAssert<DeadLetterQueueAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(dlq)}). */
    public DeadLetterQueueAssert(DeadLetterQueue actual) {
        super(actual, DeadLetterQueueAssert.class);
    }
}
