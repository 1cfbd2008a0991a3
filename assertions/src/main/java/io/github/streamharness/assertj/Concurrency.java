package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The peak of invocations running at once, read off the invocation log (rule 15.3). */
final class Concurrency {
    private Concurrency() {
    }

    /** The most invocations busy at one instant, and the ones busy then (the first such instant). */
    record Peak(int count, List<Invocation> invocations) {
    }

    static Peak peak(List<Invocation> all) {
        List<Invocation> ran = all.stream().filter(i -> i.environmentId() != null).toList();
        List<long[]> events = new ArrayList<>(); // {time, +1 start or -1 end}: an invocation is busy in [start, end)
        for (Invocation i : ran) {
            long start = nanos(i.startedAt());
            events.add(new long[] {start, 1});
            events.add(new long[] {Math.max(start + 1, nanos(i.endedAt())), -1}); // no time taken: busy at its instant
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1])); // ends first
        int busy = 0;
        int max = 0;
        long at = 0;
        for (long[] e : events) {
            busy += (int) e[1];
            if (busy > max) {
                max = busy;
                at = e[0];
            }
        }
        long instant = at;
        List<Invocation> atPeak = ran.stream().filter(i -> nanos(i.startedAt()) <= instant
                && Math.max(nanos(i.startedAt()) + 1, nanos(i.endedAt())) > instant).toList();
        return new Peak(max, atPeak);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
