package io.github.streamharness.examples.incident;

import static io.github.streamharness.examples.incident.FunctionConfig.AFTER_THE_FIX;
import static io.github.streamharness.examples.incident.FunctionConfig.BEFORE_THE_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.examples.analytics.AnalyticsConfig;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.examples.analytics.FailureReporting;
import io.github.streamharness.examples.analytics.WriteMode;
import java.time.Duration;
import io.github.streamharness.examples.dynamodb.WithAnalyticsTables;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * At-least-once delivery (rule 13.1) against a real DynamoDB (DynamoDB Local, embedded): Lambda delivers records
 * again after a partial batch response and after a timeout, and the harness makes it do exactly that. Additive
 * writes count the redelivered records again; idempotent writes (a marker per record in the same transaction) do
 * not. Nothing here feeds an event twice by hand: every redelivery is the mapping's.
 *
 * <p>Runbook step 3's consequence: retries and bisection redeliver records, so the writes must be idempotent.
 */
class AtLeastOnceDynamoDbLocalTest extends WithAnalyticsTables {
    private static final String MINUTE = "2026-01-01T00:00:00Z";
    /** Ten cpu samples of one host in one minute; the fifth is a poison pill when {@code withPoisonPill}. */
    private static void tenCpuSamples(StreamHarness stream, boolean withPoisonPill) {
        for (int i = 0; i < 10; i++) {
            stream.put("host-7", withPoisonPill && i == 4 ? "{\"metric\":\"cpu\",\"val"
                    : "{\"metric\":\"cpu\",\"value\":" + i + ",\"timestamp\":\"2026-01-01T00:00:0" + i + "Z\"}");
        }
    }

    private long storedCount() {
        return Long.parseLong(dynamoDb.getItem(b -> b.tableName(tables.aggregatesTable()).consistentRead(true)
                .key(Map.of("metric", AttributeValue.fromS("cpu"), "minute", AttributeValue.fromS(MINUTE))))
                .item().get("count").n());
    }

    @ParameterizedTest(name = "{0} writes store count {1}")
    @CsvSource({"ADDITIVE, 29", "IDEMPOTENT, 9"})
    void redeliveriesAfterAPartialBatchResponse(WriteMode mode, long expectedCount) { // rule 5.5, 5.7, 13.3
        AnalyticsConfig config = new AnalyticsConfig(tables, mode, FailureReporting.REPORT_ALL_FAILURES);
        try (StreamHarness stream = AFTER_THE_FIX.harness(1)
                .mapping(AFTER_THE_FIX.mapping().toBuilder()
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler(new AnalyticsStreamProcessor(dynamoDb, config))
                .build()) {
            tenCpuSamples(stream, true);
            stream.runUntilIdle();

            // nine good samples: the four before the pill once; the five after it once in the whole batch and four
            // more times in the remainder, which starts at the pill and so is retried whole (rule 5.7) until its
            // retries are exhausted: 4 + 5 x 5 = 29 additive counts
            assertThat(storedCount()).isEqualTo(expectedCount);
        }
    }

    @ParameterizedTest(name = "{0} writes store count {1}")
    @CsvSource({"ADDITIVE, 20", "IDEMPOTENT, 10"})
    void aRetryAfterATimeoutThatCameAfterTheWrite(WriteMode mode, long expectedCount) { // rule 0.4, 4.3, 13.1
        // the first UpdateItem reaches DynamoDB, but its response takes 40 s: the invocation times out at 30 s
        DynamoDbClient slowFirstResponse = mock(DynamoDbClient.class, delegatesTo(dynamoDb));
        AnalyticsConfig config = new AnalyticsConfig(tables, mode, FailureReporting.THROW);
        try (StreamHarness stream = BEFORE_THE_FIX.harness(1).mapping(BEFORE_THE_FIX.mapping())
                .handler(new AnalyticsStreamProcessor(slowFirstResponse, config)).build()) {
            doAnswer(call -> {
                Object response = dynamoDb.updateItem(call.<UpdateItemRequest>getArgument(0));
                stream.clock().sleep(Duration.ofSeconds(40));
                return response;
            }).doAnswer(delegatesTo(dynamoDb)).when(slowFirstResponse).updateItem(any(UpdateItemRequest.class));
            tenCpuSamples(stream, false);
            stream.runUntilIdle();

            assertThat(stream.invocations().all()).extracting(i -> i.outcome().label())
                    .containsExactly("TIMEOUT", "OK");
            assertThat(storedCount()).isEqualTo(expectedCount);
        }
    }
}
