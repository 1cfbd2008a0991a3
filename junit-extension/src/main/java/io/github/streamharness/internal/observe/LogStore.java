package io.github.streamharness.internal.observe;

import io.github.streamharness.LogEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The log events of one function, kept per invocation so that a harness retaining only its last N invocations
 * ({@code retainInvocations}) keeps only their lines too.
 */
public final class LogStore {
    private final ArrayDeque<LogEvent[]> invocations = new ArrayDeque<>();
    private final int retainedInvocations;
    private long written;

    /**
     * A store that keeps the lines of the last {@code retainedInvocations} invocations (each invocation adds two
     * groups: its START line when it starts, the rest when it ends).
     */
    public LogStore(int retainedInvocations) {
        this.retainedInvocations = retainedInvocations > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE
                : retainedInvocations * 2;
    }

    void add(LogEvent[] linesOfOneInvocation) {
        invocations.add(linesOfOneInvocation);
        written += linesOfOneInvocation.length;
        while (invocations.size() > retainedInvocations) {
            invocations.pollFirst();
        }
    }

    /** Every retained event in time order (events of equal time in the order they were written). */
    public List<LogEvent> events() {
        List<LogEvent> all = new ArrayList<>();
        for (LogEvent[] group : invocations) {
            for (LogEvent e : group) {
                all.add(e);
            }
        }
        all.sort(Comparator.comparing(LogEvent::timestamp)); // stable: ties keep the order written
        return all;
    }

    /** How many events were ever written, including any no longer retained. */
    public long written() {
        return written;
    }
}
