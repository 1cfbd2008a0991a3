package io.github.streamharness.internal.observe;

import io.github.streamharness.LogEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The log events of one function, kept per invocation so that a harness retaining only its last N invocations
 * ({@code retainInvocations}) keeps only their lines too. A group of lines may be written as a recipe that builds
 * them when they are first read: a long run that keeps the last 1,000 invocations then formats only their lines,
 * not those of every invocation it ever made.
 */
public final class LogStore {
    private final ArrayDeque<Object> invocations = new ArrayDeque<>(); // LogEvent[] or Lines
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
        keep(linesOfOneInvocation, linesOfOneInvocation.length);
    }

    /** Adds a group of {@code count} lines that {@code lines} builds when they are first read. */
    void add(int count, Supplier<LogEvent[]> lines) {
        keep(new Lines(lines), count);
    }

    private void keep(Object group, int count) {
        invocations.add(group);
        written += count;
        while (invocations.size() > retainedInvocations) {
            invocations.pollFirst();
        }
    }

    /** Every retained event in time order (events of equal time in the order they were written). */
    public List<LogEvent> events() {
        List<LogEvent> all = new ArrayList<>();
        for (Object group : invocations) {
            for (LogEvent e : group instanceof Lines lazy ? lazy.get() : (LogEvent[]) group) {
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

    /** A group of lines built when first read, then kept. */
    private static final class Lines {
        private Supplier<LogEvent[]> recipe;
        private LogEvent[] built;

        Lines(Supplier<LogEvent[]> recipe) {
            this.recipe = recipe;
        }

        LogEvent[] get() {
            if (built == null) {
                built = recipe.get();
                recipe = null;
            }
            return built;
        }
    }
}
