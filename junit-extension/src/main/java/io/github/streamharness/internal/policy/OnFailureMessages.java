package io.github.streamharness.internal.policy;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.DestinationType;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.time.UtcText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Builds on-failure destination messages in the exact shape and key order of rule 6.1 (6.4 for S3), written by hand
 * (as the event JSON is): the text is the one a default Jackson {@code ObjectMapper} writes for the same tree (no
 * spaces, Jackson's string escapes), without loading Jackson's tree and serializer classes into a test that needs
 * no other JSON (issue 19: that first mapper cost a fresh JVM's first test about 180 ms of CPU).
 */
final class OnFailureMessages {
    private static final DateTimeFormatter S3_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    private static final String HEX = "0123456789ABCDEF";

    private final String functionArn;
    private final String streamArn;
    private final String destinationArn;
    private final DestinationType destinationType;
    private final String mappingUuid;
    private final EventCodec codec;

    OnFailureMessages(String functionArn, String streamArn, String destinationArn,
                      String mappingUuid, EventCodec codec) {
        this.functionArn = functionArn;
        this.streamArn = streamArn;
        this.destinationArn = destinationArn;
        this.destinationType = DestinationType.ofArn(destinationArn);
        this.mappingUuid = mappingUuid;
        this.codec = codec;
    }

    /**
     * The message for discarded {@code records}.
     *
     * @param functionError "Unhandled" or null; ignored for RecordAgeExceeded (no responseContext, rule 6.2)
     * @param s3Uuid        the random part of the S3 object key
     */
    DeadLetter message(OnFailureCondition condition, int approximateInvokeCount, String functionError,
                       String requestId, List<StreamRecord> records, Instant now, String s3Uuid) {
        StreamRecord first = records.get(0);
        StreamRecord last = records.get(records.size() - 1);
        StringBuilder json = new StringBuilder(destinationType == DestinationType.S3 ? 1024 : 640);
        json.append("{\"requestContext\":{");
        field(json, "requestId", requestId).append(',');
        field(json, "functionArn", functionArn).append(',');
        field(json, "condition", condition.name()).append(",\"approximateInvokeCount\":")
                .append(approximateInvokeCount).append('}');
        if (condition == OnFailureCondition.RetryAttemptsExhausted) {
            json.append(",\"responseContext\":{\"statusCode\":200,");
            field(json, "executedVersion", "$LATEST").append(',');
            field(json, "functionError", functionError).append('}');
        }
        json.append(',');
        field(json, "version", "1.0").append(',');
        field(json, "timestamp", UtcText.isoMillis(now)).append(",\"KinesisBatchInfo\":{");
        field(json, "shardId", first.shardId()).append(',');
        field(json, "startSequenceNumber", first.sequenceNumber()).append(',');
        field(json, "endSequenceNumber", last.sequenceNumber()).append(',');
        field(json, "approximateArrivalOfFirstRecord", UtcText.isoMillis(first.approximateArrivalTimestamp()))
                .append(',');
        field(json, "approximateArrivalOfLastRecord", UtcText.isoMillis(last.approximateArrivalTimestamp()))
                .append(",\"batchSize\":").append(records.size()).append(',');
        field(json, "streamArn", streamArn).append('}');
        Optional<String> objectKey = Optional.empty();
        if (destinationType == DestinationType.S3) {
            field(json.append(','), "payload", codec.toJsonString(records)); // rule 6.4, 0.9: an escaped JSON string
            objectKey = Optional.of("aws/lambda/" + mappingUuid + "/" + first.shardId() + "/" + UtcText.slashDay(now)
                    + "/" + S3_TIME.format(now) + "-" + s3Uuid);
        }
        json.append('}');
        return new DeadLetter(condition, approximateInvokeCount,
                condition == OnFailureCondition.RetryAttemptsExhausted ? functionError : null,
                first.shardId(), first.sequenceNumber(), last.sequenceNumber(), records.size(), records, now,
                destinationArn, destinationType, json.toString(), objectKey);
    }

    /** Whether delivery to the destination fails (a FIFO queue or topic is an unsupported type, rule 1.9, 6.5). */
    boolean deliveryFails() {
        return destinationArn.endsWith(".fifo");
    }

    /** Appends {@code "name":"value"} ({@code null} unquoted for a null value) in Jackson's escaping. */
    static StringBuilder field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c); // Jackson writes everything else raw to a String, non-ASCII included
                continue;
            }
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.append('"');
    }
}
