package io.github.streamharness.internal.event;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.streamharness.StreamRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Records, metadata and JSON documents shared by the event tests; all literal or from a seeded generator. */
public final class EventFixtures {
    /** The rule 7.1 example's values. */
    public static final String SPEC_SHARD = "shardId-000000000006";
    public static final String SPEC_SEQUENCE = "49590338271490256608559692538361571095921575989136588898";
    public static final long SPEC_ARRIVAL_MILLIS = 1_545_084_650_987L;
    public static final EventMetadata SPEC_METADATA = new EventMetadata(
            "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream", "us-east-2",
            "arn:aws:iam::123456789012:role/lambda-role");

    /** Partition keys that exercise every branch of JSON escaping and UTF-8 encoding. */
    public static final List<String> TRICKY_KEYS = List.of(
            "plain-key-7",
            "",
            "quote\"inside",
            "back\\slash",
            "slash/and~del\u007f",
            "ctl\b\t\n\f\r",
            "nul\u0000unit\u001fsep\u0001",
            "caf\u00e9 na\u00efve \u00df",
            "\u20ac euro \u4e2d\u6587 \uffff",
            "emoji \ud83d\ude00\ud83d\udc4d",
            "lone high \ud83d end",
            "lone low \ude00 end",
            "\ud83d",
            "mixed \"\\\n\u00e9\u4e2d\ud83d\ude00\u0007");

    private EventFixtures() {
    }

    /** The record of the rule 7.1 example. */
    public static StreamRecord specRecord() {
        return new StreamRecord(SPEC_SHARD, SPEC_SEQUENCE, "1",
                "Hello, this is a test.".getBytes(StandardCharsets.UTF_8), SPEC_ARRIVAL_MILLIS);
    }

    /**
     * {@code count} records with the tricky keys in turn, data of 0..(count-1) mod 7 bytes (every base64 padding
     * case, empty data included) filled from a seeded generator, and arrival times with every fraction shape.
     */
    public static List<StreamRecord> trickyRecords(int count, long seed) {
        Random random = new Random(seed);
        List<StreamRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[i % 7 == 6 ? 300 + random.nextInt(100) : i % 7];
            random.nextBytes(data);
            long arrival = 1_700_000_000_000L + i * 1_001L + (i % 3 == 0 ? 0 : random.nextInt(1000));
            records.add(new StreamRecord("shardId-00000000000" + (i % 3), String.valueOf(49_000_000_000L + i),
                    TRICKY_KEYS.get(i % TRICKY_KEYS.size()), data, arrival));
        }
        return records;
    }

    /** A test resource under {@code /events/} as a UTF-8 string. */
    public static String resource(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the Lambda Java runtime's own serializer (aws-lambda-java-serialization) reads from this JSON. */
    public static KinesisEvent runtimeRead(String json) {
        PojoSerializer<KinesisEvent> serializer =
                LambdaEventSerializers.serializerFor(KinesisEvent.class, EventFixtures.class.getClassLoader());
        return serializer.fromJson(json);
    }
}
