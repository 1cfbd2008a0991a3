package io.github.streamharness.internal.invoke;

/**
 * One Lambda execution environment: the handler instance it initialised and how many invocations it served. Each
 * lane gets its own (concurrency grows with lanes); a timeout or a runtime crash replaces it (spec 0.4).
 */
final class ExecutionEnvironment {
    private final String id;
    private final Object handler;
    private final String logStreamName;
    private int served;

    ExecutionEnvironment(String id, Object handler, String logStreamName) {
        this.id = id;
        this.handler = handler;
        this.logStreamName = logStreamName;
    }

    /** The environment's CloudWatch log stream (spec 16.1: one per execution environment). */
    String logStreamName() {
        return logStreamName;
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
