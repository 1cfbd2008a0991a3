package io.github.streamharness.assertj;

import io.github.streamharness.StreamRecord;

/** Assertions on one record of the stream; see {@link AbstractStreamRecordAssert}. */
public class StreamRecordAssert extends AbstractStreamRecordAssert<StreamRecordAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(record)}). */
    public StreamRecordAssert(StreamRecord actual) {
        super(actual, StreamRecordAssert.class);
    }
}
