package io.github.streamharness.assertj;

import io.github.streamharness.MappedFunction;

/** Assertions on one mapped function and the way into its parts; see {@link AbstractMappedFunctionAssert}. */
public class MappedFunctionAssert extends AbstractMappedFunctionAssert<MappedFunctionAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(mapping)}). */
    public MappedFunctionAssert(MappedFunction actual) {
        super(actual, MappedFunctionAssert.class);
    }
}
