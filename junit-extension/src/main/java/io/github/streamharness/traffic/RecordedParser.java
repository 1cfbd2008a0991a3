package io.github.streamharness.traffic;

import io.github.streamharness.traffic.LocatedJson.Kind;
import io.github.streamharness.traffic.LocatedJson.Node;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the located JSON of a recorded-events file into records, checking every field; the first problem becomes a
 * {@link RecordedEventsException} naming the file, the value's line and column, and what was expected.
 */
final class RecordedParser {
    /** rule 12.1: a sequence number is a decimal string of at most 129 digits without leading zeros. */
    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,128}");
    private static final String SEQUENCE_EXPECTED = "a decimal string of up to 129 digits";
    private static final Pattern SHARD_ID = Pattern.compile("shardId-[0-9]{12}");

    /** The field names of one record shape. */
    private record Shape(String partitionKey, String data, String sequenceNumber, String arrival) {
    }

    private static final Shape LAMBDA = new Shape("partitionKey", "data", "sequenceNumber",
            "approximateArrivalTimestamp");
    private static final Shape GET_RECORDS = new Shape("PartitionKey", "Data", "SequenceNumber",
            "ApproximateArrivalTimestamp");

    private final String source;

    RecordedParser(String source) {
        this.source = source;
    }

    /** Parses a whole file; returns only when every record is valid. */
    RecordedStream parse(String text) {
        List<Node> roots;
        try {
            roots = LocatedJson.readAll(text);
        } catch (LocatedJson.SyntaxError e) {
            throw new RecordedEventsException(source, e.line, e.column, e.getMessage(), e);
        }
        if (roots.isEmpty()) {
            throw fail(1, 1, "expected a JSON object ({\"Records\":[...]}, or one record per line), got an empty file");
        }
        Node first = roots.get(0);
        if (first.kind() == Kind.OBJECT && first.has("Records")) {
            if (roots.size() > 1) {
                Node extra = roots.get(1);
                throw fail(extra, "expected the end of the file after the {\"Records\":[...]} object, got "
                        + extra.describe());
            }
            return envelope(first);
        }
        List<RecordedRecord> records = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            Node root = roots.get(i);
            if (root.kind() != Kind.OBJECT) {
                throw fail(root, (i == 0 ? "expected a JSON object ({\"Records\":[...]}, or one record per line), got "
                        : "expected record " + (i + 1) + " to be an object, got ") + root.describe());
            }
            if (root.has("Records")) {
                throw fail(root, "expected one record per line, got a {\"Records\":[...]} event as record " + (i + 1));
            }
            records.add(anyShape(root, i + 1));
        }
        return new RecordedStream(source, RecordedFormat.JSON_LINES, records);
    }

    private RecordedStream envelope(Node root) {
        Node array = root.field("Records");
        if (array.kind() != Kind.ARRAY) {
            throw fail(array, "expected \"Records\" to be an array, got " + array.describe());
        }
        List<Node> items = array.items();
        RecordedFormat format;
        if (!items.isEmpty() && items.get(0).kind() == Kind.OBJECT && !items.get(0).has("kinesis")
                && isGetRecordsShape(items.get(0))) {
            format = RecordedFormat.GET_RECORDS;
        } else if (items.isEmpty() && (root.has("NextShardIterator") || root.has("MillisBehindLatest"))) {
            format = RecordedFormat.GET_RECORDS;
        } else {
            format = RecordedFormat.LAMBDA_EVENT;
        }
        List<RecordedRecord> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item.kind() != Kind.OBJECT) {
                throw fail(item, "expected record " + (i + 1) + " to be an object, got " + item.describe());
            }
            records.add(format == RecordedFormat.GET_RECORDS ? getRecordsRecord(item, i + 1)
                    : lambdaRecord(item, i + 1));
        }
        return new RecordedStream(source, format, records);
    }

    private static boolean isGetRecordsShape(Node record) {
        return record.has("PartitionKey") || record.has("Data") || record.has("SequenceNumber");
    }

    private RecordedRecord anyShape(Node record, int number) {
        if (record.has("kinesis")) {
            return lambdaRecord(record, number);
        }
        if (isGetRecordsShape(record)) {
            return getRecordsRecord(record, number);
        }
        return plainRecord(record, number);
    }

    /** {@code {"kinesis":{"partitionKey","data","sequenceNumber","approximateArrivalTimestamp"?},"eventID"?,..}}. */
    private RecordedRecord lambdaRecord(Node record, int number) {
        Node kinesis = required(record, "kinesis", Kind.OBJECT, "an object", "record " + number);
        String where = "\"kinesis\" of record " + number;
        String partitionKey = partitionKey(required(kinesis, LAMBDA.partitionKey, Kind.STRING, "a string", where),
                LAMBDA.partitionKey);
        byte[] data = base64(required(kinesis, LAMBDA.data, Kind.STRING, "base64 text", where), LAMBDA.data);
        String sequenceNumber = sequenceNumber(required(kinesis, LAMBDA.sequenceNumber, Kind.STRING,
                SEQUENCE_EXPECTED, where), LAMBDA.sequenceNumber);
        Instant arrival = arrival(kinesis.field(LAMBDA.arrival), LAMBDA.arrival);
        String shardId = null;
        Node eventId = record.field("eventID");
        if (eventId != null) {
            expect(eventId, Kind.STRING, "eventID", "a string like \"shardId-000000000000:<sequence number>\"");
            int colon = eventId.text().indexOf(':');
            String prefix = colon < 0 ? "" : eventId.text().substring(0, colon);
            shardId = SHARD_ID.matcher(prefix).matches() ? prefix : null;
        }
        return new RecordedRecord(partitionKey, data, sequenceNumber, shardId, arrival, record.line());
    }

    /** {@code {"SequenceNumber","ApproximateArrivalTimestamp"?,"Data","PartitionKey","EncryptionType"?}}. */
    private RecordedRecord getRecordsRecord(Node record, int number) {
        String where = "record " + number;
        String sequenceNumber = sequenceNumber(required(record, GET_RECORDS.sequenceNumber, Kind.STRING,
                SEQUENCE_EXPECTED, where), GET_RECORDS.sequenceNumber);
        byte[] data = base64(required(record, GET_RECORDS.data, Kind.STRING, "base64 text", where), GET_RECORDS.data);
        String partitionKey = partitionKey(required(record, GET_RECORDS.partitionKey, Kind.STRING, "a string", where),
                GET_RECORDS.partitionKey);
        Instant arrival = arrival(record.field(GET_RECORDS.arrival), GET_RECORDS.arrival);
        return new RecordedRecord(partitionKey, data, sequenceNumber, null, arrival, record.line());
    }

    /** {@code {"partitionKey","data"|"text","sequenceNumber"?,"shardId"?,"approximateArrivalTimestamp"?}}. */
    private RecordedRecord plainRecord(Node record, int number) {
        String where = "record " + number;
        String partitionKey = partitionKey(required(record, "partitionKey", Kind.STRING, "a string", where),
                "partitionKey");
        Node data = record.field("data");
        Node text = record.field("text");
        byte[] bytes;
        if (data != null && text != null) {
            throw fail(text, "expected either \"data\" (base64) or \"text\" in " + where + ", got both");
        } else if (data != null) {
            bytes = base64(data, "data");
        } else if (text != null) {
            expect(text, Kind.STRING, "text", "a string");
            bytes = text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            throw fail(record, "expected \"data\" (base64 text) or \"text\" (a string) in " + where
                    + ", but both are missing");
        }
        Node sequence = record.field("sequenceNumber");
        String sequenceNumber = sequence == null ? null : sequenceNumber(sequence, "sequenceNumber");
        Node shard = record.field("shardId");
        String shardId = null;
        if (shard != null) {
            expect(shard, Kind.STRING, "shardId", "a shard id like \"shardId-000000000000\"");
            shardId = shard.text();
        }
        Instant arrival = arrival(record.field("approximateArrivalTimestamp"), "approximateArrivalTimestamp");
        return new RecordedRecord(partitionKey, bytes, sequenceNumber, shardId, arrival, record.line());
    }

    // ---- fields ------------------------------------------------------------------------------------------------

    private Node required(Node object, String name, Kind kind, String expected, String where) {
        Node value = object.field(name);
        if (value == null) {
            throw fail(object, "expected \"" + name + "\" (" + expected + ") in " + where + ", but it is missing");
        }
        expect(value, kind, name, expected);
        return value;
    }

    private void expect(Node value, Kind kind, String name, String expected) {
        if (value.kind() != kind) {
            throw fail(value, "expected \"" + name + "\" to be " + expected + ", got " + value.describe());
        }
    }

    private String partitionKey(Node value, String name) {
        String key = value.text();
        int length = key.codePointCount(0, key.length());
        if (length < 1 || length > KinesisRecords.MAX_PARTITION_KEY_LENGTH) {
            throw fail(value, "expected \"" + name + "\" to have 1 to 256 characters, got " + length);
        }
        return key;
    }

    private byte[] base64(Node value, String name) {
        if (value.kind() != Kind.STRING) {
            throw fail(value, "expected \"" + name + "\" to be base64 text, got " + value.describe());
        }
        try {
            return Base64.getDecoder().decode(value.text());
        } catch (IllegalArgumentException e) {
            throw fail(value, "expected \"" + name + "\" to be base64 text, got " + value.describe() + " ("
                    + e.getMessage() + ")");
        }
    }

    private String sequenceNumber(Node value, String name) {
        if (value.kind() != Kind.STRING || !SEQUENCE_NUMBER.matcher(value.text()).matches()) {
            throw fail(value, "expected \"" + name + "\" to be " + SEQUENCE_EXPECTED + ", got "
                    + value.describe());
        }
        return value.text();
    }

    /** Epoch seconds (a number, possibly with a fraction) or an ISO-8601 time with an offset; absent is null. */
    private Instant arrival(Node value, String name) {
        if (value == null || value.kind() == Kind.NULL) {
            return null;
        }
        String expected = "epoch seconds or an ISO-8601 time like \"2019-11-14T00:38:04.835Z\"";
        if (value.kind() == Kind.NUMBER) {
            try {
                BigDecimal seconds = new BigDecimal(value.text());
                BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw fail(value, "expected \"" + name + "\" to be " + expected + ", got " + value.text()
                        + " (out of range)");
            }
        }
        if (value.kind() == Kind.STRING) {
            try {
                return OffsetDateTime.parse(value.text()).toInstant();
            } catch (DateTimeParseException e) {
                throw fail(value, "expected \"" + name + "\" to be " + expected + ", got " + value.describe());
            }
        }
        throw fail(value, "expected \"" + name + "\" to be " + expected + ", got " + value.describe());
    }

    private RecordedEventsException fail(Node at, String detail) {
        return fail(at.line(), at.column(), detail);
    }

    private RecordedEventsException fail(int line, int column, String detail) {
        return new RecordedEventsException(source, line, column, detail, null);
    }
}
