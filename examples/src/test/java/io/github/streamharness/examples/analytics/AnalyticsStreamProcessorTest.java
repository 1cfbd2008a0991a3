package io.github.streamharness.examples.analytics;

import static io.github.streamharness.examples.analytics.TestKinesisEvents.SHARD_0;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.event;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.metric;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.record;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The handler against a Mockito-mocked {@link DynamoDbClient}: which requests it sends, and when. */
@ExtendWith(MockitoExtension.class)
class AnalyticsStreamProcessorTest {
    private static final String POISON = "{not json";

    @Mock
    DynamoDbClient dynamoDb;

    private StreamsEventResponse handle(AnalyticsConfig config, KinesisEventRecord... records) {
        return new AnalyticsStreamProcessor(dynamoDb, config).handleRequest(event(records), null);
    }

    private List<UpdateItemRequest> updates() {
        ArgumentCaptor<UpdateItemRequest> captor = ArgumentCaptor.forClass(UpdateItemRequest.class);
        verify(dynamoDb, atLeastOnce()).updateItem(captor.capture());
        return captor.getAllValues();
    }

    private List<UpdateItemRequest> additions() {
        return updates().stream().filter(u -> u.updateExpression().startsWith("ADD")).toList();
    }

    private static List<String> failedSequenceNumbers(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList();
    }

    @Nested
    class AdditiveWrites {
        private final AnalyticsConfig config = AnalyticsConfig.defaults();

        @Test
        void sendsOneAddPerMetricAndMinuteWithTheBatchsCountAndSum() {
            StreamsEventResponse response = handle(config,
                    record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, metric("mem", "512", "2026-11-23T10:15:40Z")),
                    record(3, metric("cpu", "0.58", "2026-11-23T10:15:59.999Z")),
                    record(4, metric("cpu", "0.25", "2026-11-23T10:16:00Z")));

            assertThat(additions()).extracting(UpdateItemRequest::key, u -> u.expressionAttributeValues().get(":c"),
                            u -> u.expressionAttributeValues().get(":s"))
                    .containsExactly(
                            Tuple.tuple(key("cpu", "2026-11-23T10:15:00Z"),
                                    AttributeValue.fromN("2"), AttributeValue.fromN("1.00")),
                            Tuple.tuple(key("mem", "2026-11-23T10:15:00Z"),
                                    AttributeValue.fromN("1"), AttributeValue.fromN("512")),
                            Tuple.tuple(key("cpu", "2026-11-23T10:16:00Z"),
                                    AttributeValue.fromN("1"), AttributeValue.fromN("0.25")));
            assertThat(additions()).allSatisfy(u -> {
                assertThat(u.tableName()).isEqualTo("metric-aggregates");
                assertThat(u.updateExpression()).isEqualTo("ADD #count :c, #sum :s");
                assertThat(u.expressionAttributeNames()).containsEntry("#count", "count").containsEntry("#sum", "sum");
            });
            assertThat(response.getBatchItemFailures()).isEmpty(); // rule 5.3: complete success
        }

