package io.github.streamharness.internal.invoke;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.event.EventJsonWriter;
import io.github.streamharness.internal.event.EventMetadata;
import io.github.streamharness.internal.event.KinesisEventFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a mapping's function receives for a batch: the event JSON (rule 7.1) or the KinesisEvent the Lambda Java
 * runtime builds from it (rule 7.3), and the event's exact size for the 6 MB cut (rule 2.5).
 */
public final class EventCodec {
    private final EventMetadata metadata;

    /** A codec for events from {@code eventSourceArn} invoking a function with role {@code invokeIdentityArn}. */
    public EventCodec(String eventSourceArn, String awsRegion, String invokeIdentityArn) {
        this.metadata = new EventMetadata(eventSourceArn, awsRegion, invokeIdentityArn);
    }

    /** The KinesisEvent for the batch, with a fresh copy of every record's data. */
    public KinesisEvent toKinesisEvent(List<StreamRecord> batch) {
        return KinesisEventFactory.create(batch, metadata);
    }

    /** The event JSON of the batch, in AWS field order. */
    public byte[] toJson(List<StreamRecord> batch) {
        return EventJsonWriter.write(batch, metadata);
    }

    /** The event JSON as text. */
    public String toJsonString(List<StreamRecord> batch) {
        return new String(toJson(batch), StandardCharsets.UTF_8);
    }

    /** Bytes of the whole event JSON of a batch. */
    public long eventSize(List<StreamRecord> batch) {
        return EventJsonWriter.eventSize(batch, metadata);
    }

    /** Bytes of {@code {"Records":[]}}. */
    public long envelopeSize() {
        return EventJsonWriter.envelopeSize();
    }

    /** Bytes one record's object adds to the event JSON (without the separating comma). */
    public long recordSize(StreamRecord record) {
        return EventJsonWriter.recordSize(record, metadata);
    }

    /** An upper bound of {@link #recordSize} over records with keys and data no longer than the given maxima. */
    public long recordSizeBound(int maxPartitionKeyChars, int maxDataBytes, String sequenceNumberSample,
                                String shardId) {
        return EventJsonWriter.recordSizeBound(maxPartitionKeyChars, maxDataBytes, sequenceNumberSample, shardId,
                metadata);
    }

    /** Bytes of the comma between two records. */
    public long separatorSize() {
        return EventJsonWriter.SEPARATOR_SIZE;
    }
}
