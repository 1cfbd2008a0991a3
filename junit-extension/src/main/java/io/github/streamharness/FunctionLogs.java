package io.github.streamharness;

import io.github.streamharness.internal.observe.LogStore;
import io.github.streamharness.internal.observe.insights.InsightsQuery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The function's CloudWatch Logs (section 16): log group {@code /aws/lambda/<functionName>}, one log stream per execution
 * environment, and per invocation the START line, the handler's own lines, the timeout line, END and REPORT, stamped
 * on the virtual clock. Equal seeds give byte-identical logs. A live view that grows as the harness runs; with
 * {@code retainInvocations(n)} it keeps the lines of the last n invocations.
 *
 * <pre>{@code
 * logs.query("fields @timestamp, @message | filter @message like /Task timed out/ | sort @timestamp asc | limit 50");
 * }</pre>
 */
public final class FunctionLogs {
    private final String logGroupName;
    private final String accountId;
    private final LogStore store;

    FunctionLogs(String functionName, String accountId, LogStore store) {
        this.logGroupName = "/aws/lambda/" + functionName;
        this.accountId = accountId;
        this.store = store;
    }

    /** The log group, {@code /aws/lambda/<functionName>} (rule 16.1). */
    public String logGroupName() {
        return logGroupName;
    }

    /** Every event in time order: per invocation START, the handler's lines, a timeout line, END, REPORT. */
    public List<LogEvent> events() {
        return store.events();
    }

    /** The messages of {@link #events()}, in the same order. */
    public List<String> messages() {
        return events().stream().map(LogEvent::message).toList();
    }

    /** The log streams that hold events, in the order of their first event (one per execution environment). */
    public List<String> logStreamNames() {
        return events().stream().map(LogEvent::logStreamName).distinct().toList();
    }

    /**
     * Runs a CloudWatch Logs Insights query over the log group (the subset of rule 16.3: {@code fields},
     * {@code filter}, {@code stats}, {@code sort}, {@code limit}, {@code parse}, {@code display}). Each row maps a
     * column to its value printed as Insights prints it ({@code @timestamp} as {@code 2026-01-01 00:05:00.000},
     * whole numbers without {@code .0}); a field a row does not have is left out of it. Without {@code sort}, rows
     * come newest first; {@code limit} defaults to 10,000.
     *
     * @throws LogsInsightsQueryException for a malformed query or one outside the subset, pointing at the part
     */
    public List<Map<String, String>> query(String query) {
        return InsightsQuery.parse(query).run(events(), accountId + ":" + logGroupName);
    }

    /** The events as CloudWatch prints them, one per line (tabs shown as {@code \t}). */
    @Override
    public String toString() {
        List<LogEvent> events = events();
        return logGroupName + " (" + events.size() + " events)" + (events.isEmpty() ? "" : "\n  "
                + events.stream().map(LogEvent::toString).collect(Collectors.joining("\n  ")));
    }
}
