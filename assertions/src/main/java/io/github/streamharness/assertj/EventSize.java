package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;
import io.github.streamharness.internal.event.EventJsonWriter;
import io.github.streamharness.internal.event.EventMetadata;

/**
 * The exact size of the event JSON an invocation received, computed as the engine computes it for the 6 MB cut
 * (spec 2.5, 0.7). The per-record metadata (stream ARN, region, role ARN) takes part in the size: it is exact when
 * the stream ARN is known (assertions reached from a {@code StreamHarness}) and uses the harness defaults otherwise.
 */
final class EventSize {
    /** The synchronous invoke payload limit: 6 MB (spec 2.5). */
    static final long LIMIT_BYTES = 6_291_456L;
    /** The stream ARN of a harness built with default settings. */
    static final String DEFAULT_STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/test-stream";

    private EventSize() {
    }

    /** Bytes of the event JSON of {@code invocation}'s batch. */
    static long of(Invocation invocation, String streamArn) {
        String arn = streamArn != null ? streamArn : DEFAULT_STREAM_ARN;
        String[] parts = arn.split(":", 6); // arn:aws:kinesis:<region>:<account>:stream/<name>
        String region = parts.length > 3 ? parts[3] : "us-east-1";
        String account = parts.length > 4 ? parts[4] : "123456789012";
        String role = "arn:aws:iam::" + account + ":role/" + invocation.functionName() + "-role";
        return EventJsonWriter.eventSize(invocation.records(), new EventMetadata(arn, region, role));
    }
}
