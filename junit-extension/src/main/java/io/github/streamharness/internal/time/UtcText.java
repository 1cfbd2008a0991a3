package io.github.streamharness.internal.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * UTC instants as the texts AWS writes them (on-failure messages, log lines, log stream names, S3 keys), written by
 * hand: a {@link DateTimeFormatter} costs more than the rest of such a text (issue 19). Each method writes exactly
 * what its pattern's formatter writes; years outside 1..9999 go to the formatter ({@code yyyy} is the year of the
 * era: year 0 is written 0001).
 */
public final class UtcText {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SLASH_DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private UtcText() {
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, e.g. {@code 2026-01-01T00:00:30.000Z}. */
    public static String isoMillis(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (outOfRange(t.getYear())) {
            return ISO_MILLIS.format(at);
        }
        char[] c = new char[24];
        date(c, t, '-');
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    /** {@code yyyy/MM/dd}, e.g. {@code 2026/01/01}. */
    public static String slashDay(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        if (outOfRange(t.getYear())) {
            return SLASH_DAY.format(at);
        }
        char[] c = new char[10];
        date(c, t, '/');
        return new String(c);
    }

    private static boolean outOfRange(int year) {
        return year < 1 || year > 9999;
    }

    private static void date(char[] out, LocalDateTime t, char separator) {
        digits(out, 0, t.getYear(), 4);
        out[4] = separator;
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = separator;
        digits(out, 8, t.getDayOfMonth(), 2);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
