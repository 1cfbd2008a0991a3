package io.github.streamharness.examples.incident;

import static io.github.streamharness.examples.incident.FunctionConfig.AFTER_THE_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.examples.analytics.DlqProcessor;
import io.github.streamharness.examples.analytics.DlqSummary;
import io.github.streamharness.examples.analytics.FailedRecordReader;
import io.github.streamharness.examples.analytics.FailureCondition;
import io.github.streamharness.examples.analytics.ShardRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The second half of the fix: the Lambda behind the SQS on-failure destination, fed the exact messages the mapping
 * sent (rule 6.1, 6.6) and reading the failed records back from the harness's shard, as it would from Kinesis with
 * GetShardIterator AT_SEQUENCE_NUMBER and GetRecords (the message carries no data, rule 6.3).
 *
 * <p>Runbook step 3, after the fix: what lands in the on-failure destination and how it is reprocessed.
 */
class DlqProcessorOnHarnessMessagesTest {

    /** The on-failure messages as SQS delivers them to a function: one SQSMessage per message, the JSON as body. */
    private static SQSEvent asSqsEvent(List<DeadLetter> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSMessage message = new SQSMessage();
            message.setMessageId("msg-" + m.startSequenceNumber());
            message.setEventSourceArn(m.destinationArn());
            message.setBody(m.json());
            return message;
        }).toList());
        return event;
    }

    /** Reads the range back from the harness's shard, as a Kinesis GetRecords loop would. */
    private static FailedRecordReader readsFrom(StreamHarness stream) {
        return (streamArn, shardId, start, end) -> {
            assertThat(streamArn).isEqualTo(stream.streamArn());
            return stream.shard(shardId).records(start, end).stream()
                    .map(r -> new ShardRecord(r.shardId(), r.sequenceNumber(), r.partitionKey(), r.dataBytes()))
                    .toList();
        };
    }

    @Test
    void theDlqProcessorFindsThePoisonPillFromTheMappingsOwnMessage() {
        try (StreamHarness stream = AFTER_THE_FIX.harness(1).mapping(AFTER_THE_FIX.mapping())
                .handler(new AnalyticsStreamProcessor(mock(DynamoDbClient.class))).build()) {
            StreamRecord poisonPill = IncidentTraffic.write(stream).get(IncidentTraffic.POISON_INDEX);
            stream.runUntilIdle();

            DlqSummary summary = new DlqProcessor(readsFrom(stream))
                    .handleRequest(asSqsEvent(stream.deadLetterQueue().messages()), null);

            assertThat(summary.rejected()).isEmpty();
            assertThat(summary.batches()).singleElement().satisfies(batch -> {
                assertThat(batch.failure().condition()).isEqualTo(FailureCondition.RETRY_ATTEMPTS_EXHAUSTED);
                assertThat(batch.failure().approximateInvokeCount()).isEqualTo(4); // rule 1.7: 3 retries + 1
                assertThat(batch.failure().functionError()).isEqualTo(Optional.of("Unhandled")); // rule 4.1
                assertThat(batch.failure().batchSize()).isEqualTo(1); // rule 4.7: bisected down to the pill
                assertThat(batch.missingRecords()).isZero();
            });
            assertThat(summary.malformedRecords()).extracting(ShardRecord::shardId, ShardRecord::sequenceNumber,
                    ShardRecord::partitionKey).containsExactly(tuple(
                            poisonPill.shardId(), poisonPill.sequenceNumber(), poisonPill.partitionKey()));
        }
    }
}
