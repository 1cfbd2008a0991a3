package io.github.streamharness.internal.observe.insights;

import java.util.List;
import java.util.regex.Pattern;

/** An expression of a Logs Insights query; {@code text} is how the query wrote it (a column's default name). */
sealed interface Expr {
    String text();

    /** A field: {@code @message}, {@code @duration}, a parsed or JSON field, an alias. */
    record Field(String name, String text) implements Expr {
    }

    /** A string or number literal. */
    record Literal(Object value, String text) implements Expr {
    }

    /** {@code a + b}, {@code a = b}, {@code a and b}, ... */
    record Binary(String op, Expr left, Expr right, String text) implements Expr {
    }

    /** {@code not e}. */
    record Not(Expr operand, String text) implements Expr {
    }

    /** {@code -e}. */
    record Negate(Expr operand, String text) implements Expr {
    }

    /** {@code e like /regex/} or {@code e like "text"} (a substring). */
    record Like(Expr operand, Pattern pattern, String text) implements Expr {
    }

    /** {@code e in [v1, v2]}. */
    record In(Expr operand, List<Expr> values, String text) implements Expr {
    }

    /** {@code bin(5m)}: the row's {@code @timestamp} rounded down to a multiple of the period. */
    record Bin(long periodMillis, String text) implements Expr {
    }

    /** An aggregate of {@code stats}: count, sum, avg, min, max, pct; {@code operand} null for {@code count(*)}. */
    record Aggregate(String function, Expr operand, double percentile, String text) implements Expr {
    }
}
