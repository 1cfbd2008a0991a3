package io.github.streamharness.internal.event;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The {@code approximateArrivalTimestamp} number of the event JSON: epoch seconds with exactly three decimals, such as
 * {@code 1545084650.987} or {@code 1545084650.000} (rule 7.2), and the {@link Date} the Lambda Java runtime reads from
 * it.
 */
public final class EpochSeconds {
    private EpochSeconds() {
    }

    /** The JSON number text for an epoch-millisecond instant, e.g. {@code 1545084650987 -> "1545084650.987"}. */
    public static String format(long epochMillis) {
        byte[] out = new byte[length(epochMillis)];
        write(epochMillis, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** The number of bytes {@link #format(long)} produces, computed without formatting. */
    public static int length(long epochMillis) {
        long seconds = Math.abs(epochMillis / 1000);
        return (epochMillis < 0 ? 1 : 0) + digits(seconds) + 4;
    }

    /**
     * The date the Lambda Java runtime's serializer (aws-lambda-java-serialization's DateModule) makes of the JSON
     * number {@code seconds}: {@code (long) (seconds * 1000.0)}, and null for exactly 0.
     */
    public static Date runtimeDateFromSeconds(double seconds) {
        return seconds == 0.0 ? null : new Date((long) (seconds * 1000.0));
    }

    /**
     * The date the Lambda Java runtime reads from {@link #format(long) format(epochMillis)}, without formatting or
     * parsing: for |epochMillis| below 2^53, {@code epochMillis / 1000.0} is the very double a parser makes of the
     * exact decimal text, as both are the double nearest to that value.
     */
    public static Date runtimeDate(long epochMillis) {
        return runtimeDateFromSeconds(epochMillis / 1000.0);
    }

    /**
     * The milliseconds of {@link #runtimeDate(long) runtimeDate(epochMillis)} (which is null for 0), computed the
     * same way, so that records of one millisecond can share the conversion.
     */
    public static long runtimeMillis(long epochMillis) {
        return (long) (epochMillis / 1000.0 * 1000.0);
    }

    /** Writes the {@link #format(long)} text as ASCII into {@code out} at {@code pos}; returns the end position. */
    static int write(long epochMillis, byte[] out, int pos) {
        if (epochMillis < 0) {
            out[pos++] = '-';
        }
        long seconds = Math.abs(epochMillis / 1000);
        int fraction = (int) Math.abs(epochMillis % 1000);
        int end = pos + digits(seconds);
        for (int i = end - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + seconds % 10);
            seconds /= 10;
        }
        out[end] = '.';
        out[end + 1] = (byte) ('0' + fraction / 100);
        out[end + 2] = (byte) ('0' + fraction / 10 % 10);
        out[end + 3] = (byte) ('0' + fraction % 10);
        return end + 4;
    }

    private static int digits(long nonNegative) {
        int digits = 1;
        for (long v = nonNegative; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }
}
