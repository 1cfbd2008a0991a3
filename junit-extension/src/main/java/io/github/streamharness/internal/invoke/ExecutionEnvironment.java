package io.github.streamharness.internal.invoke;

/**
 * One Lambda execution environment: the handler instance it initialised and how many invocations it served. Each
 * lane gets its own (concurrency grows with lanes); a timeout or a runtime crash replaces it (spec 0.4).
 */
final class ExecutionEnvironment {
    private final String id;
    private final Object handler;
    private int served;

    ExecutionEnvironment(String id, Object handler) {
        this.id = id;
        this.handler = handler;
    }

    String id() {
        return id;
    }

    Object handler() {
        return handler;
    }

    /** Counts an invocation; returns true for the first one (a cold start). */
    boolean serve() {
        return served++ == 0;
    }
}
