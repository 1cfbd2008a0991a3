package io.github.streamharness.internal.invoke;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.StreamRecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Builds what a handler receives for a batch: the event JSON (spec 7.1) or the KinesisEvent (spec 7.3). */
public final class EventCodec {
    private final ObjectMapper mapper;
    private final String eventSourceArn;
    private final String awsRegion;
    private final String invokeIdentityArn;

    /** A codec for events from {@code eventSourceArn} invoking a function with role {@code invokeIdentityArn}. */
    public EventCodec(ObjectMapper mapper, String eventSourceArn, String awsRegion, String invokeIdentityArn) {
        this.mapper = mapper;
        this.eventSourceArn = eventSourceArn;
        this.awsRegion = awsRegion;
        this.invokeIdentityArn = invokeIdentityArn;
    }

    /** The KinesisEvent the Lambda Java runtime would build from the batch's event JSON; fresh buffers each call. */
    public KinesisEvent toKinesisEvent(List<StreamRecord> batch) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>(batch.size());
        for (StreamRecord r : batch) {
            KinesisEvent.Record k = new KinesisEvent.Record();
            k.setKinesisSchemaVersion("1.0");
            k.setPartitionKey(r.partitionKey());
            k.setSequenceNumber(r.sequenceNumber());
            k.setData(r.data());
            k.setApproximateArrivalTimestamp(new Date(r.approximateArrivalEpochMillis()));
            KinesisEvent.KinesisEventRecord e = new KinesisEvent.KinesisEventRecord();
            e.setKinesis(k);
            e.setEventSource("aws:kinesis");
            e.setEventVersion("1.0");
            e.setEventID(r.eventId());
            e.setEventName("aws:kinesis:record");
            e.setInvokeIdentityArn(invokeIdentityArn);
            e.setAwsRegion(awsRegion);
            e.setEventSourceARN(eventSourceArn);
            records.add(e);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    /** The event JSON of the batch, in AWS field order. */
    public byte[] toJson(List<StreamRecord> batch) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("Records");
        for (StreamRecord r : batch) {
            ObjectNode e = array.addObject();
            ObjectNode k = e.putObject("kinesis");
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", r.partitionKey());
            k.put("sequenceNumber", r.sequenceNumber());
            k.put("data", Base64.getEncoder().encodeToString(r.dataBytes()));
            k.put("approximateArrivalTimestamp", BigDecimal.valueOf(r.approximateArrivalEpochMillis(), 3));
            e.put("eventSource", "aws:kinesis");
            e.put("eventVersion", "1.0");
            e.put("eventID", r.eventId());
            e.put("eventName", "aws:kinesis:record");
            e.put("invokeIdentityArn", invokeIdentityArn);
            e.put("awsRegion", awsRegion);
            e.put("eventSourceARN", eventSourceArn);
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the event JSON", e);
        }
    }

    /** Bytes of {@code {"Records":[]}}. */
    public long envelopeSize() {
        return "{\"Records\":[]}".length();
    }

    /** Bytes one record adds to the event JSON (its object, plus a comma when it is not the first). */
    public long recordSize(StreamRecord record) {
        return toJson(List.of(record)).length - envelopeSize();
    }

    /** The event JSON as text. */
    public String toJsonString(List<StreamRecord> batch) {
        return new String(toJson(batch), StandardCharsets.UTF_8);
    }
}
