package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.streamharness.internal.event.EpochSeconds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Jackson support for the Lambda Kinesis event types, so that any {@link ObjectMapper} reads and writes
 * {@link KinesisEvent} and {@link StreamsEventResponse} in the JSON shape Lambda uses (rule 7.1 to 7.3, 5): the
 * {@code Records} key, {@code eventID} and {@code eventSourceARN}, base64 {@code data}, and
 * {@code approximateArrivalTimestamp} as epoch seconds with a millisecond fraction.
 *
 * <p>Register {@link #module()} on your own mapper, or take a configured one from {@link #newObjectMapper()}. Reading
 * gives the same objects as the Lambda Java runtime's own serializer; unknown properties are ignored.
 */
public final class KinesisJson {
    private static final ObjectReader EVENT_READER = newObjectMapper().readerFor(KinesisEvent.class);
    private static final ObjectWriter EVENT_WRITER = newObjectMapper().writerFor(KinesisEvent.class);

    private KinesisJson() {
    }

    /** A new Jackson module holding the mix-ins of this class; register it on any {@link ObjectMapper}. */
    public static Module module() {
        SimpleModule module = new SimpleModule("streamharness-kinesis-events");
        module.setMixInAnnotation(KinesisEvent.class, KinesisEventMixin.class);
        module.setMixInAnnotation(KinesisEventRecord.class, KinesisEventRecordMixin.class);
        module.setMixInAnnotation(KinesisEvent.Record.class, KinesisEventDataMixin.class);
        module.setMixInAnnotation(com.amazonaws.services.lambda.runtime.events.models.kinesis.Record.class,
                KinesisRecordMixin.class);
        module.setMixInAnnotation(StreamsEventResponse.class, StreamsEventResponseMixin.class);
        module.setMixInAnnotation(BatchItemFailure.class, BatchItemFailureMixin.class);
        return module;
    }

    /** A fresh mapper with {@link #module()} registered; each call returns a new, independent instance. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // emoji as UTF-8, like the event JSON
                .addModule(module())
                .build();
    }

    /** Reads a Kinesis event from UTF-8 JSON bytes, as the Lambda Java runtime would. */
    public static KinesisEvent readEvent(byte[] json) {
        try {
            return EVENT_READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Kinesis event JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a Kinesis event from a JSON string, as the Lambda Java runtime would. */
    public static KinesisEvent readEvent(String json) {
        try {
            return EVENT_READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Kinesis event JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a Kinesis event as Lambda delivers it: AWS field order, no whitespace, null fields left out. For a
     * partition key with a lone surrogate (no UTF-8 form) the text holds a backslash-u escape, as in the event bytes.
     */
    public static String writeEvent(KinesisEvent event) {
        try {
            return new String(EVENT_WRITER.writeValueAsBytes(event), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kinesis event: " + e.getMessage(), e);
        }
    }

    /** Mix-in for {@link KinesisEvent}: the records are under {@code Records}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public abstract static class KinesisEventMixin {
        @JsonProperty("Records")
        abstract List<KinesisEventRecord> getRecords();

        @JsonProperty("Records")
        abstract void setRecords(List<KinesisEventRecord> records);
    }

    /** Mix-in for {@link KinesisEventRecord}: AWS names ({@code eventID}, {@code eventSourceARN}) and field order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kinesis", "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn",
            "awsRegion", "eventSourceARN"})
    public abstract static class KinesisEventRecordMixin {
        @JsonProperty("kinesis")
        abstract KinesisEvent.Record getKinesis();

        @JsonProperty("kinesis")
        abstract void setKinesis(KinesisEvent.Record kinesis);

        @JsonProperty("eventSource")
        abstract String getEventSource();

        @JsonProperty("eventSource")
        abstract void setEventSource(String eventSource);

        @JsonProperty("eventVersion")
        abstract String getEventVersion();

        @JsonProperty("eventVersion")
        abstract void setEventVersion(String eventVersion);

        @JsonProperty("eventID")
        abstract String getEventID();

        @JsonProperty("eventID")
        abstract void setEventID(String eventId);

        @JsonProperty("eventName")
        abstract String getEventName();

        @JsonProperty("eventName")
        abstract void setEventName(String eventName);

        @JsonProperty("invokeIdentityArn")
        abstract String getInvokeIdentityArn();

        @JsonProperty("invokeIdentityArn")
        abstract void setInvokeIdentityArn(String invokeIdentityArn);

        @JsonProperty("awsRegion")
        abstract String getAwsRegion();

        @JsonProperty("awsRegion")
        abstract void setAwsRegion(String awsRegion);

        @JsonProperty("eventSourceARN")
        abstract String getEventSourceARN();

        @JsonProperty("eventSourceARN")
        abstract void setEventSourceARN(String eventSourceArn);
    }

    /** Mix-in for {@link KinesisEvent.Record}: {@code kinesisSchemaVersion} and the AWS field order of the object. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kinesisSchemaVersion", "partitionKey", "sequenceNumber", "data",
            "approximateArrivalTimestamp", "encryptionType"})
    public abstract static class KinesisEventDataMixin {
        @JsonProperty("kinesisSchemaVersion")
        abstract String getKinesisSchemaVersion();

        @JsonProperty("kinesisSchemaVersion")
        abstract void setKinesisSchemaVersion(String kinesisSchemaVersion);
    }

    /**
     * Mix-in for the Kinesis {@code Record} model: base64 {@code data}, {@code approximateArrivalTimestamp} in epoch
     * seconds, and {@code encryptionType} as a plain string (read when present, left out when null).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public abstract static class KinesisRecordMixin {
        @JsonProperty("partitionKey")
        abstract String getPartitionKey();

        @JsonProperty("partitionKey")
        abstract void setPartitionKey(String partitionKey);

        @JsonProperty("sequenceNumber")
        abstract String getSequenceNumber();

        @JsonProperty("sequenceNumber")
        abstract void setSequenceNumber(String sequenceNumber);

        @JsonProperty("data")
        @JsonSerialize(using = DataSerializer.class)
        abstract ByteBuffer getData();

        @JsonProperty("data")
        @JsonDeserialize(using = DataDeserializer.class)
        abstract void setData(ByteBuffer data);

        @JsonProperty("approximateArrivalTimestamp")
        @JsonSerialize(using = ArrivalTimestampSerializer.class)
        abstract Date getApproximateArrivalTimestamp();

        @JsonProperty("approximateArrivalTimestamp")
        @JsonDeserialize(using = ArrivalTimestampDeserializer.class)
        abstract void setApproximateArrivalTimestamp(Date approximateArrivalTimestamp);

        @JsonProperty("encryptionType")
        abstract String getEncryptionType();

        @JsonProperty("encryptionType")
        abstract void setEncryptionType(String encryptionType);
    }

    /** Mix-in for {@link StreamsEventResponse}: the {@code batchItemFailures} list (section 5). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public abstract static class StreamsEventResponseMixin {
        @JsonProperty("batchItemFailures")
        abstract List<BatchItemFailure> getBatchItemFailures();

        @JsonProperty("batchItemFailures")
        abstract void setBatchItemFailures(List<BatchItemFailure> batchItemFailures);
    }

    /** Mix-in for {@link BatchItemFailure}: the {@code itemIdentifier} (a sequence number, section 5). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public abstract static class BatchItemFailureMixin {
        @JsonProperty("itemIdentifier")
        abstract String getItemIdentifier();

        @JsonProperty("itemIdentifier")
        abstract void setItemIdentifier(String itemIdentifier);
    }

    /** Writes a record's data as padded base64 of the buffer's remaining bytes, leaving the buffer untouched. */
    public static final class DataSerializer extends JsonSerializer<ByteBuffer> {
        @Override
        public void serialize(ByteBuffer data, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ByteBuffer view = data.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
        }
    }

    /** Reads base64 {@code data} into a heap buffer, as the Lambda Java runtime does. */
    public static final class DataDeserializer extends JsonDeserializer<ByteBuffer> {
        @Override
        public ByteBuffer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return ByteBuffer.wrap(p.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS));
        }
    }

    /** Writes a date as epoch seconds with exactly three decimals, e.g. {@code 1545084650.987} (rule 7.2). */
    public static final class ArrivalTimestampSerializer extends JsonSerializer<Date> {
        @Override
        public void serialize(Date date, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(EpochSeconds.format(date.getTime()));
        }
    }

    /**
     * Reads epoch seconds into a date exactly as the Lambda Java runtime does: {@code (long) (seconds * 1000.0)},
     * and null for 0.
     */
    public static final class ArrivalTimestampDeserializer extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return EpochSeconds.runtimeDateFromSeconds(p.getValueAsDouble());
        }
    }
}
