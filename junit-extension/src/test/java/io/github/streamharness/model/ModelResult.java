package io.github.streamharness.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the reference model says happened in one lane.
 *
 * @param invocations the invocations in order, throttled ones included
 * @param deadLetters the on-failure destination messages in the order they were sent
 * @param committed   the committed record indices in commit order
 * @param fates       each record's final state, by index
 * @param checkpoint  the index of the last record done (committed or discarded), -1 if none
 * @param endMs       the time the lane finished its last record
 */
public record ModelResult(List<ModelInvocation> invocations, List<ModelDeadLetter> deadLetters,
                          List<Integer> committed, List<RecordFate> fates, int checkpoint, long endMs) {

    /** Copies the lists. */
    public ModelResult {
        invocations = List.copyOf(invocations);
        deadLetters = List.copyOf(deadLetters);
        committed = List.copyOf(committed);
        fates = List.copyOf(fates);
    }

    /** How many invocations delivered the record (throttled invocations do not deliver). */
    public long deliveryCount(int record) {
        return invocations.stream()
                .filter(i -> !(i.outcome() instanceof Outcome.Throttle) && i.records().contains(record))
                .count();
    }

    /**
     * A readable timeline, one line per invocation and per message, ordered by time and then by first record (an
     * invocation before a message at the same point), for the failure messages of differential tests.
     */
    public String timeline() {
        List<Line> lines = new ArrayList<>();
        for (ModelInvocation i : invocations) {
            boolean none = i.records().isEmpty(); // a window's final invocation with no records
            lines.add(new Line(i.startMs(), none ? Integer.MAX_VALUE : i.first(), 0, String.format(
                    "t=%dms #%d [%s] attempt %d -> %s", i.startMs(), i.number(),
                    none ? "no records" : range(i.first(), i.last()), i.attempt(), i.outcome())));
        }
        for (ModelDeadLetter d : deadLetters) {
            lines.add(new Line(d.atMs(), d.firstRecord(), 1, String.format(
                    "t=%dms DLQ %s [%s] batchSize %d approximateInvokeCount %d functionError %s", d.atMs(),
                    d.condition(), range(d.firstRecord(), d.lastRecord()), d.batchSize(),
                    d.approximateInvokeCount(), d.functionError())));
        }
        lines.sort(Comparator.comparingLong(Line::time).thenComparingInt(Line::record).thenComparingInt(Line::kind));
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.text()).append('\n'));
        return out.append("checkpoint ").append(checkpoint).toString();
    }

    private record Line(long time, int record, int kind, String text) {
    }

    private static String range(int first, int last) {
        return first == last ? String.valueOf(first) : first + ".." + last;
    }
}
