package io.github.streamharness.internal.observe.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.LogEvent;
import io.github.streamharness.LogsInsightsQueryException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed CloudWatch Logs Insights query of the subset of rule 16.3, ready to run over a log group's events. Fields
 * starting with {@code @} must be ones a Lambda log group has (a typo would otherwise match nothing, silently).
 */
public final class InsightsQuery {
    private static final int DEFAULT_LIMIT = 10_000;

    private final String text;
    private final List<Command> commands;

    private InsightsQuery(String text, List<Command> commands) {
        this.text = text;
        this.commands = commands;
    }

    /**
     * Parses {@code query}.
     *
     * @throws LogsInsightsQueryException for a malformed query or one outside the subset, naming the part
     */
    public static InsightsQuery parse(String query) {
        List<Command> commands = QueryParser.parse(query);
        checkFields(query, commands);
        return new InsightsQuery(query, commands);
    }

    /** Runs the query over {@code events} (in time order) of the log group {@code log} ({@code account:group}). */
    public List<Map<String, String>> run(List<LogEvent> events, String log) {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (int i = events.size() - 1; i >= 0; i--) { // Insights returns the newest first
            rows.add(EventFields.of(events.get(i), log, json));
        }
        Evaluator evaluator = new Evaluator();
        for (Command c : commands) {
            rows = evaluator.apply(c, rows);
        }
        if (rows.size() > DEFAULT_LIMIT) { // a limit command allows at most as many
            rows = rows.subList(0, DEFAULT_LIMIT);
        }
        List<String> columns = evaluator.columns().isEmpty() ? List.of("@timestamp", "@message") : evaluator.columns();
        List<Map<String, String>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, String> printed = new LinkedHashMap<>();
            for (String column : columns) {
                Object v = row.get(column);
                if (v != null) {
                    printed.put(column, Values.print(v));
                }
            }
            out.add(java.util.Collections.unmodifiableMap(printed));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return text;
    }

    private static void checkFields(String query, List<Command> commands) {
        Set<String> defined = new HashSet<>(EventFields.SYSTEM);
        for (Command c : commands) {
            if (c instanceof Command.Fields f) {
                for (Command.Named n : f.fields()) {
                    check(query, n.expr(), defined);
                    defined.add(n.name());
                }
            } else if (c instanceof Command.Filter f) {
                check(query, f.condition(), defined);
            } else if (c instanceof Command.Stats s) {
                s.aggregates().forEach(n -> check(query, n.expr(), defined));
                s.groups().forEach(n -> check(query, n.expr(), defined));
                s.aggregates().forEach(n -> defined.add(n.name()));
                s.groups().forEach(n -> defined.add(n.name()));
            } else if (c instanceof Command.Sort s) {
                s.keys().forEach(n -> check(query, n.expr(), defined));
            } else if (c instanceof Command.Parse p) {
                check(query, p.source(), defined);
                defined.addAll(p.names());
            } else if (c instanceof Command.Display d) {
                d.fields().forEach(n -> check(query, new Expr.Field(n, n), defined));
            }
        }
    }

    private static void check(String query, Expr e, Set<String> defined) {
        if (e instanceof Expr.Field f) {
            if (f.name().startsWith("@") && !defined.contains(f.name())) {
                throw new LogsInsightsQueryException(query, query.indexOf(f.name()) + 1, "unknown field "
                        + f.name() + ": a Lambda log group has " + String.join(", ", EventFields.SYSTEM.stream()
                        .sorted().toList()) + " (field names are case-sensitive)");
            }
        } else if (e instanceof Expr.Binary b) {
            check(query, b.left(), defined);
            check(query, b.right(), defined);
        } else if (e instanceof Expr.Not n) {
            check(query, n.operand(), defined);
        } else if (e instanceof Expr.Negate n) {
            check(query, n.operand(), defined);
        } else if (e instanceof Expr.Like l) {
            check(query, l.operand(), defined);
        } else if (e instanceof Expr.In i) {
            check(query, i.operand(), defined);
            i.values().forEach(v -> check(query, v, defined));
        } else if (e instanceof Expr.Aggregate a && a.operand() != null) {
            check(query, a.operand(), defined);
        }
    }
}
