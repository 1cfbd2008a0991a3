package io.github.streamharness.internal.observe.insights;

import io.github.streamharness.LogsInsightsQueryException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Logs Insights query of the subset of spec 16.3, character by character (a regex literal is only a regex where
 * the grammar expects one, so {@code /} also divides). Anything else fails with the column of the part not understood.
 */
final class QueryParser {
    private static final Set<String> COMMANDS = Set.of("fields", "filter", "stats", "sort", "limit", "parse",
            "display");
    private static final Set<String> OTHER_COMMANDS = Set.of("dedup", "pattern", "diff", "unmask", "unnest",
            "filterindex", "source", "lookup", "anomaly");
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "pct");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "like", "in", "as", "by", "asc", "desc");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final String q;
    private int pos;
    private boolean inStats;

    private QueryParser(String query) {
        this.q = query;
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
                    + word + "'") + " (supported: " + String.join(", ", sorted(COMMANDS)) + "; spec 16.3)");
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
                        + "are outside the subset of spec 16.3)");
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

    // expressions, loosest first: or, and, not, comparison, + -, * /, unary, primary

    private Expr expression() {
        int start = skipSpaceAt();
        Expr left = and();
        while (keywordAhead("or")) {
            Expr right = and();
            left = new Expr.Binary("or", left, right, text(start));
        }
        return left;
    }

    private Expr and() {
        int start = skipSpaceAt();
        Expr left = not();
        while (keywordAhead("and")) {
            Expr right = not();
            left = new Expr.Binary("and", left, right, text(start));
        }
        return left;
    }

    private Expr not() {
        int start = skipSpaceAt();
        if (keywordAhead("not")) {
            Expr operand = not();
            return new Expr.Not(operand, text(start));
        }
        return comparison();
    }

    private Expr comparison() {
        int start = skipSpaceAt();
        Expr left = additive();
        skipSpace();
        int at = pos;
        for (String op : new String[] {"!=", "<=", ">=", "=~", "=", "<", ">"}) {
            if (q.startsWith(op, pos)) {
                if (op.equals("=~")) {
                    throw error(at, "'=~' is outside the subset the harness answers: write like /regex/");
                }
                pos += op.length();
                Expr right = additive();
                return new Expr.Binary(op, left, right, text(start));
            }
        }
        boolean negated = false;
        if (keywordAhead("not")) {
            negated = true;
            skipSpace();
        }
        Expr result;
        if (keywordAhead("like")) {
            skipSpace();
            Pattern p = peek('/') ? regex() : peek('"') || peek('\'') ? Pattern.compile(Pattern.quote(string()))
                    : null;
            if (p == null) {
                throw error(pos, "like takes /regex/ or \"text\", found '" + rest(12) + "'");
            }
            result = new Expr.Like(left, p, text(start));
        } else if (keywordAhead("in")) {
            skipSpace();
            if (!eat("[")) {
                throw error(pos, "in takes a list in brackets: in [\"a\", \"b\"]");
            }
            List<Expr> values = new ArrayList<>();
            do {
                values.add(additive());
            } while (eatComma());
            skipSpace();
            if (!eat("]")) {
                throw error(pos, "expected ',' or ']' in the list of in");
            }
            result = new Expr.In(left, values, text(start));
        } else if (negated) {
            throw error(pos, "expected like or in after not");
        } else {
            return left;
        }
        return negated ? new Expr.Not(result, text(start)) : result;
    }

    private Expr additive() {
        int start = skipSpaceAt();
        Expr left = multiplicative();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                String op = String.valueOf(q.charAt(pos++));
                left = new Expr.Binary(op, left, multiplicative(), text(start));
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        int start = skipSpaceAt();
        Expr left = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/') || peek('%')) {
                String op = String.valueOf(q.charAt(pos++));
                left = new Expr.Binary(op, left, unary(), text(start));
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        int start = skipSpaceAt();
        if (eat("-")) {
            Expr operand = unary();
            return new Expr.Negate(operand, text(start));
        }
        return primary();
    }

    private Expr primary() {
        int start = skipSpaceAt();
        if (pos >= q.length()) {
            throw error(pos, "the query ends where a value was expected");
        }
        char c = q.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = expression();
            skipSpace();
            if (!eat(")")) {
                throw error(pos, "expected ')' to close the '(' at column " + (start + 1));
            }
            return inner;
        }
        if (c == '"' || c == '\'') {
            return new Expr.Literal(string(), text(start));
        }
        if (Character.isDigit(c)) {
            while (pos < q.length() && (Character.isDigit(q.charAt(pos)) || q.charAt(pos) == '.')) {
                pos++;
            }
            return new Expr.Literal(Double.parseDouble(q.substring(start, pos)), text(start));
        }
        String name = fieldName();
        if (name == null || KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            throw error(start, "expected a field, a number or a string, found '" + rest(12) + "'");
        }
        skipSpace();
        if (!peek('(')) {
            return new Expr.Field(name, text(start));
        }
        return call(name, start);
    }

    private Expr call(String name, int start) {
        String fn = name.toLowerCase(Locale.ROOT);
        pos++; // (
        if (fn.equals("bin")) {
            skipSpace();
            long millis = period();
            skipSpace();
            expectClose(start);
            return new Expr.Bin(millis, text(start));
        }
        if (AGGREGATES.contains(fn)) {
            if (!inStats) {
                throw error(start, "the aggregate " + name + "() belongs in a stats command");
            }
            skipSpace();
            Expr operand = null;
            if (fn.equals("count") && eat("*")) {
                skipSpace();
            } else {
                operand = additive();
            }
            double percentile = 0;
            if (fn.equals("pct")) {
                if (!eatComma()) {
                    throw error(pos, "pct takes a field and a percentile: pct(@duration, 95)");
                }
                skipSpace();
                int at = pos;
                Expr p = primary();
                if (!(p instanceof Expr.Literal lit) || !(lit.value() instanceof Double d) || d < 0 || d > 100) {
                    throw error(at, "the percentile of pct is a number from 0 to 100");
                }
                percentile = d;
            }
            skipSpace();
            expectClose(start);
            return new Expr.Aggregate(fn, operand, percentile, text(start));
        }
        throw error(start, "the function '" + name + "' is outside the subset the harness answers (bin() and the "
                + "stats aggregates count, sum, avg, min, max, pct; spec 16.3)");
    }

    private long period() {
        int at = pos;
        while (pos < q.length() && Character.isDigit(q.charAt(pos))) {
            pos++;
        }
        int unitAt = pos;
        while (pos < q.length() && Character.isLetter(q.charAt(pos))) {
            pos++;
        }
        if (at == unitAt) {
            throw error(at, "bin takes a period such as 5m, 30s, 1h or 1d");
        }
        long n = Long.parseLong(q.substring(at, unitAt));
        long unit = switch (q.substring(unitAt, pos)) {
            case "ms" -> 1L;
            case "s", "sec" -> 1_000L;
            case "m", "min" -> 60_000L;
            case "h", "hr" -> 3_600_000L;
            case "d" -> 86_400_000L;
            case "w" -> 604_800_000L;
            default -> throw error(unitAt, "unknown period unit '" + q.substring(unitAt, pos)
                    + "' (ms, s, m, h, d, w)");
        };
        if (n < 1) {
            throw error(at, "a bin period must be positive");
        }
        return n * unit;
    }

    private void expectClose(int start) {
        if (!eat(")")) {
            throw error(pos, "expected ')' to close the call at column " + (start + 1) + ", found '" + rest(12) + "'");
        }
    }

    // lexical pieces

    private String string() {
        char quote = q.charAt(pos);
        int start = pos++;
        StringBuilder s = new StringBuilder();
        while (pos < q.length() && q.charAt(pos) != quote) {
            if (q.charAt(pos) == '\\' && pos + 1 < q.length()) {
                pos++;
            }
            s.append(q.charAt(pos++));
        }
        if (pos >= q.length()) {
            throw error(start, "this string is not closed: add the " + quote + " that ends it");
        }
        pos++;
        return s.toString();
    }

    private Pattern regex() {
        int start = pos++;
        StringBuilder s = new StringBuilder();
        while (pos < q.length() && q.charAt(pos) != '/') {
            if (q.charAt(pos) == '\\' && pos + 1 < q.length() && q.charAt(pos + 1) == '/') {
                pos++;
            } else if (q.charAt(pos) == '\\' && pos + 1 < q.length()) {
                s.append(q.charAt(pos++));
            }
            s.append(q.charAt(pos++));
        }
        if (pos >= q.length()) {
            throw error(start, "this regular expression is not closed: add the / that ends it");
        }
        pos++;
        int flags = 0;
        if (pos < q.length() && q.charAt(pos) == 'i') {
            flags = Pattern.CASE_INSENSITIVE;
            pos++;
        }
        try {
            return Pattern.compile(s.toString(), flags);
        } catch (PatternSyntaxException e) {
            throw error(start, "invalid regular expression: " + e.getDescription());
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < q.length() && Character.isLetter(q.charAt(pos))) {
            pos++;
        }
        return start == pos ? null : q.substring(start, pos);
    }

    private String fieldName() {
        int start = pos;
        if (pos < q.length() && q.charAt(pos) == '`') {
            int end = q.indexOf('`', pos + 1);
            if (end < 0) {
                throw error(start, "this quoted field name is not closed: add the ` that ends it");
            }
            pos = end + 1;
            return q.substring(start + 1, end);
        }
        while (pos < q.length()) {
            char c = q.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '@' || c == '_' || c == '.' || c == '$') {
                pos++;
            } else {
                break;
            }
        }
        return start == pos || Character.isDigit(q.charAt(start)) ? null : q.substring(start, pos);
    }

    private boolean keyword(String word) {
        if (q.regionMatches(true, pos, word, 0, word.length())
                && (pos + word.length() == q.length() || !isNamePart(q.charAt(pos + word.length())))) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean keywordAhead(String word) {
        int save = pos;
        skipSpace();
        if (keyword(word)) {
            return true;
        }
        pos = save;
        return false;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '_' || c == '.';
    }

    private boolean eatComma() {
        skipSpace();
        return eat(",");
    }

    private boolean eat(String s) {
        if (q.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return pos < q.length() && q.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < q.length() && Character.isWhitespace(q.charAt(pos))) {
            pos++;
        }
    }

    private int skipSpaceAt() {
        skipSpace();
        return pos;
    }

    private String text(int start) {
        return q.substring(start, pos).trim();
    }

    private String rest(int max) {
        String r = q.substring(Math.min(pos, q.length()));
        return r.isEmpty() ? "the end of the query" : r.length() > max ? r.substring(0, max) + "..." : r;
    }

    private LogsInsightsQueryException error(int at, String problem) {
        return new LogsInsightsQueryException(q, Math.max(0, at) + 1, problem);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
