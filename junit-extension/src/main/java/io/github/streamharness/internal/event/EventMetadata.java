package io.github.streamharness.internal.event;

import java.util.Objects;

/**
 * The per-mapping values that every record of a Kinesis event carries besides the record itself (rule 7.2).
 *
 * @param eventSourceArn    the stream ARN, written as {@code eventSourceARN}
 * @param awsRegion         the stream's region, written as {@code awsRegion}
 * @param invokeIdentityArn the function's execution role ARN, written as {@code invokeIdentityArn}
 */
public record EventMetadata(String eventSourceArn, String awsRegion, String invokeIdentityArn) {

    /** Checks that no value is null: the event JSON always carries all three (rule 7.1). */
    public EventMetadata {
        Objects.requireNonNull(eventSourceArn, "eventSourceArn");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(invokeIdentityArn, "invokeIdentityArn");
    }
}
