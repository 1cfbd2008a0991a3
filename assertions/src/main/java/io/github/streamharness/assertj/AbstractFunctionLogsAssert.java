package io.github.streamharness.assertj;

import io.github.streamharness.FunctionLogs;
import io.github.streamharness.LogEvent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.github.streamharness.assertj.ShouldHaveLogLines.shouldContainLine;
import static io.github.streamharness.assertj.ShouldHaveLogLines.shouldHaveLines;

/**
 * Assertions on a function's CloudWatch Logs (section 16): timeouts, lines written, and Logs Insights queries. Failure
 * messages show the lines that broke them.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractFunctionLogsAssert<SELF extends AbstractFunctionLogsAssert<SELF>>
        extends AbstractStreamAssert<SELF, FunctionLogs> {
    private static final Pattern TIMEOUT = Pattern.compile("Task timed out after ");

    /** Creates the assertion. */
    protected AbstractFunctionLogsAssert(FunctionLogs actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that no invocation timed out: no {@code Task timed out after N.NN seconds} line. */
    public SELF hasNoTimeouts() {
        return hasTimeouts(0);
    }

    /** Verifies the number of {@code Task timed out after N.NN seconds} lines. */
    public SELF hasTimeouts(int expected) {
        isNotNull();
        List<LogEvent> found = matching(TIMEOUT);
        if (found.size() != expected) {
            throwAssertionError(shouldHaveLines(actual.logGroupName(), expected == 0 ? "to have no \"Task timed "
                    + "out\" line" : "to have " + expected + " \"Task timed out\" line(s)", found));
        }
        return myself;
    }

    /** Verifies that some event's message is exactly {@code line} (REPORT fields separated by tabs). */
    public SELF containsLine(String line) {
        isNotNull();
        Objects.requireNonNull(line, "line");
        List<LogEvent> events = actual.events();
        if (events.stream().noneMatch(e -> e.message().equals(line))) {
            throwAssertionError(shouldContainLine(actual.logGroupName(), "the line:\n  "
                    + line.replace("\t", "\\t"), events));
        }
        return myself;
    }

    /** Verifies that some event's message contains a match of {@code regex}. */
    public SELF containsLineMatching(String regex) {
        isNotNull();
        Pattern p = Pattern.compile(regex);
        List<LogEvent> events = actual.events();
        if (events.stream().noneMatch(e -> p.matcher(e.message()).find())) {
            throwAssertionError(shouldContainLine(actual.logGroupName(), "a line matching /"
                    + regex + "/", events));
        }
        return myself;
    }

    /** Verifies that no event's message contains a match of {@code regex}; the message lists those that do. */
    public SELF doesNotContainLineMatching(String regex) {
        isNotNull();
        List<LogEvent> found = matching(Pattern.compile(regex));
        if (!found.isEmpty()) {
            throwAssertionError(shouldHaveLines(actual.logGroupName(), "to have no line matching /"
                    + regex + "/", found));
        }
        return myself;
    }

    /**
     * Verifies that a Logs Insights query (rule 16.3) returns {@code expected} rows; the message shows the rows.
     */
    public SELF hasQueryRowCount(String query, int expected) {
        isNotNull();
        List<Map<String, String>> rows = actual.query(query);
        if (rows.size() != expected) {
            failWithActualExpectedAndMessage(rows.size(), expected, "%nExpecting the Logs Insights query%n  %s%n"
                    + "over %s to return %s row(s) but it returned %s:%n  %s", query, actual.logGroupName(), expected,
                    rows.size(), rows.isEmpty() ? "(none)" : String.join("\n  ", rows.stream().map(Object::toString)
                            .toList()));
        }
        return myself;
    }

    private List<LogEvent> matching(Pattern p) {
        return actual.events().stream().filter(e -> p.matcher(e.message()).find()).toList();
    }
}
