package io.github.streamharness.internal.observe;

import io.github.streamharness.internal.time.UtcText;

import java.time.Instant;
import java.util.Locale;

/**
 * The lines the Lambda service writes around each invocation, exactly as it prints them (rule 16.2): START, the
 * timeout line, END, and REPORT with its fields separated by tabs.
 */
public final class LambdaLogLines {
    private LambdaLogLines() {
    }

    /** {@code START RequestId: <id> Version: $LATEST}. */
    public static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: $LATEST";
    }

    /** {@code END RequestId: <id>}. */
    public static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    /** {@code 2026-01-01T00:00:30.000Z <id> Task timed out after 30.00 seconds}, stamped when the timeout hit. */
    public static String timeout(Instant at, String requestId, long timeoutMillis) {
        return UtcText.isoMillis(at) + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0) + " seconds";
    }

    /**
     * The REPORT line. Billed Duration is the duration plus, on a cold start, the Init Duration, rounded up to a whole
     * millisecond and at least 1 ms (rule 16.2: AWS bills the Init phase of on-demand functions).
     *
     * @param durationNanos the handler's own time (without Init)
     * @param initNanos     the Init phase, or -1 for a warm invocation (no Init Duration field)
     */
    public static String report(String requestId, long durationNanos, long initNanos, int memoryMb,
                                int maxMemoryUsedMb) {
        long billedNanos = durationNanos + Math.max(0, initNanos);
        long billedMillis = Math.max(1, (billedNanos + 999_999) / 1_000_000);
        StringBuilder line = new StringBuilder(160).append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationNanos)).append(" ms")
                .append("\tBilled Duration: ").append(billedMillis).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (initNanos >= 0) {
            line.append("\tInit Duration: ").append(millis(initNanos)).append(" ms");
        }
        return line.toString();
    }

    /** The log stream of an execution environment started at {@code start}: {@code yyyy/MM/dd/[$LATEST]<32 hex>}. */
    public static String logStreamName(Instant start, String hex32) {
        return UtcText.slashDay(start) + "/[$LATEST]" + hex32;
    }

    /** Milliseconds with two decimals, rounded half up from nanoseconds: {@code 123.45}. */
    static String millis(long nanos) {
        long hundredths = (nanos + 5_000) / 10_000;
        long whole = hundredths / 100;
        long fraction = hundredths % 100;
        return whole + "." + (fraction < 10 ? "0" : "") + fraction;
    }
}
