package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.HandWrittenLogs;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.streamharness.assertj.KinesisRepresentation.KINESIS_REPRESENTATION;
import static org.assertj.core.api.Assertions.assertThat;

/** How values print in failure messages. */
class KinesisRepresentationTest {
    private static final StreamRecord USER_7 = HandWrittenLogs.record(898, "user-7", "{\"id\":7}");

    @Test
    void recordPrintsAsShardAbbreviatedSequenceKeyAndData() {
        assertThat(KINESIS_REPRESENTATION.toStringOf(USER_7))
                .isEqualTo("shardId-000000000000/4900...000898 pk=user-7 data={\"id\":7}");
    }

    @Test
    void longDataIsCutAndBinaryDataPrintsAsHex() {
        StreamRecord longText = HandWrittenLogs.record(1, "k", "x".repeat(100));
        assertThat(KINESIS_REPRESENTATION.toStringOf(longText)).endsWith(" data=" + "x".repeat(37) + "...");
        StreamRecord binary = HandWrittenLogs.record("shardId-000000000000", 2, "k",
                new byte[] {(byte) 0xff, 0x00, 0x01});
        assertThat(KINESIS_REPRESENTATION.toStringOf(binary)).endsWith(" data=0xff0001 (3 bytes)");
    }

    @Test
    void byteBufferPrintsAsTextOrHexWithoutConsumingIt() {
        ByteBuffer text = ByteBuffer.wrap("{\"id\":7}".getBytes(StandardCharsets.UTF_8));
        assertThat(KINESIS_REPRESENTATION.toStringOf(text)).isEqualTo("\"{\"id\":7}\"");
        assertThat(text.remaining()).isEqualTo(8);
        ByteBuffer bytes = ByteBuffer.wrap(new byte[20]);
        assertThat(KINESIS_REPRESENTATION.toStringOf(bytes)).isEqualTo("0x000000000000000000000000... (20 bytes)");
        assertThat(KINESIS_REPRESENTATION.toStringOf(List.of(text))).doesNotContain("HeapByteBuffer");
    }

    @Test
    void invocationAndDeadLetterPrintOnOneLine() {
        Scenarios.Run run = Scenarios.poisonPillWithBisection();
        Invocation first = run.stream().invocations().all().get(0);
        assertThat(KINESIS_REPRESENTATION.toStringOf(first)).isEqualTo("#1 shardId-000000000000 "
                + "[...000000.....000009] (10 records) attempt 1 -> ERROR java.lang.IllegalArgumentException at "
                + "00:00:00.000 on env-1 (cold)");
        assertThat(KINESIS_REPRESENTATION.toStringOf(run.stream().deadLetterQueue().messages().get(0)))
                .isEqualTo("RetryAttemptsExhausted shardId-000000000000 [...000003] (1 record) "
                        + "approximateInvokeCount=3 functionError=Unhandled at 00:00:03.000");
    }

    @Test
    void positionEventRecordAndResponsePrintCompactly() {
        Scenarios.Run blocked = Scenarios.blockedShard();
        assertThat(KINESIS_REPRESENTATION.toStringOf(blocked.stream().position(Scenarios.SHARD_0)))
                .isEqualTo("shardId-000000000000 checkpoint=4900...000001 next=4900...000002 "
                        + "blockedAt=4900...000002 pending=3 iteratorAge=30s");
        KinesisEvent.KinesisEventRecord event = new KinesisEvent.KinesisEventRecord();
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setPartitionKey("user-7");
        kinesis.setSequenceNumber(USER_7.sequenceNumber());
        kinesis.setData(USER_7.data());
        event.setKinesis(kinesis);
        event.setEventID(USER_7.eventId());
        assertThat(KINESIS_REPRESENTATION.toStringOf(event))
                .isEqualTo("shardId-000000000000/4900...000898 pk=user-7 data={\"id\":7}");
        assertThat(KINESIS_REPRESENTATION.toStringOf(new StreamsEventResponse(
                List.of(new StreamsEventResponse.BatchItemFailure("42")))))
                .isEqualTo("StreamsEventResponse[batchItemFailures=[\"42\"]]");
    }

    @Test
    void otherValuesPrintAsAssertJPrintsThem() {
        assertThat(KINESIS_REPRESENTATION.toStringOf("text")).isEqualTo("\"text\"");
        assertThat(KINESIS_REPRESENTATION.toStringOf(List.of(1, 2))).isEqualTo("[1, 2]");
    }
}
