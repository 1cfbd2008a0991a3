package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;

/** Assertions on one invocation; see {@link AbstractInvocationAssert}. */
public class InvocationAssert extends AbstractInvocationAssert<InvocationAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(invocation)}). */
    public InvocationAssert(Invocation actual) {
        super(actual, InvocationAssert.class);
    }
}
