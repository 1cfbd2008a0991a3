package io.github.streamharness.internal.invoke;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads what a throwable from user code says without trusting it: its {@code getMessage()} or {@code getCause()}
 * may throw too (a handler's own exception class, a mock). Only the JDK's final {@code getClass()} is called
 * unguarded.
 */
final class Throwables {
    private static final int MAX_CAUSES = 32;

    private Throwables() {
    }

    /**
     * The throwable's message, or, when {@code getMessage()} throws, {@code "<class name> (its getMessage() threw
     * <class name of what it threw>)"}.
     */
    static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable broken) {
            return t.getClass().getName() + " (its getMessage() threw " + broken.getClass().getName() + ")";
        }
    }

    /** {@code "<class name>: <message>"}, or just the class name without a message; never throws. */
    static String describe(Throwable t) {
        String name = t.getClass().getName();
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable broken) {
            return name + " (its getMessage() threw " + broken.getClass().getName() + ")";
        }
        return message == null ? name : name + ": " + message;
    }

    /**
     * Whether {@code t} or one of its causes says the thread was interrupted (InterruptedException and the I/O
     * exceptions an interrupt causes); a cause that cannot be read ends the search.
     */
    static boolean isInterruption(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = t;
        for (int depth = 0; current != null && depth < MAX_CAUSES && seen.put(current, Boolean.TRUE) == null;
             depth++) {
            if (current instanceof InterruptedException || current instanceof InterruptedIOException
                    || current instanceof ClosedByInterruptException) {
                return true;
            }
            try {
                current = current.getCause();
            } catch (Throwable broken) {
                return false;
            }
        }
        return false;
    }
}
