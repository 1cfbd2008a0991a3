package io.github.streamharness.assertj;

import io.github.streamharness.StreamHarness;

/** The way into assertions on a harness's mappings; see {@link AbstractStreamHarnessAssert}. */
public class StreamHarnessAssert extends AbstractStreamHarnessAssert<StreamHarnessAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(stream)}). */
    public StreamHarnessAssert(StreamHarness actual) {
        super(actual, StreamHarnessAssert.class);
    }
}
