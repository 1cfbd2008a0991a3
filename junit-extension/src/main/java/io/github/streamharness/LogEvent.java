package io.github.streamharness;

import java.time.Instant;

/**
 * One CloudWatch Logs event of the function (rule 16.2): a START, END or REPORT line, a line the handler wrote through
 * {@code context.getLogger()}, or the timeout line, stamped on the virtual clock.
 *
 * @param timestamp     when it was written (virtual time)
 * @param logStreamName the log stream of the execution environment that wrote it ({@code yyyy/MM/dd/[$LATEST]<hex>})
 * @param message       the line exactly as Lambda prints it (REPORT fields separated by tabs)
 * @param requestId     the request id of the invocation the line belongs to
 */
public record LogEvent(Instant timestamp, String logStreamName, String message, String requestId) {
    @Override
    public String toString() {
        return timestamp + " " + logStreamName + " " + message.replace("\t", "\\t");
    }
}
