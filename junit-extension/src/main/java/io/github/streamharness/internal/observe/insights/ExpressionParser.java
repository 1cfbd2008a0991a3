package io.github.streamharness.internal.observe.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expressions of a Logs Insights query, loosest first: or, and, not, comparison (=, !=, <, <=, >, >=, like, in),
 * + and -, *, / and %, unary minus, and values (fields, numbers, strings, bin(), the stats aggregates).
 */
class ExpressionParser extends QueryScanner {
    static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "pct");
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "like", "in", "as", "by", "asc", "desc");

    boolean inStats;

    ExpressionParser(String query) {
        super(query);
    }

    Expr expression() {
        int start = skipSpaceAt();
        Expr left = and();
        while (keywordAhead("or")) {
            Expr right = and();
            left = new Expr.Binary("or", left, right, text(start));
        }
        return left;
    }

    Expr and() {
        int start = skipSpaceAt();
        Expr left = not();
        while (keywordAhead("and")) {
            Expr right = not();
            left = new Expr.Binary("and", left, right, text(start));
        }
        return left;
    }

    Expr not() {
        int start = skipSpaceAt();
        if (keywordAhead("not")) {
            Expr operand = not();
            return new Expr.Not(operand, text(start));
        }
        return comparison();
    }

    Expr comparison() {
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

    Expr additive() {
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

    Expr multiplicative() {
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

    Expr unary() {
        int start = skipSpaceAt();
        if (eat("-")) {
            Expr operand = unary();
            return new Expr.Negate(operand, text(start));
        }
        return primary();
    }

    Expr primary() {
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

    Expr call(String name, int start) {
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
                + "stats aggregates count, sum, avg, min, max, pct; rule 16.3)");
    }

    long period() {
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

    void expectClose(int start) {
        if (!eat(")")) {
            throw error(pos, "expected ')' to close the call at column " + (start + 1) + ", found '" + rest(12) + "'");
        }
    }
}
