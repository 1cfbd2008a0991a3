package io.github.streamharness.internal.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The harness's sequence numbers (section 12): a shard's prefix followed by the record's counter zero-padded to a
 * fixed number of digits. One number alone is built in one string concatenation: the JDK writes the counter's digits
 * straight into the result, so a number costs one array and one string, with no intermediate text. A batch's numbers,
 * one after the other, come from a {@link Writer}, which changes only the digits that differ from the last one.
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

    /**
     * The sequence numbers of one shard's records one after the other (a batch's, in shard order): the text of the
     * last number is kept, and the next one rewrites only the trailing digits where its counter differs, so each
     * number costs the copy into its string and no digit conversion of the whole counter. Not thread-safe: one per
     * walk over a batch.
     */
    static final class Writer {
        private final byte[] text;
        private long counter;

        /** A writer of {@code prefix} followed by counters of {@code digits} digits (1..18). */
        Writer(String prefix, int digits) {
            text = new byte[prefix.length() + digits];
            byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1); // the prefix is digits only
            System.arraycopy(head, 0, text, 0, head.length);
            Arrays.fill(text, head.length, text.length, (byte) '0'); // the text of counter 0
        }

        /** The number of {@code next}, which must fit the digits; equal to {@code format(prefix, next, digits)}. */
        String format(long next) {
            long a = next;
            long b = counter;
            int p = text.length;
            while (a != b) { // the digits above the first equal quotient are the same as the last number's
                text[--p] = (byte) ('0' + a % 10);
                a /= 10;
                b /= 10;
            }
            counter = next;
            return new String(text, 0, text.length, StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code prefix} followed by {@code counter} zero-padded to {@code digits} digits; the counter must fit. */
    public static String format(String prefix, long counter, int digits) {
        int used = digitsOf(counter);
        // a zero counter is all padding: no digit of its own
        return used == 0 ? prefix + ZEROS[digits] : prefix + ZEROS[digits - used] + counter;
    }
}