        @Test
        void writesMinAndMaxAsConditionalSetsThatOnlyWidenTheStoredValues() {
            handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, metric("cpu", "0.58", "2026-11-23T10:15:31Z")));

            List<UpdateItemRequest> minMax = updates().stream()
                    .filter(u -> u.updateExpression().equals("SET #a = :v")).toList();
            assertThat(minMax).extracting(u -> u.expressionAttributeNames().get("#a"), UpdateItemRequest::conditionExpression,
                            u -> u.expressionAttributeValues().get(":v"))
                    .containsExactly(
                            Tuple.tuple("min", "attribute_not_exists(#a) OR #a > :v",
                                    AttributeValue.fromN("0.42")),
                            Tuple.tuple("max", "attribute_not_exists(#a) OR #a < :v",
                                    AttributeValue.fromN("0.58")));
        }

        @Test
        void aStoredMinOrMaxThatIsAlreadyMoreExtremeIsNotAnError() {
            when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(invocation -> {
                UpdateItemRequest request = invocation.getArgument(0);
                if (request.conditionExpression() != null) {
                    throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
                }
                return null;
            });

            StreamsEventResponse response = handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")));

            assertThat(response.getBatchItemFailures()).isEmpty();
            verify(dynamoDb, times(3)).updateItem(any(UpdateItemRequest.class));
        }
    }

    @Nested
    class PoisonPill {

        @Test
        void failsTheWholeBatchBeforeWritingAnything() { // rule 4.1: an unhandled error fails the batch
            KinesisEventRecord poison = record(2, POISON);

            assertThatThrownBy(() -> handle(AnalyticsConfig.defaults(),
                    record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")), poison,
                    record(3, metric("cpu", "0.58", "2026-11-23T10:15:31Z"))))
                    .isInstanceOf(MalformedMetricException.class)
                    .hasMessageContaining(SHARD_0 + ":" + seq(2))
                    .hasMessageContaining(POISON);
            verifyNoInteractions(dynamoDb);
        }

        @Test
        void reportFirstFailureWritesTheRecordsBeforeItAndReportsOnlyItsSequenceNumber() { // rule 5.2, 5.5
            StreamsEventResponse response = handle(
                    AnalyticsConfig.defaults().withFailureReporting(FailureReporting.REPORT_FIRST_FAILURE),
                    record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, POISON),
                    record(3, metric("cpu", "0.58", "2026-11-23T10:15:31Z")),
                    record(4, "{\"metric\":\"cpu\"}"));

            assertThat(failedSequenceNumbers(response)).containsExactly(seq(2));
            assertThat(additions()).singleElement()
                    .satisfies(u -> assertThat(u.expressionAttributeValues()).containsEntry(":c",
                            AttributeValue.fromN("1")).containsEntry(":s", AttributeValue.fromN("0.42")));
        }

        @Test
        void reportAllFailuresWritesEveryGoodRecordAndReportsEveryBadOne() { // rule 5.5: lowest one is the checkpoint
            StreamsEventResponse response = handle(
                    AnalyticsConfig.defaults().withFailureReporting(FailureReporting.REPORT_ALL_FAILURES),
                    record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, POISON),
                    record(3, metric("cpu", "0.58", "2026-11-23T10:15:31Z")),
                    record(4, "{\"metric\":\"cpu\"}"));

            assertThat(failedSequenceNumbers(response)).containsExactly(seq(2), seq(4));
            assertThat(additions()).singleElement()
                    .satisfies(u -> assertThat(u.expressionAttributeValues()).containsEntry(":c",
                            AttributeValue.fromN("2")).containsEntry(":s", AttributeValue.fromN("1.00")));
        }

        @Test
        void aBatchOfOnlyPoisonReportsItAndWritesNothing() {
            StreamsEventResponse response = handle(
                    AnalyticsConfig.defaults().withFailureReporting(FailureReporting.REPORT_ALL_FAILURES),
                    record(7, POISON));

            assertThat(failedSequenceNumbers(response)).containsExactly(seq(7));
            verifyNoInteractions(dynamoDb);
        }
    }

    @Nested
    class IdempotentWrites {
        private final AnalyticsConfig config = AnalyticsConfig.defaults().withWriteMode(WriteMode.IDEMPOTENT);

        private List<TransactWriteItemsRequest> transactions() {
            ArgumentCaptor<TransactWriteItemsRequest> captor = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
            verify(dynamoDb, atLeastOnce()).transactWriteItems(captor.capture());
            return captor.getAllValues();
        }

        @Test
        void addsTheCountsAndMarksEveryRecordAppliedInOneTransaction() {
            handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, metric("cpu", "0.58", "2026-11-23T10:15:31Z")));

            List<TransactWriteItem> actions = transactions().get(0).transactItems();
            assertThat(actions).hasSize(3);
            assertThat(actions.get(0).update().updateExpression()).isEqualTo("ADD #count :c, #sum :s");
            assertThat(actions.get(0).update().expressionAttributeValues())
                    .containsEntry(":c", AttributeValue.fromN("2")).containsEntry(":s", AttributeValue.fromN("1.00"));
            assertThat(actions.subList(1, 3)).extracting(a -> a.put().item().get("recordId"))
                    .containsExactly(AttributeValue.fromS(SHARD_0 + ":" + seq(1)),
                            AttributeValue.fromS(SHARD_0 + ":" + seq(2))); // rule 12.2: (shardId, sequenceNumber)
            assertThat(actions.subList(1, 3)).allSatisfy(a -> {
                assertThat(a.put().tableName()).isEqualTo("metric-applied-records");
                assertThat(a.put().conditionExpression()).isEqualTo("attribute_not_exists(#id)");
            });
        }

        @Test
        void retriesWithoutTheRecordsDynamoDbReportsAsAlreadyApplied() {
            when(dynamoDb.transactWriteItems(any(TransactWriteItemsRequest.class)))
                    .thenThrow(cancelled("None", "ConditionalCheckFailed", "None"))
                    .thenReturn(null);

            handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                    record(2, metric("cpu", "0.58", "2026-11-23T10:15:31Z")));

            TransactWriteItemsRequest retry = transactions().get(1);
            assertThat(retry.transactItems()).hasSize(2);
            assertThat(retry.transactItems().get(0).update().expressionAttributeValues())
                    .containsEntry(":c", AttributeValue.fromN("1")).containsEntry(":s", AttributeValue.fromN("0.58"));
            assertThat(retry.transactItems().get(1).put().item().get("recordId"))
                    .isEqualTo(AttributeValue.fromS(SHARD_0 + ":" + seq(2)));
        }

        @Test
        void writesNothingMoreWhenEveryRecordWasAlreadyApplied() {
            when(dynamoDb.transactWriteItems(any(TransactWriteItemsRequest.class)))
                    .thenThrow(cancelled("None", "ConditionalCheckFailed"));

            handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")));

            verify(dynamoDb, times(1)).transactWriteItems(any(TransactWriteItemsRequest.class));
        }

        @Test
        void rethrowsACancellationThatIsNotAboutDuplicates() {
            TransactionCanceledException conflict = cancelled("None", "TransactionConflict");
            when(dynamoDb.transactWriteItems(any(TransactWriteItemsRequest.class))).thenThrow(conflict);

            assertThatThrownBy(() -> handle(config, record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z"))))
                    .isSameAs(conflict);
        }

        @Test
        void splitsALargeGroupIntoTransactionsOfAtMostOneHundredActions() {
            List<KinesisEventRecord> records = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                records.add(record(i, metric("cpu", "1", "2026-11-23T10:15:30Z")));
            }

            handle(config, records.toArray(KinesisEventRecord[]::new));

            assertThat(transactions()).extracting(t -> t.transactItems().size()).containsExactly(100, 52);
        }

        private static TransactionCanceledException cancelled(String... codes) {
            List<CancellationReason> reasons = new ArrayList<>();
            for (String code : codes) {
                reasons.add(CancellationReason.builder().code(code).build());
            }
            return TransactionCanceledException.builder().message("Transaction cancelled")
                    .cancellationReasons(reasons).build();
        }
    }

    private static Map<String, AttributeValue> key(String metric, String minute) {
        return Map.of("metric", AttributeValue.fromS(metric), "minute", AttributeValue.fromS(minute));
    }
}
