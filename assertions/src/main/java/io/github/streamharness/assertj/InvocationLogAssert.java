package io.github.streamharness.assertj;

import io.github.streamharness.InvocationLog;

/** Assertions on a mapping's invocation log; see {@link AbstractInvocationLogAssert}. */
public class InvocationLogAssert extends AbstractInvocationLogAssert<InvocationLogAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(log)}). */
    public InvocationLogAssert(InvocationLog actual) {
        super(actual, InvocationLogAssert.class);
    }
}
