package io.github.streamharness.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A sink with its own little discrete-event scheduler: keeps what is put and when, counts scheduled actions. */
final class FakeSink implements RecordSink {
    /** One put: the record and the virtual time it was put at. */
    record Put(Instant at, RecordSpec record) {
    }

    private record Scheduled(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at.compareTo(b.at);
        return byTime != 0 ? byTime : Long.compare(a.order, b.order);
    });
    private final List<Put> puts = new ArrayList<>();
    private final List<Integer> callSizes = new ArrayList<>();
    private final boolean keep;
    private Instant now;
    private long order;
    private long count;
    private long actionsRun;
    private int maxPending;
    private Instant lastPutAt;

    FakeSink(Instant start, boolean keep) {
        this.now = start;
        this.keep = keep;
    }

    FakeSink(Instant start) {
        this(start, true);
    }

    @Override
    public void put(RecordSpec record) {
        count++;
        lastPutAt = now;
        if (keep) {
            puts.add(new Put(now, record));
        }
    }

    @Override
    public void putAll(List<RecordSpec> records) {
        callSizes.add(records.size());
        RecordSink.super.putAll(records);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void schedule(Instant at, Runnable action) {
        queue.add(new Scheduled(at.isBefore(now) ? now : at, order++, action));
        maxPending = Math.max(maxPending, queue.size());
    }

    /** Runs every action due up to and including {@code until}, then moves the clock there. */
    void advanceTo(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(until)) {
            Scheduled next = queue.poll();
            now = next.at;
            actionsRun++;
            next.action.run();
        }
        now = until;
    }

    /** Runs every scheduled action, however far in the future. */
    void runUntilIdle() {
        while (!queue.isEmpty()) {
            Scheduled next = queue.poll();
            now = next.at;
            actionsRun++;
            next.action.run();
        }
    }

    List<Put> puts() {
        return puts;
    }

    /** The size of each putAll call, in order. */
    List<Integer> callSizes() {
        return callSizes;
    }

    long count() {
        return count;
    }

    long actionsRun() {
        return actionsRun;
    }

    int pending() {
        return queue.size();
    }

    int maxPending() {
        return maxPending;
    }

    Instant lastPutAt() {
        return lastPutAt;
    }
}
