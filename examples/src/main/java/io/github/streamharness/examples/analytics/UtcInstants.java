package io.github.streamharness.examples.analytics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} for the one shape producers write, {@code 2026-11-23T09:00:00.100Z} (UTC, seconds, an
 * optional fraction of 1 to 9 digits), without the cost of a {@code DateTimeFormatter}: a quarter of the handler's
 * time at 10,000 records/s went into {@code Instant.parse}. Anything else (an offset, a leap second, a day that does
 * not exist, a malformed text) is left to {@code Instant.parse}, which gives the same answer or the same error.
 */
final class UtcInstants {
    private UtcInstants() {
    }

    /** The instant {@code text} denotes, as {@link Instant#parse} reads it. */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || n == 21 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || (n > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        for (int i = 20; i < n - 1; i++) {
            int d = text.charAt(i) - '0';
            nanos = d < 0 || d > 9 ? -1 : nanos < 0 ? -1 : nanos * 10 + d;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Instant.parse(text);
        }
        for (int digits = n > 20 ? n - 21 : 9; digits < 9; digits++) {
            nanos *= 10; // ".1" is 100,000,000 ns
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
