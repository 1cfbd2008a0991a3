package io.github.streamharness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything a mapping did, in virtual-time order: its invocations and its timeline (checkpoint moves, bisections,
 * retries, on-failure hand-offs, expiries, warnings). A live view that grows as the harness runs.
 */
public final class InvocationLog {
    private final String functionName;
    // deques: a log that retains the last N entries drops its oldest in O(1)
    private final java.util.ArrayDeque<Invocation> invocations = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<TimelineEntry> timeline = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Object> chronology = new java.util.ArrayDeque<>();
    private final int retainedInvocations;
    private int total;
    private java.util.function.ToLongFunction<List<StreamRecord>> eventSizer;

    /** A log that keeps every invocation. */
    public InvocationLog(String functionName) {
        this(functionName, Integer.MAX_VALUE);
    }

    /** A log that keeps the last {@code retainedInvocations} invocations in detail (long simulations). */
    public InvocationLog(String functionName, int retainedInvocations) {
        this.functionName = functionName;
        this.retainedInvocations = retainedInvocations;
    }

    /** The function whose invocations these are. */
    public String functionName() {
        return functionName;
    }

    /**
     * All retained invocations in the order they started (by number). With several lanes or shards, invocations
     * overlap in virtual time and may end in another order; the timeline shows that order.
     */
    public List<Invocation> all() {
        List<Invocation> sorted = new ArrayList<>(invocations);
        sorted.sort(java.util.Comparator.comparingInt(Invocation::number));
        return Collections.unmodifiableList(sorted);
    }

    /**
     * The last {@code n} invocations logged, in the order they ended (a long invocation, such as a timeout, is logged
     * after later-numbered ones); at most the retained ones. Costs O(n), not O(retained): for readers that follow a
     * long simulation step by step.
     */
    public List<Invocation> lastEnded(int n) {
        int take = Math.min(Math.max(0, n), invocations.size());
        Invocation[] out = new Invocation[take];
        java.util.Iterator<Invocation> newestFirst = invocations.descendingIterator();
        for (int i = take - 1; i >= 0; i--) {
            out[i] = newestFirst.next();
        }
        return List.of(out);
    }

    /** Invocations matching {@code filter}, oldest first. */
    public List<Invocation> where(Predicate<Invocation> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Invocations of one shard, oldest first. */
    public List<Invocation> ofShard(String shardId) {
        return where(i -> i.shardId().equals(shardId));
    }

    /** Invocations whose batch held {@code record}. */
    public List<Invocation> deliveriesOf(StreamRecord record) {
        return where(i -> !(i.outcome() instanceof Outcome.Throttled) && i.contains(record));
    }

    /**
     * The tumbling windows of the retained invocations (section 8), per shard and lane, in the order they opened; empty
     * for a mapping without TumblingWindowInSeconds.
     */
    public List<TumblingWindow> windows() {
        Map<String, List<Invocation>> byWindow = new LinkedHashMap<>();
        for (Invocation i : all()) {
            if (i.window() != null) {
                byWindow.computeIfAbsent(i.shardId() + "/" + i.lane() + "/" + i.window().windowStart(),
                        k -> new ArrayList<>()).add(i);
            }
        }
        List<TumblingWindow> out = new ArrayList<>();
        for (List<Invocation> list : byWindow.values()) {
            Invocation first = list.get(0);
            out.add(new TumblingWindow(first.shardId(), first.lane(), first.window().windowStart(),
                    first.window().windowEnd(), list));
        }
        return out;
    }

    /** The tumbling windows starting at {@code start}, one per shard and lane that had records in it. */
    public List<TumblingWindow> windows(java.time.Instant start) {
        return windows().stream().filter(w -> w.start().equals(start)).toList();
    }

    /** How many times {@code record} reached the function (throttled attempts do not count). */
    public int deliveryCount(StreamRecord record) {
        return deliveriesOf(record).size();
    }

    /** Number of invocations ever made, including any no longer retained. */
    public int count() {
        return total;
    }

    /** Whether nothing was invoked yet. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** The timeline entries besides invocations, oldest first. */
    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(new ArrayList<>(timeline));
    }

    /**
     * The texts of the warnings the harness raised for this mapping (ignored partial responses, records discarded
     * without a destination, delivery failures, watchdog stops, ...), oldest first.
     */
    public List<String> warnings() {
        return warningEntries().stream().map(TimelineEntry::text).toList();
    }

    /** The timeline entries that are warnings, each with its {@link WarningKind}, oldest first. */
    public List<TimelineEntry> warningEntries() {
        List<TimelineEntry> warnings = null; // a loop, not a stream: the extension asks after every test
        for (TimelineEntry e : timeline) {
            if (e.isWarning()) {
                if (warnings == null) {
                    warnings = new ArrayList<>();
                }
                warnings.add(e);
            }
        }
        return warnings == null ? List.of() : Collections.unmodifiableList(warnings);
    }

    /**
     * The exact size in bytes of the event JSON {@code invocation} received, as the mapping measures it against the
     * 6 MB limit (rule 2.5, 0.7).
     *
     * @throws IllegalStateException for a log not produced by a mapping
     */
    public long eventSizeBytes(Invocation invocation) {
        if (eventSizer == null) {
            throw new IllegalStateException("this log does not belong to a mapping, so it cannot size events");
        }
        return eventSizer.applyAsLong(invocation.records());
    }

    void eventSizer(java.util.function.ToLongFunction<List<StreamRecord>> sizer) {
        this.eventSizer = sizer;
    }

    /** The compact timeline, invocations and events merged, elided in the middle beyond {@code maxLines}. */
    public String describe(int maxLines) {
        return TimelineFormat.format(this, maxLines);
    }

    @Override
    public String toString() {
        return describe(40);
    }

    /** Invocations and timeline entries in the order they happened (an invocation when it ended). */
    List<Object> chronology() {
        return new ArrayList<>(chronology);
    }

    void add(Invocation invocation) {
        total++;
        invocations.add(invocation);
        trim(invocations);
        chronology.add(invocation);
        trim(chronology);
    }

    void add(TimelineEntry entry) {
        timeline.add(entry);
        trim(timeline);
        chronology.add(entry);
        trim(chronology);
    }

    private void trim(java.util.ArrayDeque<?> deque) {
        while (deque.size() > retainedInvocations) {
            deque.pollFirst();
        }
    }
}
