package io.github.streamharness.internal.mapping;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.Invocation;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.internal.observe.ObservationSink;

/** Where a mapping reports what it did: its invocation log, its on-failure destination and its timeline. */
public interface MappingEvents {
    /** An invocation ended. */
    void invoked(Invocation invocation);

    /** A message was sent to the on-failure destination. */
    void deadLetter(DeadLetter message);

    /** Something worth a line in the timeline happened. */
    void timeline(TimelineEntry entry);

    /** Where the mapping reports polls, drops and destination deliveries for the function's metrics (section 17). */
    default ObservationSink observations() {
        return ObservationSink.NONE;
    }
}
