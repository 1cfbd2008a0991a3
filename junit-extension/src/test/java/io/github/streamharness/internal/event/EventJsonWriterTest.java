package io.github.streamharness.internal.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.github.streamharness.internal.event.EventFixtures.SPEC_METADATA;
import static org.assertj.core.api.Assertions.assertThat;

class EventJsonWriterTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesTheSpecExampleByteForByte() {
        // rule 7.1: the AWS example, with its line breaks and indentation removed (no value contains whitespace)
        String expected = EventFixtures.resource("spec-7.1-example.json").replaceAll("\\s", "");

        byte[] json = EventJsonWriter.write(List.of(EventFixtures.specRecord()), SPEC_METADATA);

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void writesFieldsInAwsOrderWithoutWhitespaceOrEncryptionType() {
        StreamRecord record = new StreamRecord("shardId-000000000001", "42", "k", new byte[] {1, 2, 3},
                1_545_084_650_000L);

        String json = new String(EventJsonWriter.write(List.of(record), SPEC_METADATA), StandardCharsets.UTF_8);

        // rule 7.1, 7.2: whole seconds keep three decimals; eventID is shardId:sequenceNumber
        assertThat(json).isEqualTo("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\","
                + "\"partitionKey\":\"k\",\"sequenceNumber\":\"42\",\"data\":\"AQID\","
                + "\"approximateArrivalTimestamp\":1545084650.000},\"eventSource\":\"aws:kinesis\","
                + "\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000001:42\","
                + "\"eventName\":\"aws:kinesis:record\","
                + "\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/lambda-role\",\"awsRegion\":\"us-east-2\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream\"}]}");
    }

    @Test
    void emptyBatchIsAnEmptyRecordsArray() {
        assertThat(new String(EventJsonWriter.write(List.of(), SPEC_METADATA), StandardCharsets.UTF_8))
                .isEqualTo("{\"Records\":[]}");
        assertThat(EventJsonWriter.eventSize(List.of(), SPEC_METADATA)).isEqualTo(14);
    }

    @Test
    void computedSizeEqualsWrittenBytesForTrickyKeysAndEveryDataLength() {
        // rule 2.5, 0.7: the 6 MB cut relies on this size being exact
        List<StreamRecord> records = EventFixtures.trickyRecords(500, 7L);
        EventMetadata metadata = new EventMetadata("arn:aws:kinesis:eu-west-1:123456789012:stream/\u00e9v\u00e9\"nts",
                "eu-west-1", "arn:aws:iam::123456789012:role/r\\\u0001\ud83d\ude00");

        for (int n = 0; n <= records.size(); n += 7) {
            List<StreamRecord> batch = records.subList(0, n);
            assertThat(EventJsonWriter.eventSize(batch, metadata))
                    .as("batch of %d", n)
                    .isEqualTo(EventJsonWriter.write(batch, metadata).length);
        }
    }

    @Test
    void eachSingleRecordSizeIsExact() {
        for (StreamRecord record : EventFixtures.trickyRecords(200, 11L)) {
            byte[] json = EventJsonWriter.write(List.of(record), SPEC_METADATA);
            assertThat(EventJsonWriter.envelopeSize() + EventJsonWriter.recordSize(record, SPEC_METADATA))
                    .as("record with key %s and %d data bytes", record.partitionKey(), record.dataSize())
                    .isEqualTo(json.length);
        }
    }

    @Test
    void incrementalSizeAddsSeparatorsBetweenRecords() {
        List<StreamRecord> records = EventFixtures.trickyRecords(50, 3L);
        long size = EventJsonWriter.envelopeSize();
        for (int i = 0; i < records.size(); i++) {
            size += (i == 0 ? 0 : EventJsonWriter.SEPARATOR_SIZE) + EventJsonWriter.recordSize(records.get(i),
                    SPEC_METADATA);
        }
        assertThat(size).isEqualTo(EventJsonWriter.write(records, SPEC_METADATA).length);
    }

    @Test
    void writtenJsonParsesBackToTheOriginalValues() throws Exception {
        List<StreamRecord> records = EventFixtures.trickyRecords(60, 5L);

        JsonNode tree = mapper.readTree(EventJsonWriter.write(records, SPEC_METADATA));

        assertThat(tree.get("Records")).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            StreamRecord record = records.get(i);
            JsonNode node = tree.get("Records").get(i);
            JsonNode kinesis = node.get("kinesis");
            assertThat(kinesis.get("partitionKey").textValue()).isEqualTo(record.partitionKey());
            assertThat(kinesis.get("sequenceNumber").textValue()).isEqualTo(record.sequenceNumber());
            assertThat(Base64.getDecoder().decode(kinesis.get("data").textValue())).isEqualTo(record.dataBytes());
            assertThat(kinesis.get("approximateArrivalTimestamp").decimalValue().movePointRight(3).longValueExact())
                    .isEqualTo(record.approximateArrivalEpochMillis());
            assertThat(node.get("eventID").textValue()).isEqualTo(record.shardId() + ":" + record.sequenceNumber());
            assertThat(node.get("eventSourceARN").textValue()).isEqualTo(SPEC_METADATA.eventSourceArn());
        }
    }

    @Test
    void escapesEveryCharacterAsJacksonDoes() throws Exception {
        // Jackson's escapes; a surrogate pair as raw 4-byte UTF-8 (Jackson's byte output escapes it by default)
        ObjectMapper jackson = JsonMapper.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        List<String> texts = new ArrayList<>();
        for (char c = 0; c < 0xFFFF; c++) {
            if (!Character.isSurrogate(c)) {
                texts.add(String.valueOf(c));
            }
        }
        texts.addAll(List.of("\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "a\"b\\c\u00e9\ud83d\ude00"));
        List<String> mismatches = new ArrayList<>();
        for (String text : texts) {
            String expected = new String(jackson.writeValueAsBytes(text), StandardCharsets.UTF_8);
            String actual = quoted(text);
            if (!actual.equals(expected)) {
                mismatches.add(String.format("U+%04X: %s vs Jackson %s", text.codePointAt(0), actual, expected));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String quoted(String text) {
        byte[] out = new byte[(int) JsonEscaping.escapedLength(text) + 2];
        out[0] = '"';
        int end = JsonEscaping.write(text, out, 1);
        out[end] = '"';
        assertThat(end + 1).as("escaped length of U+%04X", text.codePointAt(0)).isEqualTo(out.length);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void loneSurrogatesAreEscapedSoParsersReadBackTheSameString() throws Exception {
        String key = "a\ud83db\ude00";
        StreamRecord record = new StreamRecord("shardId-000000000000", "1", key, new byte[0], 0L);

        byte[] json = EventJsonWriter.write(List.of(record), SPEC_METADATA);

        assertThat(new String(json, StandardCharsets.US_ASCII)).contains("\"partitionKey\":\"a\\uD83Db\\uDE00\"");
        assertThat(mapper.readTree(json).at("/Records/0/kinesis/partitionKey").textValue()).isEqualTo(key);
    }

    @Test
    void dataSizeUsesPaddedBase64Length() {
        List<Long> lengths = new ArrayList<>();
        for (long n = 0; n <= 7; n++) {
            lengths.add(EventJsonWriter.base64Length(n));
        }
        assertThat(lengths).containsExactly(0L, 4L, 4L, 4L, 8L, 8L, 8L, 12L);
        assertThat(EventJsonWriter.base64Length(6_291_456)).isEqualTo(8_388_608);
    }
}
