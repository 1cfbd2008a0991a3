package io.github.streamharness.internal.observe.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Runs the commands of a query over rows of fields, one command after the other, and keeps the columns shown. */
final class Evaluator {
    private final List<String> columns = new ArrayList<>();

    /** The columns shown: the last {@code display}, else every {@code fields} and {@code stats} column. */
    List<String> columns() {
        return columns;
    }

    List<Map<String, Object>> apply(Command command, List<Map<String, Object>> rows) {
        if (command instanceof Command.Fields f) {
            for (Map<String, Object> row : rows) {
                for (Command.Named n : f.fields()) {
                    row.put(n.name(), eval(n.expr(), row));
                }
            }
            f.fields().forEach(n -> show(n.name()));
            return rows;
        }
        if (command instanceof Command.Display d) {
            columns.clear();
            d.fields().forEach(this::show);
            return rows;
        }
        if (command instanceof Command.Filter f) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                if (Values.truthy(eval(f.condition(), row))) {
                    kept.add(row);
                }
            }
            return kept;
        }
        if (command instanceof Command.Parse p) {
            boolean glob = !p.pattern().pattern().contains("(?<");
            for (Map<String, Object> row : rows) {
                Object source = eval(p.source(), row);
                Matcher m = source == null ? null : p.pattern().matcher(Values.print(source));
                boolean found = m != null && m.find();
                for (int i = 0; i < p.names().size(); i++) {
                    String name = p.names().get(i);
                    // a glob's groups are unnamed, in the order of its names; a regex names each group
                    row.put(name, found ? (glob ? m.group(i + 1) : m.group(name)) : null);
                }
            }
            return rows;
        }
        if (command instanceof Command.Stats s) {
            return stats(s, rows);
        }
        if (command instanceof Command.Sort s) {
            Comparator<Map<String, Object>> order = null;
            for (int i = 0; i < s.keys().size(); i++) {
                Expr key = s.keys().get(i).expr();
                boolean desc = s.descending().get(i);
                Comparator<Map<String, Object>> c = (a, b) -> {
                    Object x = eval(key, a);
                    Object y = eval(key, b);
                    if (x == null || y == null) {
                        return Values.compare(x, y); // nulls last either way
                    }
                    return desc ? Values.compare(y, x) : Values.compare(x, y);
                };
                order = order == null ? c : order.thenComparing(c);
            }
            List<Map<String, Object>> sorted = new ArrayList<>(rows);
            sorted.sort(order);
            return sorted;
        }
        Command.Limit limit = (Command.Limit) command;
        return rows.size() <= limit.rows() ? rows : new ArrayList<>(rows.subList(0, limit.rows()));
    }

    private List<Map<String, Object>> stats(Command.Stats s, List<Map<String, Object>> rows) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> key = new ArrayList<>();
            for (Command.Named g : s.groups()) {
                key.add(eval(g.expr(), row));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Map<String, Object>>> group : groups.entrySet()) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < s.groups().size(); i++) {
                row.put(s.groups().get(i).name(), group.getKey().get(i));
            }
            for (Command.Named a : s.aggregates()) {
                row.put(a.name(), aggregate((Expr.Aggregate) a.expr(), group.getValue()));
            }
            out.add(row);
        }
        columns.clear();
        s.groups().forEach(g -> show(g.name()));
        s.aggregates().forEach(a -> show(a.name()));
        return out;
    }

    private Object aggregate(Expr.Aggregate a, List<Map<String, Object>> rows) {
        if (a.operand() == null) {
            return (double) rows.size();
        }
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object v = eval(a.operand(), row);
            if (v != null) {
                values.add(v);
            }
        }
        if (a.function().equals("count")) {
            return (double) values.size();
        }
        if ((a.function().equals("min") || a.function().equals("max")) && !values.isEmpty()
                && values.stream().allMatch(v -> v instanceof Instant)) {
            Comparator<Object> byTime = Values::compare;
            return a.function().equals("min") ? values.stream().min(byTime).orElseThrow()
                    : values.stream().max(byTime).orElseThrow();
        }
        List<Double> numbers = new ArrayList<>();
        for (Object v : values) {
            Double d = Values.number(v);
            if (d != null) {
                numbers.add(d);
            }
        }
        if (numbers.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double d : numbers) {
            sum += d;
        }
        numbers.sort(null);
        return switch (a.function()) {
            case "sum" -> sum;
            case "avg" -> sum / numbers.size();
            case "min" -> numbers.get(0);
            case "max" -> numbers.get(numbers.size() - 1);
            default -> numbers.get(Math.max(0, (int) Math.ceil(a.percentile() / 100.0 * numbers.size()) - 1));
        };
    }

    private Object eval(Expr e, Map<String, Object> row) {
        if (!(e instanceof Expr.Field) && !(e instanceof Expr.Literal) && row.containsKey(e.text())) {
            return row.get(e.text()); // a column computed earlier under this text: sort bin(5m) after stats
        }
        if (e instanceof Expr.Field f) {
            return row.get(f.name());
        }
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Not n) {
            return !Values.truthy(eval(n.operand(), row));
        }
        if (e instanceof Expr.Negate n) {
            Double d = Values.number(eval(n.operand(), row));
            return d == null ? null : -d;
        }
        if (e instanceof Expr.Like l) {
            Object v = eval(l.operand(), row);
            return v != null && l.pattern().matcher(Values.print(v)).find();
        }
        if (e instanceof Expr.In in) {
            Object v = eval(in.operand(), row);
            for (Expr candidate : in.values()) {
                Object c = eval(candidate, row);
                if (v != null && c != null && Values.compare(v, c) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof Expr.Bin b) {
            Object t = row.get("@timestamp");
            if (!(t instanceof Instant i)) {
                return null;
            }
            return Instant.ofEpochMilli(Math.floorDiv(i.toEpochMilli(), b.periodMillis()) * b.periodMillis());
        }
        if (e instanceof Expr.Aggregate a) {
            throw new IllegalStateException("aggregate outside stats: " + a.text());
        }
        Expr.Binary b = (Expr.Binary) e;
        switch (b.op()) {
            case "and":
                return Values.truthy(eval(b.left(), row)) && Values.truthy(eval(b.right(), row));
            case "or":
                return Values.truthy(eval(b.left(), row)) || Values.truthy(eval(b.right(), row));
            default:
                break;
        }
        Object x = eval(b.left(), row);
        Object y = eval(b.right(), row);
        if (x == null || y == null) {
            return b.op().length() == 1 && "+-*/%".contains(b.op()) ? null : false;
        }
        return switch (b.op()) {
            case "=" -> Values.compare(x, y) == 0;
            case "!=" -> Values.compare(x, y) != 0;
            case "<" -> Values.compare(x, y) < 0;
            case "<=" -> Values.compare(x, y) <= 0;
            case ">" -> Values.compare(x, y) > 0;
            case ">=" -> Values.compare(x, y) >= 0;
            default -> arithmetic(b.op(), Values.number(x), Values.number(y));
        };
    }

    private static Object arithmetic(String op, Double x, Double y) {
        if (x == null || y == null) {
            return null;
        }
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> y == 0 ? null : x / y;
            default -> y == 0 ? null : x % y;
        };
    }

    private void show(String name) {
        if (!columns.contains(name)) {
            columns.add(name);
        }
    }
}
