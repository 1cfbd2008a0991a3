package io.github.streamharness.internal.stream;

/**
 * The harness's sequence numbers (section 12): a shard's prefix followed by the record's counter zero-padded to a
 * fixed number of digits. Built in one string concatenation: the JDK writes the counter's digits straight into the
 * result, so a number costs one array and one string, with no intermediate text.
 */
public final class SequenceNumbers {
    /** The widest counter: 18 digits, as a shard's counter (the index of the record in its shard). */
    public static final int MAX_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];
    private static final String[] ZEROS = new String[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        ZEROS[0] = "";
        for (int k = 1; k <= MAX_DIGITS; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
            ZEROS[k] = ZEROS[k - 1] + "0";
        }
    }

    private SequenceNumbers() {
    }

    /** Whether {@code counter} can be written in {@code digits} digits (1..18). */
    public static boolean fits(long counter, int digits) {
        return counter >= 0 && digits >= 1 && digits <= MAX_DIGITS && counter < POWERS_OF_TEN[digits];
    }

    /** How many decimal digits {@code counter} (non-negative) has; 0 for 0. */
    public static int digitsOf(long counter) {
        int n = 0;
        while (n < MAX_DIGITS && counter >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }

    /** {@code prefix} followed by {@code counter} zero-padded to {@code digits} digits; the counter must fit. */
    public static String format(String prefix, long counter, int digits) {
        int used = digitsOf(counter);
        // a zero counter is all padding: no digit of its own
        return used == 0 ? prefix + ZEROS[digits] : prefix + ZEROS[digits - used] + counter;
    }
}
