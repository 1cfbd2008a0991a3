package io.github.streamharness.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints two replays side by side, one row per reporting interval of virtual time. */
final class Table {
    private Table() {
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from one hour. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** An iterator age the way CloudWatch readers think of it: {@code 850 ms}, {@code 14 s}, {@code 12m 05s}. */
    static String age(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }

    static void print(PrintStream out, IncidentReplay.Result before, IncidentReplay.Result after) {
        String group = "%-10s | %-46s | %-46s%n";
        String row = "%-10s | %10s %10s %8s %9s %4s | %10s %10s %8s %9s %4s%n";
        out.printf(group, "", center(before.config().name(), 46), center(after.config().name(), 46));
        out.printf(row, "virtual", "iter. age", "processed", "invoc.", "err (t/o)", "DLQ",
                "iter. age", "processed", "invoc.", "err (t/o)", "DLQ");
        out.println("-".repeat(10) + "-+-" + "-".repeat(46) + "-+-" + "-".repeat(46));
        List<Sample> a = before.rows();
        List<Sample> b = after.rows();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Sample x = a.get(i);
            Sample y = b.get(i);
            out.printf(Locale.ROOT, row, clock(x.at()),
                    age(x.maxIteratorAge()), String.format(Locale.ROOT, "%,d", x.recordsProcessed()),
                    String.format(Locale.ROOT, "%,d", x.invocations()), errors(x), x.dlqMessages(),
                    age(y.maxIteratorAge()), String.format(Locale.ROOT, "%,d", y.recordsProcessed()),
                    String.format(Locale.ROOT, "%,d", y.invocations()), errors(y), y.dlqMessages());
        }
    }

    private static String errors(Sample s) {
        return s.errors() + " (" + s.timeouts() + ")";
    }

    private static String center(String text, int width) {
        int left = Math.max(0, (width - text.length()) / 2);
        return " ".repeat(left) + text;
    }
}
