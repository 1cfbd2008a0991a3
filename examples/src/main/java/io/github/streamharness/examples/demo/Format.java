package io.github.streamharness.examples.demo;

import java.time.Duration;
import java.util.Locale;

/** How the demo prints times, ages and counts. */
final class Format {
    private Format() {
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from one hour. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** An iterator age the way CloudWatch readers think of it: {@code 850 ms}, {@code 14 s}, {@code 12m 05s}. */
    static String age(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }

    /** {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
