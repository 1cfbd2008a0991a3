package io.github.streamharness.whatif;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.StreamHarness;

/**
 * Builds the handler under test for one configuration's harness. Called once per configuration, on the thread that
 * runs it; a handler (and the mocks it calls, which may spend virtual time on {@code harness.clock()}) must not be
 * shared between configurations.
 */
@FunctionalInterface
public interface HandlerFactory {
    /** A fresh handler for {@code configuration}, running on {@code harness}. */
    RequestHandler<? extends KinesisEvent, ?> create(
            StreamHarness harness, Configuration configuration);
}
