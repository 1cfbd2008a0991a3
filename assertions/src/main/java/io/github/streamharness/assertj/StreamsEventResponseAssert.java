package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

/** Assertions on a handler's partial batch response; see {@link AbstractStreamsEventResponseAssert}. */
public class StreamsEventResponseAssert extends AbstractStreamsEventResponseAssert<StreamsEventResponseAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(response)}). */
    public StreamsEventResponseAssert(StreamsEventResponse actual) {
        super(actual, StreamsEventResponseAssert.class);
    }
}
