package io.github.streamharness.internal.event;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.stream.ShardRecords;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
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
        if (records instanceof ShardRecords batch) {
            return create(batch, metadata);
        }
        // not a batch of the engine's (those are ShardRecords): a list a caller built, one record after the other
        List<KinesisEventRecord> eventRecords = new ArrayList<>(records.size());
        for (StreamRecord record : records) {
            eventRecords.add(eventRecord(record, metadata));
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(eventRecords);
        return event;
    }

    /** As {@link #create(List, EventMetadata)}, from the shard's columns: no {@link StreamRecord} is made. */
    private static KinesisEvent create(ShardRecords records, EventMetadata metadata) {
        Entries entries = new Entries(records.shardId(), records.size(), metadata);
        records.each(entries);
        KinesisEvent event = new KinesisEvent();
        event.setRecords(entries.list);
        return event;
    }

    /** The event's entries, made as the shard gives each record's fields. */
    private static final class Entries implements ShardRecords.Fields {
        private final String shardId;
        private final EventMetadata metadata;
        private final List<KinesisEventRecord> list;
        private long lastArrival;
        private long lastDateMillis;

        Entries(String shardId, int size, EventMetadata metadata) {
            this.shardId = shardId;
            this.metadata = metadata;
            this.list = new ArrayList<>(size);
        }

        @Override
        public void record(int n, String partitionKey, String sequenceNumber, byte[] data, long arrival) {
            if (n == 0 || arrival != lastArrival) { // records of one millisecond share the conversion, not the Date
                lastArrival = arrival;
                lastDateMillis = EpochSeconds.runtimeMillis(arrival);
            }
            list.add(eventRecord(shardId, partitionKey, sequenceNumber, data, arrival, lastDateMillis, metadata));
        }
    }

    /** One entry of the event's {@code Records} list. */
    public static KinesisEventRecord eventRecord(StreamRecord record, EventMetadata metadata) {
        long arrival = record.approximateArrivalEpochMillis();
        return eventRecord(record.shardId(), record.partitionKey(), record.sequenceNumber(), record.dataBytes(),
                arrival, EpochSeconds.runtimeMillis(arrival), metadata);
    }

    /**
     * One entry: {@code data} is the event's own copy of the record's bytes, {@code dateMillis}
     * {@link EpochSeconds#runtimeMillis} of {@code arrival}.
     */
    private static KinesisEventRecord eventRecord(String shardId, String partitionKey, String sequenceNumber,
                                                  byte[] data, long arrival, long dateMillis,
                                                  EventMetadata metadata) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion(VERSION);
        kinesis.setPartitionKey(partitionKey);
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setData(ByteBuffer.wrap(data)); // writable and array-backed, as the runtime's deserializer gives
        // the runtime reads the JSON seconds through a double (rule 7.3): dateMillis mirrors its conversion exactly
        kinesis.setApproximateArrivalTimestamp(arrival == 0 ? null : new Date(dateMillis)); // 0.0 s reads as null

        KinesisEventRecord eventRecord = new KinesisEventRecord();
        eventRecord.setKinesis(kinesis);
        eventRecord.setEventSource(EVENT_SOURCE);
        eventRecord.setEventVersion(VERSION);
        eventRecord.setEventID(shardId + ":" + sequenceNumber);
        eventRecord.setEventName(EVENT_NAME);
        eventRecord.setInvokeIdentityArn(metadata.invokeIdentityArn());
        eventRecord.setAwsRegion(metadata.awsRegion());
        eventRecord.setEventSourceARN(metadata.eventSourceArn());
        return eventRecord;
    }
}
