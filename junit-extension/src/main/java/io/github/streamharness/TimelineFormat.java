package io.github.streamharness;

import io.github.streamharness.internal.observe.SequenceRanges;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders a mapping's timeline as compact text: one line per invocation or event, elided in the middle. */
final class TimelineFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TimelineFormat() {
    }

    static String format(InvocationLog log, int maxLines) {
        // in the order things happened; an invocation is logged when it ends but placed at its start, so that
        // lanes running at the same time read in time order (a stable sort keeps cause before effect)
        List<Line> timed = new ArrayList<>();
        for (Object o : log.chronology()) {
            if (o instanceof Invocation i) {
                timed.add(new Line(i.startedAt(), invocationLine(i)));
            } else if (o instanceof TimelineEntry e) {
                timed.add(new Line(e.at(), String.format("%s  %s  %-10s %s", TIME.format(e.at()),
                        where(e.shardId(), e.lane()), e.kind(), e.text())));
            }
        }
        timed.sort(java.util.Comparator.comparing(Line::at));
        List<String> lines = timed.stream().map(Line::text).toList();
        StringBuilder sb = new StringBuilder();
        sb.append("timeline of ").append(log.functionName()).append(" (").append(log.count())
                .append(" invocation(s)):\n");
        if (lines.isEmpty()) {
            return sb.append("  (nothing happened: no invocation, no event)").toString();
        }
        int max = Math.max(4, maxLines);
        if (lines.size() <= max) {
            lines.forEach(l -> sb.append("  ").append(l).append('\n'));
        } else {
            int head = max / 2;
            int tail = max - head;
            lines.subList(0, head).forEach(l -> sb.append("  ").append(l).append('\n'));
            sb.append("  ... ").append(lines.size() - head - tail).append(" line(s) elided ...\n");
            lines.subList(lines.size() - tail, lines.size()).forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return sb.toString().stripTrailing();
    }

    private static String invocationLine(Invocation i) {
        String detail = i.outcome() instanceof Outcome.FunctionError fe && fe.errorMessage() != null
                ? ": " + oneLine(fe.errorMessage())
                : i.outcome() instanceof Outcome.Throttled t ? ": " + oneLine(t.reason()) : "";
        String environment = i.environmentId() == null ? "" : " [" + i.environmentId()
                + (i.coldStart() ? ", cold start" : "") + "]";
        String window = i.window() == null ? ""
                : (i.isFinalInvokeForWindow() ? " final for window " : " in window ") + i.window().windowStart();
        return String.format("%s  %s  #%-4d %s%s attempt %d -> %s%s%s", TIME.format(i.startedAt()),
                where(i.shardId(), i.lane()), i.number(), range(i.records()), window, i.attempt(),
                i.outcome().label(), detail, environment);
    }

    private static String range(List<StreamRecord> records) {
        return SequenceRanges.describe(records);
    }

    private static String where(String shardId, int lane) {
        if (shardId == null) {
            return "mapping";
        }
        return lane == 0 ? shardId : shardId + "/lane-" + lane;
    }

    private static String oneLine(String text) {
        String s = text.replace('\n', ' ');
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }


    private record Line(java.time.Instant at, String text) {
    }
}
