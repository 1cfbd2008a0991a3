package io.github.streamharness.examples.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DlqProcessorTest {
    /** Rule 6.6, verbatim: RetryAttemptsExhausted after an unhandled error, MaximumRetryAttempts=1. */
    private static final String SPEC_6_6 = """
            {"requestContext":{"requestId":"c9b8fa9f-5a7f-4d3b-af9c-0c604cde93a5",
              "functionArn":"arn:aws:lambda:us-east-2:123456789012:function:myfunction",
              "condition":"RetryAttemptsExhausted","approximateInvokeCount":2},
             "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
             "version":"1.0","timestamp":"2019-11-14T00:38:06.021Z",
             "KinesisBatchInfo":{"shardId":"shardId-000000000001",
              "startSequenceNumber":"49601189658422359378836298521827638475320189012309704722",
              "endSequenceNumber":"49601189658422359378836298522902373528957594348623495186",
              "approximateArrivalOfFirstRecord":"2019-11-14T00:38:04.835Z",
              "approximateArrivalOfLastRecord":"2019-11-14T00:38:05.580Z",
              "batchSize":500,"streamArn":"arn:aws:kinesis:us-east-2:123456789012:stream/mystream"}}
            """;
    /** Rule 6.6's RecordAgeExceeded variant: the same document without responseContext (rule 6.2). */
    private static final String RECORD_AGE_EXCEEDED = """
            {"requestContext":{"requestId":"0e5f6a3c-1f0e-4d5b-9f3c-3a1d2b4c5e6f",
              "functionArn":"arn:aws:lambda:us-east-1:123456789012:function:analytics-stream-processor",
              "condition":"RecordAgeExceeded","approximateInvokeCount":1},
             "version":"1.0","timestamp":"2026-11-23T11:00:00.000Z",
             "KinesisBatchInfo":{"shardId":"shardId-000000000000",
              "startSequenceNumber":"49590338271490256608559692538361571095921575989136588801",
              "endSequenceNumber":"49590338271490256608559692538361571095921575989136588802",
              "approximateArrivalOfFirstRecord":"2026-11-23T10:16:00.000Z",
              "approximateArrivalOfLastRecord":"2026-11-23T10:16:00.000Z",
              "batchSize":2,"streamArn":"arn:aws:kinesis:us-east-1:123456789012:stream/analytics-stream"}}
            """;

    /** A shard whose records are numbered by sequence number, as the reader would find them on Kinesis. */
    private final List<ShardRecord> shard = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private final FailedRecordReader reader = (streamArn, shardId, start, end) -> {
        reads.add(streamArn + " " + shardId + " " + start + ".." + end);
        BigInteger from = new BigInteger(start);
        BigInteger to = new BigInteger(end);
        return shard.stream().filter(r -> r.shardId().equals(shardId))
                .filter(r -> new BigInteger(r.sequenceNumber()).compareTo(from) >= 0
                        && new BigInteger(r.sequenceNumber()).compareTo(to) <= 0)
                .toList();
    };

    private void onShard(String shardId, String sequenceNumber, String data) {
        shard.add(new ShardRecord(shardId, sequenceNumber, "web-1", data.getBytes(StandardCharsets.UTF_8)));
    }

    private static SQSEvent sqs(String... bodies) {
        List<SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSMessage message = new SQSMessage();
            message.setMessageId("msg-" + (i + 1));
            message.setBody(bodies[i]);
            message.setEventSource("aws:sqs");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:analytics-dlq");
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    @Test
    void parsesTheAwsOnFailureRecordOfSpec66() {
        OnFailureRecord failure = OnFailureRecord.parse(SPEC_6_6);

        assertThat(failure.condition()).isEqualTo(FailureCondition.RETRY_ATTEMPTS_EXHAUSTED);
        assertThat(failure.approximateInvokeCount()).isEqualTo(2);
        assertThat(failure.functionArn()).contains("arn:aws:lambda:us-east-2:123456789012:function:myfunction");
        assertThat(failure.functionError()).contains("Unhandled");
        assertThat(failure.timestamp()).contains(Instant.parse("2019-11-14T00:38:06.021Z"));
        assertThat(failure.shardId()).isEqualTo("shardId-000000000001");
        assertThat(failure.startSequenceNumber()).isEqualTo("49601189658422359378836298521827638475320189012309704722");
        assertThat(failure.endSequenceNumber()).isEqualTo("49601189658422359378836298522902373528957594348623495186");
        assertThat(failure.batchSize()).isEqualTo(500);
        assertThat(failure.streamArn()).isEqualTo("arn:aws:kinesis:us-east-2:123456789012:stream/mystream");
    }

    @Test
    void readsTheDiscardedRangeBackFromTheShardBecauseTheMessageCarriesNoData() { // rule 6.3
        onShard("shardId-000000000001", "49601189658422359378836298521827638475320189012309704721", "{before}");
        onShard("shardId-000000000001", "49601189658422359378836298521827638475320189012309704722",
                TestKinesisEvents.metric("cpu", "0.42", "2019-11-14T00:38:04Z"));
        onShard("shardId-000000000001", "49601189658422359378836298522902373528957594348623495186", "{not json");
        onShard("shardId-000000000001", "49601189658422359378836298522902373528957594348623495187", "{after}");

        DlqSummary summary = new DlqProcessor(reader).handleRequest(sqs(SPEC_6_6), null);

        assertThat(reads).containsExactly("arn:aws:kinesis:us-east-2:123456789012:stream/mystream shardId-000000000001 "
                + "49601189658422359378836298521827638475320189012309704722.."
                + "49601189658422359378836298522902373528957594348623495186");
        assertThat(summary.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.messageId()).isEqualTo("msg-1");
            assertThat(batch.records()).extracting(ShardRecord::sequenceNumber).containsExactly(
                    "49601189658422359378836298521827638475320189012309704722",
                    "49601189658422359378836298522902373528957594348623495186");
            assertThat(batch.missingRecords()).isEqualTo(498); // batchSize 500, only two left on this shard
        });
        assertThat(summary.malformedRecords()).extracting(ShardRecord::sequenceNumber)
                .containsExactly("49601189658422359378836298522902373528957594348623495186");
        assertThat(summary.rejected()).isEmpty();
    }

    @Test
    void recordAgeExceededHasNoResponseContextAndStillResolves() { // rule 6.2
        onShard("shardId-000000000000", TestKinesisEvents.seq(1),
                TestKinesisEvents.metric("cpu", "0.42", "2026-11-23T10:15:30Z"));
        onShard("shardId-000000000000", TestKinesisEvents.seq(2),
                TestKinesisEvents.metric("cpu", "0.58", "2026-11-23T10:15:31Z"));

        DlqSummary summary = new DlqProcessor(reader).handleRequest(sqs(RECORD_AGE_EXCEEDED), null);

        assertThat(summary.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.failure().condition()).isEqualTo(FailureCondition.RECORD_AGE_EXCEEDED);
            assertThat(batch.failure().functionError()).isEqualTo(Optional.empty());
            assertThat(batch.records()).hasSize(2);
            assertThat(batch.malformedRecords()).isEmpty();
            assertThat(batch.missingRecords()).isZero();
        });
    }

    @Test
    void reportsMalformedMessagesWithoutThrowingAndResolvesTheRest() {
        onShard("shardId-000000000000", TestKinesisEvents.seq(1), "{not json");

        DlqSummary summary = new DlqProcessor(reader).handleRequest(sqs(
                "{not json",
                "{}",
                RECORD_AGE_EXCEEDED,
                RECORD_AGE_EXCEEDED.replace("\"condition\":\"RecordAgeExceeded\"", "\"condition\":\"Timeout\""),
                RECORD_AGE_EXCEEDED.replace("\"shardId\":\"shardId-000000000000\",", ""),
                RECORD_AGE_EXCEEDED.replace("\"batchSize\":2", "\"batchSize\":\"2\"")), null);

        assertThat(summary.rejected()).extracting(DlqSummary.RejectedMessage::messageId)
                .containsExactly("msg-1", "msg-2", "msg-4", "msg-5", "msg-6");
        assertThat(summary.rejected().get(0).reason()).startsWith("not JSON");
        assertThat(summary.rejected().subList(1, 5)).extracting(DlqSummary.RejectedMessage::reason).containsExactly(
                "missing object \"requestContext\"",
                "unknown condition \"Timeout\"",
                "missing string \"KinesisBatchInfo.shardId\"",
                "missing integer \"KinesisBatchInfo.batchSize\"");
        assertThat(summary.batches()).extracting(DlqSummary.FailedBatch::messageId).containsExactly("msg-3");
        assertThat(summary.malformedRecords()).extracting(ShardRecord::sequenceNumber)
                .containsExactly(TestKinesisEvents.seq(1));
        assertThat(reads).hasSize(1);
    }

    @Test
    void aReaderFailurePropagatesSoSqsDeliversTheMessageAgain() {
        IllegalStateException kinesisDown = new IllegalStateException("Kinesis unavailable");
        DlqProcessor processor = new DlqProcessor((streamArn, shardId, start, end) -> {
            throw kinesisDown;
        });

        assertThatThrownBy(() -> processor.handleRequest(sqs(SPEC_6_6), null)).isSameAs(kinesisDown);
    }
}
