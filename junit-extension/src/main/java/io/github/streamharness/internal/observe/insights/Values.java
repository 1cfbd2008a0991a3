package io.github.streamharness.internal.observe.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How Insights compares and prints values: numbers, strings, timestamps (rule 16.3). */
final class Values {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** {@code 2026-01-01 00:05:00.000} for a timestamp; whole numbers without {@code .0}. */
    static String print(Object v) {
        if (v instanceof Instant i) {
            return TIMESTAMP.format(i);
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** A number for arithmetic and numeric comparison, or null. */
    static Double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Instant i) {
            return (double) i.toEpochMilli();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Numbers numerically (timestamps as epoch millis), otherwise as text; nulls sort last. */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return print(a).compareTo(print(b));
    }

    static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        return v != null && !(v instanceof String s && s.isEmpty());
    }
}
