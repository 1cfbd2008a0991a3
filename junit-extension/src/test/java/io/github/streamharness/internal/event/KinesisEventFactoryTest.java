package io.github.streamharness.internal.event;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.github.streamharness.internal.event.EventFixtures.SPEC_METADATA;
import static org.assertj.core.api.Assertions.assertThat;

class KinesisEventFactoryTest {

    @Test
    void equalsWhatTheLambdaRuntimeReadsFromTheWriterJsonFieldByField() {
        // rule 7.3: a RequestHandler<KinesisEvent, ?> sees the same objects whether built directly or deserialized
        List<StreamRecord> records = new ArrayList<>(EventFixtures.trickyRecords(300, 13L));
        records.add(new StreamRecord("shardId-000000000004", "7", "epoch", new byte[] {9}, 0L));
        records.add(new StreamRecord("shardId-000000000004", "8", "early", new byte[0], 1L));

        KinesisEvent runtime = EventFixtures.runtimeRead(
                new String(EventJsonWriter.write(records, SPEC_METADATA), StandardCharsets.UTF_8));
        KinesisEvent built = KinesisEventFactory.create(records, SPEC_METADATA);

        assertThat(built.getRecords()).hasSameSizeAs(runtime.getRecords()).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertSameRecord(built.getRecords().get(i), runtime.getRecords().get(i), "record " + i);
        }
        assertThat(built).isEqualTo(runtime);
    }

    @Test
    void specExampleReadByTheRuntimeEqualsTheFactoryEvent() {
        // rule 7.1: the AWS example, verbatim
        KinesisEvent runtime = EventFixtures.runtimeRead(EventFixtures.resource("spec-7.1-example.json"));
        KinesisEvent built = KinesisEventFactory.create(List.of(EventFixtures.specRecord()), SPEC_METADATA);

        assertSameRecord(built.getRecords().get(0), runtime.getRecords().get(0), "spec example");
        assertThat(built).isEqualTo(runtime);
        KinesisEvent.Record kinesis = built.getRecords().get(0).getKinesis();
        assertThat(kinesis.getApproximateArrivalTimestamp()).isEqualTo(new Date(1_545_084_650_987L));
        assertThat(StandardCharsets.UTF_8.decode(kinesis.getData()).toString()).isEqualTo("Hello, this is a test.");
    }

    @Test
    void setsEveryFieldAsTheEventJsonDoes() {
        StreamRecord record = new StreamRecord("shardId-000000000002", "4959", "pk-7", new byte[] {1, 2},
                1_700_000_000_123L);

        KinesisEventRecord eventRecord = KinesisEventFactory.create(List.of(record), SPEC_METADATA).getRecords().get(0);

        // rule 7.2
        assertThat(eventRecord.getEventSource()).isEqualTo("aws:kinesis");
        assertThat(eventRecord.getEventVersion()).isEqualTo("1.0");
        assertThat(eventRecord.getEventName()).isEqualTo("aws:kinesis:record");
        assertThat(eventRecord.getEventID()).isEqualTo("shardId-000000000002:4959");
        assertThat(eventRecord.getInvokeIdentityArn()).isEqualTo("arn:aws:iam::123456789012:role/lambda-role");
        assertThat(eventRecord.getAwsRegion()).isEqualTo("us-east-2");
        assertThat(eventRecord.getEventSourceARN())
                .isEqualTo("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream");
        KinesisEvent.Record kinesis = eventRecord.getKinesis();
        assertThat(kinesis.getKinesisSchemaVersion()).isEqualTo("1.0");
        assertThat(kinesis.getPartitionKey()).isEqualTo("pk-7");
        assertThat(kinesis.getSequenceNumber()).isEqualTo("4959");
        assertThat(kinesis.getApproximateArrivalTimestamp()).isEqualTo(new Date(1_700_000_000_123L));
        assertThat(kinesis.getEncryptionType()).isNull();
    }

    @Test
    void eachEventGetsAFreshCopyOfTheDataSoConsumingOrWritingItDoesNotAffectARetry() {
        // architecture: each attempt gets a fresh ByteBuffer; writable and array-backed as the runtime gives it
        // (rule 7.3), so getData().array() works (issue 8: read-only event data buffer)
        List<StreamRecord> batch = List.of(EventFixtures.specRecord());
        KinesisEvent first = KinesisEventFactory.create(batch, SPEC_METADATA);
        ByteBuffer consumed = first.getRecords().get(0).getKinesis().getData();
        consumed.get(new byte[consumed.remaining()]);

        KinesisEvent retry = KinesisEventFactory.create(batch, SPEC_METADATA);

        ByteBuffer data = retry.getRecords().get(0).getKinesis().getData();
        assertThat(data).isNotSameAs(consumed);
        assertThat(data.isReadOnly()).isFalse();
        assertThat(data.remaining()).isEqualTo(22);
        assertThat(retry.getRecords().get(0)).isNotSameAs(first.getRecords().get(0));
        data.put(0, (byte) 1);
        assertThat(KinesisEventFactory.create(batch, SPEC_METADATA).getRecords().get(0).getKinesis().getData()
                .get(0)).isEqualTo(EventFixtures.specRecord().dataBytes()[0]);
    }

    @Test
    void recordsOfOneMillisecondEachGetTheirOwnDateSoChangingOneChangesNoOther() {
        // rule 7.3: the runtime makes a Date per record; the factory shares only the conversion within a millisecond
        List<StreamRecord> batch = List.of(
                new StreamRecord("shardId-000000000000", "1", "a", new byte[] {1}, 1_700_000_000_123L),
                new StreamRecord("shardId-000000000000", "2", "b", new byte[] {2}, 1_700_000_000_123L),
                new StreamRecord("shardId-000000000000", "3", "c", new byte[] {3}, 1_700_000_000_124L));
        KinesisEvent event = KinesisEventFactory.create(batch, SPEC_METADATA);
        Date first = event.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp();
        Date second = event.getRecords().get(1).getKinesis().getApproximateArrivalTimestamp();

        first.setTime(0L);

        assertThat(second).isNotSameAs(first).isEqualTo(new Date(1_700_000_000_123L));
        assertThat(event.getRecords().get(2).getKinesis().getApproximateArrivalTimestamp())
                .isEqualTo(new Date(1_700_000_000_124L));
        assertThat(KinesisEventFactory.create(batch, SPEC_METADATA).getRecords().get(0).getKinesis()
                .getApproximateArrivalTimestamp()).isEqualTo(new Date(1_700_000_000_123L)); // a retry
    }

    @Test
    void keepsBatchOrderAndMakesAnEmptyListForAnEmptyBatch() {
        List<StreamRecord> records = EventFixtures.trickyRecords(20, 1L);

        List<String> ids = KinesisEventFactory.create(records, SPEC_METADATA).getRecords().stream()
                .map(KinesisEventRecord::getEventID).toList();

        assertThat(ids).containsExactlyElementsOf(records.stream().map(StreamRecord::eventId).toList());
        assertThat(KinesisEventFactory.create(List.of(), SPEC_METADATA).getRecords()).isEmpty();
    }

    private static void assertSameRecord(KinesisEventRecord actual, KinesisEventRecord expected, String what) {
        assertThat(actual.getEventSource()).as(what).isEqualTo(expected.getEventSource());
        assertThat(actual.getEventVersion()).as(what).isEqualTo(expected.getEventVersion());
        assertThat(actual.getEventID()).as(what).isEqualTo(expected.getEventID());
        assertThat(actual.getEventName()).as(what).isEqualTo(expected.getEventName());
        assertThat(actual.getInvokeIdentityArn()).as(what).isEqualTo(expected.getInvokeIdentityArn());
        assertThat(actual.getAwsRegion()).as(what).isEqualTo(expected.getAwsRegion());
        assertThat(actual.getEventSourceARN()).as(what).isEqualTo(expected.getEventSourceARN());
        KinesisEvent.Record a = actual.getKinesis();
        KinesisEvent.Record e = expected.getKinesis();
        assertThat(a.getKinesisSchemaVersion()).as(what).isEqualTo(e.getKinesisSchemaVersion());
        assertThat(a.getPartitionKey()).as(what).isEqualTo(e.getPartitionKey());
        assertThat(a.getSequenceNumber()).as(what).isEqualTo(e.getSequenceNumber());
        assertThat(a.getApproximateArrivalTimestamp()).as(what).isEqualTo(e.getApproximateArrivalTimestamp());
        assertThat(a.getEncryptionType()).as(what).isEqualTo(e.getEncryptionType());
        assertThat(bytes(a.getData())).as(what).isEqualTo(bytes(e.getData()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
