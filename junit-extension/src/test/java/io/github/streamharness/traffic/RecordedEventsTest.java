package io.github.streamharness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedEventsTest {
    private static final ClassLoader LOADER = RecordedEventsTest.class.getClassLoader();

    private static RecordedStream load(String resource) {
        return RecordedEvents.fromClasspath(resource, LOADER);
    }

    private static RecordedEventsException loadFails(String resource) {
        return catchThrowableOfType(RecordedEventsException.class, () -> load(resource));
    }

    @Test
    void awsDocsExampleEventLoadsExactly() {
        // the Lambda developer guide's example event, verbatim; it has no approximateArrivalTimestamp (rule 7.1)
        RecordedStream stream = load("recorded/aws-docs-example-event.json");

        assertThat(stream.format()).isEqualTo(RecordedFormat.LAMBDA_EVENT);
        assertThat(stream.records()).hasSize(1);
        RecordedRecord record = stream.records().get(0);
        assertThat(record.partitionKey()).isEqualTo("partitionKey-3");
        assertThat(record.dataAsString()).isEqualTo("Hello, this is a test 123.");
        assertThat(record.dataBytes()).isEqualTo("Hello, this is a test 123.".getBytes(StandardCharsets.UTF_8));
        assertThat(record.sequenceNumber()).contains("49545115243490985018280067714973144582180062593244200961");
        assertThat(record.shardId()).contains("shardId-000000000000");
        assertThat(record.approximateArrivalTimestamp()).isEmpty();
        assertThat(record.line()).isEqualTo(1);
    }

    @Test
    void lambdaEventWithArrivalTimesKeepsFileOrderAndShards() {
        RecordedStream stream = load("recorded/orders-event.json");

        assertThat(stream.format()).isEqualTo(RecordedFormat.LAMBDA_EVENT);
        assertThat(stream.records()).extracting(RecordedRecord::partitionKey)
                .containsExactly("user-7", "user-1", "user-1");
        assertThat(stream.records()).extracting(RecordedRecord::dataAsString)
                .containsExactly("{\"order\":3,\"amount\":12.5}", "{\"order\":1,\"amount\":3}", "{not json");
        assertThat(stream.records()).extracting(r -> r.shardId().orElseThrow())
                .containsExactly("shardId-000000000001", "shardId-000000000006", "shardId-000000000006");
        // epoch seconds with a millisecond fraction (rule 7.2)
        assertThat(stream.records()).extracting(r -> r.approximateArrivalTimestamp().orElseThrow()).containsExactly(
                Instant.parse("2018-12-17T22:10:52.250Z"), Instant.parse("2018-12-17T22:10:50.987Z"),
                Instant.parse("2018-12-17T22:10:51Z"));
        assertThat(stream.records()).extracting(RecordedRecord::line).containsExactly(3, 19, 35);
    }

    @Test
    void sequenceOrderSortsNumerically() {
        // rule 12.1: compare as numbers; "...898" < "...899" < "...900"
        RecordedStream sorted = load("recorded/orders-event.json").inSequenceOrder();

        assertThat(sorted.records()).extracting(r -> r.sequenceNumber().orElseThrow().substring(50))
                .containsExactly("588898", "588899", "588900");
        RecordedStream mixed = RecordedEvents.fromString(
                "{\"partitionKey\":\"a\",\"text\":\"no seq\"}\n"
                        + "{\"partitionKey\":\"b\",\"text\":\"ten\",\"sequenceNumber\":\"10\"}\n"
                        + "{\"partitionKey\":\"c\",\"text\":\"nine\",\"sequenceNumber\":\"9\"}\n", "mixed.jsonl");
        assertThat(mixed.inSequenceOrder().records()).extracting(RecordedRecord::dataAsString)
                .containsExactly("nine", "ten", "no seq");
    }

    @Test
    void getRecordsOutputLoadsWithEpochAndIsoTimestamps() {
        RecordedStream stream = load("recorded/get-records-output.json");

        assertThat(stream.format()).isEqualTo(RecordedFormat.GET_RECORDS);
        assertThat(stream.records()).extracting(RecordedRecord::dataAsString)
                .containsExactly("first", "second", "third é");
        assertThat(stream.records()).extracting(RecordedRecord::partitionKey).containsExactly("pk-a", "pk-b", "pk-a");
        assertThat(stream.records().get(0).sequenceNumber())
                .contains("49546986683135544286507457936321625675700192471156785154");
        assertThat(stream.records()).extracting(RecordedRecord::approximateArrivalTimestamp).containsExactly(
                Optional.of(Instant.parse("2015-04-09T00:00:00.123Z")),
                Optional.of(Instant.parse("2015-04-09T00:00:02.500Z")),
                Optional.empty());
        assertThat(stream.records()).allSatisfy(r -> assertThat(r.shardId()).isEmpty());
    }

    @Test
    void jsonLinesAcceptEveryRecordShapeAndSkipBlankLines() {
        RecordedStream stream = load("recorded/captured.jsonl");

        assertThat(stream.format()).isEqualTo(RecordedFormat.JSON_LINES);
        assertThat(stream.records()).extracting(RecordedRecord::partitionKey)
                .containsExactly("device-1", "device-2", "device-1", "device-3");
        assertThat(stream.records()).extracting(RecordedRecord::dataAsString).containsExactly(
                "{\"temp\":21.5}", "binary\u0000ok", "from get-records", "from lambda");
        assertThat(stream.records()).extracting(RecordedRecord::line).containsExactly(1, 2, 4, 5);
        RecordedRecord second = stream.records().get(1);
        assertThat(second.sequenceNumber()).contains("100");
        assertThat(second.shardId()).contains("shardId-000000000003");
        assertThat(second.approximateArrivalTimestamp()).contains(Instant.parse("2024-05-01T12:00:00.500Z"));
        assertThat(stream.records().get(0).approximateArrivalTimestamp())
                .contains(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(stream.records().get(3).shardId()).contains("shardId-000000000002");
    }

    @Test
    void pathAndStreamLoadTheSameRecords(@TempDir Path dir) throws IOException {
        byte[] bytes;
        try (var in = LOADER.getResourceAsStream("recorded/get-records-output.json")) {
            bytes = in.readAllBytes();
        }
        Path file = dir.resolve("capture.json");
        Files.write(file, bytes);

        RecordedStream fromPath = RecordedEvents.fromPath(file);
        RecordedStream fromStream = RecordedEvents.fromStream(new ByteArrayInputStream(bytes), "capture.json");

        assertThat(fromPath.records()).isEqualTo(load("recorded/get-records-output.json").records());
        assertThat(fromStream.records()).isEqualTo(fromPath.records());
        assertThat(fromPath.sourceName()).isEqualTo(file.toString());
        assertThat(fromStream.sourceName()).isEqualTo("capture.json");
    }

    // ---- bad files ---------------------------------------------------------------------------------------------

    @Test
    void wrongTypeNamesFileLineColumnAndExpectation() {
        RecordedEventsException e = loadFails("recorded/bad/wrong-type.json");

        assertThat(e).hasMessage("recorded/bad/wrong-type.json:3:48: expected \"data\" to be base64 text, got number");
        assertThat(e.sourceName()).isEqualTo("recorded/bad/wrong-type.json");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(48);
        assertThat(e.detail()).isEqualTo("expected \"data\" to be base64 text, got number");
    }

    @Test
    void truncatedJsonIsReportedAtTheEndOfTheFile() {
        assertThat(loadFails("recorded/bad/truncated.json")).hasMessage("recorded/bad/truncated.json:3:43: "
                + "unexpected end of file: the JSON is cut short (Unexpected end-of-input in field name)");
    }

    @Test
    void invalidJsonSyntaxIsReportedWhereItIs() {
        assertThat(loadFails("recorded/bad/trailing-comma.json")).hasMessage("recorded/bad/trailing-comma.json:3:1: "
                + "invalid JSON: Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, "
                + "Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void badBase64NamesTheValueAndTheReason() {
        assertThat(loadFails("recorded/bad/bad-base64.json")).hasMessage("recorded/bad/bad-base64.json:5:21: "
                + "expected \"Data\" to be base64 text, got \"not base64!\" (Illegal base64 character 20)");
    }

    @Test
    void missingFieldIsReportedAtItsObject() {
        assertThat(loadFails("recorded/bad/missing-partition-key.json")).hasMessage(
                "recorded/bad/missing-partition-key.json:4:18: expected \"partitionKey\" (a string) in \"kinesis\" of "
                        + "record 1, but it is missing");
    }

    @Test
    void emptyFileIsRejected() {
        assertThat(loadFails("recorded/bad/empty.json")).hasMessage("recorded/bad/empty.json:1:1: expected a JSON "
                + "object ({\"Records\":[...]}, or one record per line), got an empty file");
        assertThatThrownBy(() -> RecordedEvents.fromString("  \n\n", "blank.jsonl"))
                .hasMessageStartingWith("blank.jsonl:1:1: expected a JSON object");
    }

    @Test
    void badJsonLinesRecordNamesItsLine() {
        assertThat(loadFails("recorded/bad/wrong-type-line-3.jsonl")).hasMessage(
                "recorded/bad/wrong-type-line-3.jsonl:3:31: expected \"data\" to be base64 text, got true");
    }

    @Test
    void sequenceNumberMustBeADecimalString() {
        // rule 12.1: a string of up to 129 digits; a JSON number would lose digits in most tools
        assertThat(loadFails("recorded/bad/sequence-number-as-number.json")).hasMessage(
                "recorded/bad/sequence-number-as-number.json:1:33: expected \"SequenceNumber\" to be a decimal "
                        + "string of up to 129 digits, got number");
    }

    @Test
    void arrivalTimestampMustBeEpochSecondsOrIsoText() {
        assertThat(loadFails("recorded/bad/bad-arrival.jsonl")).hasMessage(
                "recorded/bad/bad-arrival.jsonl:1:69: expected \"approximateArrivalTimestamp\" to be epoch seconds or "
                        + "an ISO-8601 time like \"2019-11-14T00:38:04.835Z\", got \"yesterday\"");
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThatThrownBy(() -> RecordedEvents.fromString("{\"Records\": {}}", "a.json"))
                .hasMessage("a.json:1:13: expected \"Records\" to be an array, got object");
        assertThatThrownBy(() -> RecordedEvents.fromString("{\"Records\": [1]}", "b.json"))
                .hasMessage("b.json:1:14: expected record 1 to be an object, got number");
        assertThatThrownBy(() -> RecordedEvents.fromString("[]", "c.json"))
                .hasMessage("c.json:1:1: expected a JSON object ({\"Records\":[...]}, or one record per line), "
                        + "got array");
        assertThatThrownBy(() -> RecordedEvents.fromString("{\"Records\": []}\n{\"Records\": []}", "d.json"))
                .hasMessage("d.json:2:1: expected the end of the file after the {\"Records\":[...]} object, got object");
        assertThatThrownBy(() -> RecordedEvents.fromString(
                "{\"partitionKey\":\"a\",\"text\":\"x\",\"data\":\"eA==\"}", "e.jsonl"))
                .hasMessage("e.jsonl:1:28: expected either \"data\" (base64) or \"text\" in record 1, got both");
        assertThatThrownBy(() -> RecordedEvents.fromString("{\"partitionKey\":\"\",\"text\":\"x\"}", "f.jsonl"))
                .hasMessage("f.jsonl:1:17: expected \"partitionKey\" to have 1 to 256 characters, got 0");
        assertThatThrownBy(() -> RecordedEvents.fromString(
                "{\"partitionKey\":\"a\",\"partitionKey\":\"b\",\"text\":\"x\"}", "g.jsonl"))
                .hasMessageStartingWith("g.jsonl:1:")
                .hasMessageContaining("Duplicate field 'partitionKey'");
        assertThatThrownBy(() -> RecordedEvents.fromString("{\"partitionKey\":\"a\"}", "h.jsonl"))
                .hasMessage("h.jsonl:1:1: expected \"data\" (base64 text) or \"text\" (a string) in record 1, but both "
                        + "are missing");
    }

    @Test
    void missingFilesAndResourcesAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> load("recorded/nope.json"))
                .isInstanceOf(RecordedEventsException.class)
                .hasMessage("recorded/nope.json: no such resource on the classpath");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> RecordedEvents.fromPath(missing)).hasMessage(missing + ": no such file");
        byte[] latin1 = "{\"partitionKey\":\"caf\u00e9\",\"text\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RecordedEvents.fromStream(new ByteArrayInputStream(latin1), "latin1.jsonl"))
                .hasMessageStartingWith("latin1.jsonl: expected UTF-8 text");
    }
}
