package io.github.streamharness.examples.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-failure destination record Lambda sends for a discarded Kinesis batch (rule 6.1): metadata only, no
 * record data (rule 6.3), so a consumer re-reads the shard range to get the records.
 *
 * @param condition              {@code requestContext.condition}
 * @param approximateInvokeCount {@code requestContext.approximateInvokeCount}
 * @param functionArn            {@code requestContext.functionArn}, if present
 * @param functionError          {@code responseContext.functionError}: {@code "Unhandled"} for an exception or
 *                               timeout; empty when null (a partial batch response, rule 5.4) or when there is no
 *                               responseContext (RecordAgeExceeded, rule 6.2)
 * @param timestamp              when Lambda discarded the batch, if present
 * @param shardId                {@code KinesisBatchInfo.shardId}
 * @param startSequenceNumber    first discarded record
 * @param endSequenceNumber      last discarded record
 * @param batchSize              how many records were discarded
 * @param streamArn              the stream to re-read
 */
public record OnFailureRecord(FailureCondition condition, int approximateInvokeCount, Optional<String> functionArn,
                              Optional<String> functionError, Optional<Instant> timestamp, String shardId,
                              String startSequenceNumber, String endSequenceNumber, int batchSize,
                              String streamArn) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the fields. */
    public OnFailureRecord {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(functionError, "functionError");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
        Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
        Objects.requireNonNull(streamArn, "streamArn");
    }

    /**
     * Parses an SQS message body (the JSON document itself, rule 6.3).
     *
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    public static OnFailureRecord parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode request = object(root, "requestContext");
        JsonNode batch = object(root, "KinesisBatchInfo");
        JsonNode response = root.path("responseContext");
        return new OnFailureRecord(
                FailureCondition.fromAwsName(text(request, "requestContext.condition")),
                integer(request, "requestContext.approximateInvokeCount"),
                optionalText(request.get("functionArn")),
                optionalText(response.get("functionError")),
                optionalText(root.get("timestamp")).map(OnFailureRecord::instant),
                text(batch, "KinesisBatchInfo.shardId"),
                text(batch, "KinesisBatchInfo.startSequenceNumber"),
                text(batch, "KinesisBatchInfo.endSequenceNumber"),
                integer(batch, "KinesisBatchInfo.batchSize"),
                text(batch, "KinesisBatchInfo.streamArn"));
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("missing object \"" + field + "\"");
        }
        return node;
    }

    private static String text(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.indexOf('.') + 1));
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new IllegalArgumentException("missing string \"" + path + "\"");
        }
        return node.asText();
    }

    private static int integer(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.indexOf('.') + 1));
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("missing integer \"" + path + "\"");
        }
        return node.intValue();
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"timestamp\" is not an ISO-8601 instant: " + text, e);
        }
    }
}
