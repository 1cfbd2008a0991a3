package io.github.streamharness.assertj;

import io.github.streamharness.LogEvent;

import java.util.ArrayList;
import java.util.List;

/** Messages of {@link AbstractFunctionLogsAssert}: they show the log lines that broke the assertion. */
final class ShouldHaveLogLines extends StreamErrorMessageFactory {
    private static final int SHOWN = 10;

    private ShouldHaveLogLines(Parts parts) {
        super(parts, "");
    }

    /** hasNoTimeouts / hasTimeouts / doesNotContainLineMatching: the lines found. */
    static ShouldHaveLogLines shouldHaveLines(String logGroup, String expectation, List<LogEvent> found) {
        Parts p = new Parts().text("Expecting log group ").plain(logGroup).text(" ").plain(expectation)
                .text("%nbut it had " + found.size() + (found.size() == 1 ? " such line" : " such lines"));
        if (!found.isEmpty()) {
            p.text(":%n").plain(lines(found));
        }
        return new ShouldHaveLogLines(p);
    }

    /** containsLine / containsLineMatching: what the log group holds instead. */
    static ShouldHaveLogLines shouldContainLine(String logGroup, String what, List<LogEvent> events) {
        Parts p = new Parts().text("Expecting log group ").plain(logGroup).text(" to contain ").plain(what)
                .text("%nbut it did not; its " + events.size() + " event(s)" + (events.isEmpty() ? "" : ":%n"));
        if (!events.isEmpty()) {
            p.plain(lines(events));
        }
        return new ShouldHaveLogLines(p);
    }

    /** The events as the console shows them (time, stream, message; tabs as \t), the middle elided. */
    static String lines(List<LogEvent> events) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.size() > 2 * SHOWN && i == SHOWN) {
                out.add("... " + (events.size() - 2 * SHOWN) + " more ...");
                i = events.size() - SHOWN;
            }
            out.add(events.get(i).toString());
        }
        return indented(out);
    }
}
