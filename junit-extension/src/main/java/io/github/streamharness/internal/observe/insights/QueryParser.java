package io.github.streamharness.internal.observe.insights;

import io.github.streamharness.LogsInsightsQueryException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Logs Insights query of the subset of rule 16.3, character by character (a regex literal is only a regex where
 * the grammar expects one, so {@code /} also divides). Anything else fails with the column of the part not understood.
 */
final class QueryParser extends ExpressionParser {
    private static final Set<String> COMMANDS = Set.of("fields", "filter", "stats", "sort", "limit", "parse",
            "display");
    private static final Set<String> OTHER_COMMANDS = Set.of("dedup", "pattern", "diff", "unmask", "unnest",
            "filterindex", "source", "lookup", "anomaly");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private QueryParser(String query) {
        super(query);
    }

    static List<Command> parse(String query) {
        if (query == null || query.isBlank()) {
            throw new LogsInsightsQueryException(query == null ? "" : query, 1, "the query is empty: write commands "
                    + "such as fields @timestamp, @message | sort @timestamp desc | limit 20");
        }
        QueryParser p = new QueryParser(query);
        List<Command> commands = new ArrayList<>();
        do {
            commands.add(p.command());
            p.skipSpace();
        } while (p.eat("|"));
        if (p.pos < p.q.length()) {
            throw p.error(p.pos, "expected '|' before the next command, found '" + p.rest(12) + "'");
        }
        return commands;
    }

    private Command command() {
        skipSpace();
        int at = pos;
        String word = identifier();
        if (word == null) {
            throw error(at, "expected a command (" + String.join(", ", sorted(COMMANDS)) + "), found '" + rest(12)
                    + "'");
        }
        String name = word.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "fields" -> new Command.Fields(namedList(false));
            case "display" -> display();
            case "filter" -> new Command.Filter(expression());
            case "stats" -> stats();
            case "sort" -> sort();
            case "limit" -> limit();
            case "parse" -> parseCommand();
            default -> throw error(at, (OTHER_COMMANDS.contains(name) ? "the command '" + word + "' is valid in "
                    + "CloudWatch Logs Insights but not in the subset the harness answers" : "unknown command '"
                    + word + "'") + " (supported: " + String.join(", ", sorted(COMMANDS)) + "; rule 16.3)");
        };
    }

    private Command display() {
        List<String> names = new ArrayList<>();
        do {
            skipSpace();
            int at = pos;
            String f = fieldName();
            if (f == null) {
                throw error(at, "expected a field name after display");
            }
            names.add(f);
        } while (eatComma());
        return new Command.Display(names);
    }

    private Command stats() {
        inStats = true;
        List<Command.Named> aggregates = namedList(true);
        inStats = false;
        for (Command.Named n : aggregates) {
            if (!(n.expr() instanceof Expr.Aggregate)) {
                throw error(q.indexOf(n.expr().text()), "'" + n.expr().text() + "' is not an aggregate: stats takes "
                        + "count(*), count(f), sum(f), avg(f), min(f), max(f), pct(f, n) (expressions over aggregates "
                        + "are outside the subset of rule 16.3)");
            }
        }
        List<Command.Named> groups = List.of();
        skipSpace();
        if (keyword("by")) {
            groups = namedList(false);
        }
        return new Command.Stats(aggregates, groups);
    }

    private Command sort() {
        List<Command.Named> keys = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        do {
            Expr e = additive();
            keys.add(new Command.Named(e, e.text()));
            skipSpace();
            boolean desc = false;
            if (keyword("desc")) {
                desc = true;
            } else {
                keyword("asc");
            }
            descending.add(desc);
        } while (eatComma());
        return new Command.Sort(keys, descending);
    }

    private Command limit() {
        skipSpace();
        int at = pos;
        while (pos < q.length() && Character.isDigit(q.charAt(pos))) {
            pos++;
        }
        if (at == pos) {
            throw error(at, "limit takes a whole number of rows, 1 to 10000, found '" + rest(12) + "'");
        }
        long n = Long.parseLong(q.substring(at, Math.min(pos, at + 12)));
        if (n < 1 || n > 10_000) {
            throw error(at, "limit takes 1 to 10000 rows, as Logs Insights does; got " + q.substring(at, pos));
        }
        return new Command.Limit((int) n);
    }

    private Command parseCommand() {
        Expr source = primary(); // not additive(): the '/' of a regex that follows is no division
        skipSpace();
        int at = pos;
        if (peek('"') || peek('\'')) {
            String glob = string();
            StringBuilder regex = new StringBuilder();
            int stars = 0;
            int last = glob.lastIndexOf('*');
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    regex.append(i == last && i == glob.length() - 1 ? "(.*)" : "(.*?)");
                    stars++;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            skipSpace();
            int asAt = pos;
            if (!keyword("as")) {
                throw error(asAt, "a glob parse names its fields: parse @message \"" + glob + "\" as field1, ...");
            }
            List<String> names = new ArrayList<>();
            do {
                skipSpace();
                String f = fieldName();
                if (f == null) {
                    throw error(pos, "expected a field name after as");
                }
                names.add(f);
            } while (eatComma());
            if (names.size() != stars) {
                throw error(at, "the pattern has " + stars + " '*' but " + names.size() + " field name(s) follow as");
            }
            return new Command.Parse(source, Pattern.compile(regex.toString(), Pattern.DOTALL), names);
        }
        if (peek('/')) {
            Pattern p = regex();
            List<String> names = new ArrayList<>();
            Matcher m = GROUP_NAME.matcher(p.pattern());
            while (m.find()) {
                names.add(m.group(1));
            }
            if (names.isEmpty()) {
                throw error(at, "a regular-expression parse names its fields with named groups: /(?<user>\\S+)/");
            }
            return new Command.Parse(source, p, names);
        }
        throw error(at, "parse takes a glob in quotes or a /regex/ after the field, found '" + rest(12) + "'");
    }

    private List<Command.Named> namedList(boolean aggregates) {
        List<Command.Named> list = new ArrayList<>();
        do {
            skipSpace();
            int start = pos;
            Expr e = expression();
            String name = q.substring(start, pos).trim();
            skipSpace();
            if (keyword("as")) {
                skipSpace();
                int at = pos;
                name = fieldName();
                if (name == null) {
                    throw error(at, "expected a name after as");
                }
            }
            list.add(new Command.Named(e, name));
        } while (eatComma());
        return list;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
