package io.github.streamharness.internal.invoke;

/**
 * One Lambda execution environment of a function's {@link EnvironmentPool}: the handler instance it initialised, its
 * log stream, how many invocations it served and until when it is busy. A timeout or a runtime crash discards it
 * (rule 0.4); a provisioned one never cold-starts (rule 15.4).
 */
public final class ExecutionEnvironment {
    private final String id;
    private final int number;
    private final Object handler;
    private final String logStreamName;
    private boolean provisioned;
    private int served;
    private long busyUntil = Long.MIN_VALUE;
    private boolean discarded;

    ExecutionEnvironment(String id, Object handler, String logStreamName) {
        this.id = id;
        this.number = Integer.parseInt(id.substring(id.indexOf('-') + 1));
        this.handler = handler;
        this.logStreamName = logStreamName;
    }

    /** The id shown in the invocation log and the timeline ({@code env-1}, ...). */
    public String id() {
        return id;
    }

    int number() {
        return number;
    }

    Object handler() {
        return handler;
    }

    /** The environment's log stream (rule 16.1). */
    public String logStreamName() {
        return logStreamName;
    }

    boolean provisioned() {
        return provisioned;
    }

    void provision() {
        provisioned = true;
    }

    long busyUntil() {
        return busyUntil;
    }

    boolean discarded() {
        return discarded;
    }

    void occupy(long now, long end, boolean discard) {
        busyUntil = Math.max(now, end);
        discarded = discard;
    }

    /** Counts an invocation; returns true for the first one of an on-demand environment (a cold start). */
    boolean serve() {
        return served++ == 0 && !provisioned;
    }
}
