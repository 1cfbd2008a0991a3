package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.streamharness.internal.event.EventFixtures;
import io.github.streamharness.internal.event.EventJsonWriter;
import io.github.streamharness.internal.event.KinesisEventFactory;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import static io.github.streamharness.internal.event.EventFixtures.SPEC_METADATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KinesisJsonTest {

    @Test
    void readsTheSpecExampleAsTheLambdaRuntimeDoes() {
        // rule 7.1, 7.3
        String json = EventFixtures.resource("spec-7.1-example.json");

        KinesisEvent event = KinesisJson.readEvent(json);

        assertThat(event).isEqualTo(EventFixtures.runtimeRead(json));
        KinesisEvent.Record kinesis = event.getRecords().get(0).getKinesis();
        assertThat(kinesis.getApproximateArrivalTimestamp()).isEqualTo(new Date(1_545_084_650_987L));
        assertThat(event.getRecords().get(0).getEventID())
                .isEqualTo("shardId-000000000006:49590338271490256608559692538361571095921575989136588898");
        assertThat(event.getRecords().get(0).getEventSourceARN())
                .isEqualTo("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream");
    }

    @Test
    void readsTheAwsDocsExampleAsTheLambdaRuntimeDoes() {
        // the example of the Lambda developer guide: other field order, no approximateArrivalTimestamp
        byte[] json = EventFixtures.resource("aws-docs-example.json").getBytes(StandardCharsets.UTF_8);

        KinesisEvent event = KinesisJson.readEvent(json);

        assertThat(event).isEqualTo(EventFixtures.runtimeRead(new String(json, StandardCharsets.UTF_8)));
        KinesisEvent.Record kinesis = event.getRecords().get(0).getKinesis();
        assertThat(StandardCharsets.UTF_8.decode(kinesis.getData()).toString())
                .isEqualTo("Hello, this is a test 123.");
        assertThat(kinesis.getPartitionKey()).isEqualTo("partitionKey-3");
        assertThat(kinesis.getApproximateArrivalTimestamp()).isNull();
        assertThat(event.getRecords().get(0).getInvokeIdentityArn())
                .isEqualTo("arn:aws:iam::account-id:role/testLEBRole");
        assertThat(event.getRecords().get(0).getAwsRegion()).isEqualTo("us-west-2");
    }

    @Test
    void writesExactlyTheEventJsonTheHarnessDelivers() {
        // rule 7.1: same bytes as EventJsonWriter, so a user can log or replay an event in the AWS shape
        List<StreamRecord> records = EventFixtures.trickyRecords(100, 17L);
        KinesisEvent event = KinesisEventFactory.create(records, SPEC_METADATA);

        String json = KinesisJson.writeEvent(event);

        String expected = new String(EventJsonWriter.write(records, SPEC_METADATA), StandardCharsets.UTF_8);
        int firstDifference = firstDifference(json, expected);
        assertThat(firstDifference)
                .as("first difference at %d: %s", firstDifference, around(json, firstDifference))
                .isEqualTo(-1);
    }

    @Test
    void writeThenReadRoundTrips() {
        KinesisEvent event = KinesisEventFactory.create(EventFixtures.trickyRecords(50, 19L), SPEC_METADATA);
        event.getRecords().get(3).getKinesis().setEncryptionType("KMS");

        KinesisEvent back = KinesisJson.readEvent(KinesisJson.writeEvent(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.getRecords().get(3).getKinesis().getEncryptionType()).isEqualTo("KMS");
    }

    @Test
    void writingLeavesTheDataBufferUntouched() {
        KinesisEvent event = KinesisEventFactory.create(List.of(EventFixtures.specRecord()), SPEC_METADATA);
        ByteBuffer data = event.getRecords().get(0).getKinesis().getData();

        KinesisJson.writeEvent(event);

        assertThat(data.position()).isZero();
        assertThat(data.remaining()).isEqualTo(22);
    }

    @Test
    void readsEncryptionTypeWhenPresentAndIgnoresUnknownProperties() {
        // rule 7.2: encryptionType may be present ("NONE" in the Java fixture, "KMS" on encrypted streams)
        String json = "{\"Records\":[{\"kinesis\":{\"partitionKey\":\"p\",\"sequenceNumber\":\"1\",\"data\":\"AQ==\","
                + "\"encryptionType\":\"NONE\",\"newField\":{\"a\":[1]},\"approximateArrivalTimestamp\":1.5},"
                + "\"eventID\":\"shardId-000000000000:1\",\"somethingNew\":true}],\"extra\":1}";

        KinesisEvent event = KinesisJson.readEvent(json);

        assertThat(event).isEqualTo(EventFixtures.runtimeRead(json));
        assertThat(event.getRecords().get(0).getKinesis().getEncryptionType()).isEqualTo("NONE");
        assertThat(event.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp())
                .isEqualTo(new Date(1_500L));
    }

    @Test
    void malformedJsonFailsWithAMessage() {
        assertThatThrownBy(() -> KinesisJson.readEvent("{\"Records\":[{"))
                .hasMessageStartingWith("not a Kinesis event JSON");
    }

    @Test
    void readsAndWritesAPartialBatchResponse() throws Exception {
        // section 5: {"batchItemFailures":[{"itemIdentifier":"<sequence number>"}]}
        ObjectMapper mapper = KinesisJson.newObjectMapper();
        String json = "{\"batchItemFailures\":[{\"itemIdentifier\":\"4959\",\"other\":1}],\"unknown\":\"x\"}";

        StreamsEventResponse response = mapper.readValue(json, StreamsEventResponse.class);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("4959");
        assertThat(mapper.writeValueAsString(response))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4959\"}]}");
    }

    @Test
    void moduleWorksOnAUserMapperWithItsOwnNamingStrategy() throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(KinesisJson.module());
        String json = EventFixtures.resource("spec-7.1-example.json");

        KinesisEvent event = mapper.readValue(json, KinesisEvent.class);

        assertThat(event).isEqualTo(EventFixtures.runtimeRead(json));
        assertThat(mapper.writeValueAsString(event)).isEqualTo(json.replaceAll("\\s", ""));
        StreamsEventResponse response = new StreamsEventResponse(List.of(new BatchItemFailure("1")));
        assertThat(mapper.writeValueAsString(response))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}");
    }

    @Test
    void newObjectMapperReturnsIndependentMappers() {
        ObjectMapper first = KinesisJson.newObjectMapper();
        ObjectMapper second = KinesisJson.newObjectMapper();

        first.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);

        assertThat(second).isNotSameAs(first);
        assertThat(second.getPropertyNamingStrategy()).isNull();
    }

    private static int firstDifference(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : Math.min(a.length(), b.length());
    }

    private static String around(String s, int index) {
        return index < 0 ? "" : s.substring(Math.max(0, index - 60), Math.min(s.length(), index + 20));
    }
}
