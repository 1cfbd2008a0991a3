package io.github.streamharness.internal.time;

/**
 * Thrown into a handler that sleeps past its function timeout on the virtual clock, ending it the way Lambda ends a
 * timed-out invocation. An {@link Error}, so that {@code catch (Exception e)} in user code does not swallow it; the
 * invocation is a timeout even if the handler catches it anyway.
 */
public final class VirtualTimeout extends Error {
    /** Creates the signal with the Lambda timeout message. */
    public VirtualTimeout(String message) {
        super(message, null, false, false);
    }
}
