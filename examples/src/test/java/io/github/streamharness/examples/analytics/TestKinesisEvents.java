package io.github.streamharness.examples.analytics;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Hand-built Kinesis events in the shape Lambda delivers (rule 7.1), for calling the handler directly. Tests that
 * go through the stream harness get their events from the harness instead.
 */
final class TestKinesisEvents {
    static final String SHARD_0 = "shardId-000000000000";
    static final String SHARD_1 = "shardId-000000000001";
    static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/analytics-stream";
    private static final BigInteger FIRST_SEQUENCE_NUMBER =
            new BigInteger("49590338271490256608559692538361571095921575989136588800");
    private static final Instant ARRIVAL = Instant.parse("2026-11-23T10:16:00Z");

    private TestKinesisEvents() {
    }

    /** The n-th sequence number of a shard: 56 digits, increasing with n, as Kinesis writes them (rule 12.1). */
    static String seq(int n) {
        return FIRST_SEQUENCE_NUMBER.add(BigInteger.valueOf(n)).toString();
    }

    /** A metric document as producers write it. */
    static String metric(String metric, String value, String timestamp) {
        return "{\"metric\":\"" + metric + "\",\"value\":" + value + ",\"timestamp\":\"" + timestamp
                + "\",\"host\":\"web-1\"}";
    }

    /** A record of shard 0 with the n-th sequence number. */
    static KinesisEventRecord record(int n, String data) {
        return record(SHARD_0, seq(n), data);
    }

    /** A record as it appears in the event Lambda delivers (rule 7.1, 7.2). */
    static KinesisEventRecord record(String shardId, String sequenceNumber, String data) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion("1.0");
        kinesis.setPartitionKey("web-1");
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        kinesis.setApproximateArrivalTimestamp(Date.from(ARRIVAL));
        KinesisEventRecord record = new KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventSource("aws:kinesis");
        record.setEventVersion("1.0");
        record.setEventID(shardId + ":" + sequenceNumber);
        record.setEventName("aws:kinesis:record");
        record.setInvokeIdentityArn("arn:aws:iam::123456789012:role/lambda-role");
        record.setAwsRegion("us-east-1");
        record.setEventSourceARN(STREAM_ARN);
        return record;
    }

    /** An event carrying the records in the given order. */
    static KinesisEvent event(KinesisEventRecord... records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(List.of(records));
        return event;
    }
}
