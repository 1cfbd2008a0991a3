package io.github.streamharness.internal.event;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import io.github.streamharness.StreamRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link KinesisEvent} a {@code RequestHandler<KinesisEvent, ?>} receives for a batch, directly from the
 * records (no JSON round trip), with every field as the Lambda Java runtime sets it from the event JSON that
 * {@link EventJsonWriter} writes (rule 7.1 to 7.3).
 *
 * <p>Each call makes new objects and a fresh copy of every record's {@code data} in a writable, array-backed buffer,
 * as the runtime's own deserializer gives (so {@code getData().array()} works as on Lambda), and a handler that
 * consumes or mutates one attempt's event does not affect a retry. {@code encryptionType} stays null: the JSON has none (spec
 * 7.2).
 */
public final class KinesisEventFactory {
    /** {@code kinesisSchemaVersion} and {@code eventVersion} of every record. */
    public static final String VERSION = "1.0";
    /** {@code eventSource} of every record. */
    public static final String EVENT_SOURCE = "aws:kinesis";
    /** {@code eventName} of every record. */
    public static final String EVENT_NAME = "aws:kinesis:record";

    private KinesisEventFactory() {
    }

    /** The event for a batch, records in batch order. */
    public static KinesisEvent create(List<StreamRecord> records, EventMetadata metadata) {
        List<KinesisEventRecord> eventRecords = new ArrayList<>(records.size());
        for (StreamRecord record : records) {
            eventRecords.add(eventRecord(record, metadata));
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(eventRecords);
        return event;
    }

    /** One entry of the event's {@code Records} list. */
    public static KinesisEventRecord eventRecord(StreamRecord record, EventMetadata metadata) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion(VERSION);
        kinesis.setPartitionKey(record.partitionKey());
        String sequenceNumber = record.sequenceNumber(); // built once: eventID repeats it
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setData(ByteBuffer.wrap(record.dataBytes())); // a copy: writable, array-backed, per attempt
        // the runtime reads the JSON seconds through a double (rule 7.3); mirror its conversion exactly
        kinesis.setApproximateArrivalTimestamp(EpochSeconds.runtimeDate(record.approximateArrivalEpochMillis()));

        KinesisEventRecord eventRecord = new KinesisEventRecord();
        eventRecord.setKinesis(kinesis);
        eventRecord.setEventSource(EVENT_SOURCE);
        eventRecord.setEventVersion(VERSION);
        eventRecord.setEventID(record.shardId() + ":" + sequenceNumber);
        eventRecord.setEventName(EVENT_NAME);
        eventRecord.setInvokeIdentityArn(metadata.invokeIdentityArn());
        eventRecord.setAwsRegion(metadata.awsRegion());
        eventRecord.setEventSourceARN(metadata.eventSourceArn());
        return eventRecord;
    }
}
