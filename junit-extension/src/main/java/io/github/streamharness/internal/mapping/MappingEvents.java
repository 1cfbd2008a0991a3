package io.github.streamharness.internal.mapping;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.Invocation;
import io.github.streamharness.internal.observe.ObservationSink;
import io.github.streamharness.internal.observe.Timeline;

/** Where a mapping reports what it did: its invocation log, its on-failure destination and its timeline. */
public interface MappingEvents extends Timeline {
    /** An invocation ended. */
    void invoked(Invocation invocation);

    /** A message was sent to the on-failure destination. */
    void deadLetter(DeadLetter message);

    /** Where the mapping reports polls, drops and destination deliveries for the function's metrics (section 17). */
    default ObservationSink observations() {
        return ObservationSink.NONE;
    }
}
