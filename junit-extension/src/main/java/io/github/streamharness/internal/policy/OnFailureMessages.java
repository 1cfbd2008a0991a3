package io.github.streamharness.internal.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.DestinationType;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.invoke.EventCodec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Builds on-failure destination messages in the exact shape and key order of rule 6.1 (6.4 for S3). */
final class OnFailureMessages {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter S3_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter S3_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final String functionArn;
    private final String streamArn;
    private final String destinationArn;
    private final DestinationType destinationType;
    private final String mappingUuid;
    private final EventCodec codec;

    OnFailureMessages(ObjectMapper mapper, String functionArn, String streamArn, String destinationArn,
                      String mappingUuid, EventCodec codec) {
        this.mapper = mapper;
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
        ObjectNode root = mapper.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", condition.name());
        request.put("approximateInvokeCount", approximateInvokeCount);
        if (condition == OnFailureCondition.RetryAttemptsExhausted) {
            ObjectNode response = root.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            if (functionError == null) {
                response.putNull("functionError");
            } else {
                response.put("functionError", functionError);
            }
        }
        root.put("version", "1.0");
        root.put("timestamp", ISO_MILLIS.format(now));
        ObjectNode info = root.putObject("KinesisBatchInfo");
        info.put("shardId", first.shardId());
        info.put("startSequenceNumber", first.sequenceNumber());
        info.put("endSequenceNumber", last.sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", ISO_MILLIS.format(first.approximateArrivalTimestamp()));
        info.put("approximateArrivalOfLastRecord", ISO_MILLIS.format(last.approximateArrivalTimestamp()));
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        Optional<String> objectKey = Optional.empty();
        if (destinationType == DestinationType.S3) {
            root.put("payload", codec.toJsonString(records)); // rule 6.4, 0.9: an escaped JSON string
            objectKey = Optional.of("aws/lambda/" + mappingUuid + "/" + first.shardId() + "/" + S3_DAY.format(now)
                    + "/" + S3_TIME.format(now) + "-" + s3Uuid);
        }
        String json;
        try {
            json = mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the on-failure message", e);
        }
        return new DeadLetter(condition, approximateInvokeCount,
                condition == OnFailureCondition.RetryAttemptsExhausted ? functionError : null,
                first.shardId(), first.sequenceNumber(), last.sequenceNumber(), records.size(), records, now,
                destinationArn, destinationType, json, objectKey);
    }

    /** Whether delivery to the destination fails (a FIFO queue or topic is an unsupported type, rule 1.9, 6.5). */
    boolean deliveryFails() {
        return destinationArn.endsWith(".fifo");
    }
}
