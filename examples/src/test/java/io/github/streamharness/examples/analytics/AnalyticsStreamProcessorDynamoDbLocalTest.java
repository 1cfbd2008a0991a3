package io.github.streamharness.examples.analytics;

import static io.github.streamharness.examples.analytics.TestKinesisEvents.SHARD_0;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.SHARD_1;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.event;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.metric;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.record;
import static io.github.streamharness.examples.analytics.TestKinesisEvents.seq;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.math.BigDecimal;
import io.github.streamharness.examples.dynamodb.WithAnalyticsTables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The handler against a real DynamoDB (DynamoDB Local, embedded): what ends up in the table when Lambda delivers a
 * batch once, and when it delivers records again, as it does at least once (rule 13.1).
 */
class AnalyticsStreamProcessorDynamoDbLocalTest extends WithAnalyticsTables {
    private AnalyticsStreamProcessor handler(WriteMode mode, FailureReporting reporting) {
        return new AnalyticsStreamProcessor(dynamoDb, new AnalyticsConfig(tables, mode, reporting));
    }

    private Map<String, AttributeValue> aggregate(String metric, String minute) {
        return dynamoDb.getItem(b -> b.tableName(tables.aggregatesTable()).consistentRead(true)
                .key(Map.of("metric", AttributeValue.fromS(metric), "minute", AttributeValue.fromS(minute)))).item();
    }

    private long count(String metric, String minute) {
        return Long.parseLong(aggregate(metric, minute).get("count").n());
    }

    private static BigDecimal number(Map<String, AttributeValue> item, String attribute) {
        return new BigDecimal(item.get(attribute).n());
    }

    private static KinesisEvent threeCpuSamples() {
        return event(
                record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                record(2, metric("cpu", "0.58", "2026-11-23T10:15:45Z")),
                record(3, metric("cpu", "0.30", "2026-11-23T10:15:50Z")));
    }

    @Test
    void aggregatesABatchPerMetricAndMinute() {
        handler(WriteMode.ADDITIVE, FailureReporting.THROW).handleRequest(event(
                record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                record(2, metric("cpu", "0.58", "2026-11-23T10:15:45Z")),
                record(3, metric("mem", "512", "2026-11-23T10:15:50Z")),
                record(4, metric("cpu", "0.90", "2026-11-23T10:16:05Z"))), null);

        Map<String, AttributeValue> cpu1015 = aggregate("cpu", "2026-11-23T10:15:00Z");
        assertThat(number(cpu1015, "count")).isEqualByComparingTo("2");
        assertThat(number(cpu1015, "sum")).isEqualByComparingTo("1.00");
        assertThat(number(cpu1015, "min")).isEqualByComparingTo("0.42");
        assertThat(number(cpu1015, "max")).isEqualByComparingTo("0.58");
        assertThat(number(aggregate("mem", "2026-11-23T10:15:00Z"), "sum")).isEqualByComparingTo("512");
        assertThat(number(aggregate("cpu", "2026-11-23T10:16:00Z"), "count")).isEqualByComparingTo("1");
    }

    @Test
    void minAndMaxWidenAcrossBatches() {
        AnalyticsStreamProcessor handler = handler(WriteMode.ADDITIVE, FailureReporting.THROW);
        handler.handleRequest(threeCpuSamples(), null);
        handler.handleRequest(event(
                record(4, metric("cpu", "0.35", "2026-11-23T10:15:55Z")),
                record(5, metric("cpu", "0.99", "2026-11-23T10:15:56Z"))), null);

        Map<String, AttributeValue> cpu = aggregate("cpu", "2026-11-23T10:15:00Z");
        assertThat(number(cpu, "min")).isEqualByComparingTo("0.30");
        assertThat(number(cpu, "max")).isEqualByComparingTo("0.99");
    }

    @Test
    void additiveWritesCountARedeliveredBatchTwice() { // rule 13.1: at-least-once delivery
        AnalyticsStreamProcessor handler = handler(WriteMode.ADDITIVE, FailureReporting.THROW);

        handler.handleRequest(threeCpuSamples(), null);
        handler.handleRequest(threeCpuSamples(), null); // a retry of the same batch (rule 4.3)

        Map<String, AttributeValue> cpu = aggregate("cpu", "2026-11-23T10:15:00Z");
        assertThat(number(cpu, "count")).isEqualByComparingTo("6");
        assertThat(number(cpu, "sum")).isEqualByComparingTo("2.60");
        assertThat(number(cpu, "min")).isEqualByComparingTo("0.30"); // min and max are immune to duplicates
        assertThat(number(cpu, "max")).isEqualByComparingTo("0.58");
    }

    @Test
    void idempotentWritesCountARedeliveredBatchOnce() { // rule 13.1
        AnalyticsStreamProcessor handler = handler(WriteMode.IDEMPOTENT, FailureReporting.THROW);

        handler.handleRequest(threeCpuSamples(), null);
        handler.handleRequest(threeCpuSamples(), null);

        Map<String, AttributeValue> cpu = aggregate("cpu", "2026-11-23T10:15:00Z");
        assertThat(number(cpu, "count")).isEqualByComparingTo("3");
        assertThat(number(cpu, "sum")).isEqualByComparingTo("1.30");
        assertThat(number(cpu, "min")).isEqualByComparingTo("0.30");
        assertThat(number(cpu, "max")).isEqualByComparingTo("0.58");
    }

    @Test
    void idempotentWritesApplyOnlyTheNewRecordsOfAnOverlappingRedelivery() { // rule 5.5: redelivery from a checkpoint
        AnalyticsStreamProcessor handler = handler(WriteMode.IDEMPOTENT, FailureReporting.THROW);

        handler.handleRequest(threeCpuSamples(), null);
        handler.handleRequest(event(
                record(2, metric("cpu", "0.58", "2026-11-23T10:15:45Z")),
                record(3, metric("cpu", "0.30", "2026-11-23T10:15:50Z")),
                record(4, metric("cpu", "0.70", "2026-11-23T10:15:55Z"))), null);

        Map<String, AttributeValue> cpu = aggregate("cpu", "2026-11-23T10:15:00Z");
        assertThat(number(cpu, "count")).isEqualByComparingTo("4");
        assertThat(number(cpu, "sum")).isEqualByComparingTo("2.00");
    }

    @Test
    void theSameSequenceNumberInTwoShardsIsTwoRecords() { // rule 12.2: identity is (shardId, sequenceNumber)
        AnalyticsStreamProcessor handler = handler(WriteMode.IDEMPOTENT, FailureReporting.THROW);

        handler.handleRequest(event(record(SHARD_0, seq(1), metric("cpu", "1", "2026-11-23T10:15:30Z"))), null);
        handler.handleRequest(event(record(SHARD_1, seq(1), metric("cpu", "2", "2026-11-23T10:15:31Z"))), null);

        assertThat(count("cpu", "2026-11-23T10:15:00Z")).isEqualTo(2);
    }

    @Test
    void continuingAfterAFailureDoubleCountsTheGoodRecordsLambdaRedelivers() { // rule 5.5, rule 13.3
        AnalyticsStreamProcessor handler = handler(WriteMode.ADDITIVE, FailureReporting.REPORT_ALL_FAILURES);
        KinesisEvent batch = event(
                record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                record(2, "{not json"),
                record(3, metric("cpu", "0.58", "2026-11-23T10:15:45Z")));

        assertThat(handler.handleRequest(batch, null).getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier).containsExactly(seq(2));
        // Lambda checkpoints before record 2 and delivers 2 and 3 again
        handler.handleRequest(event(batch.getRecords().get(1), batch.getRecords().get(2)), null);

        assertThat(count("cpu", "2026-11-23T10:15:00Z")).isEqualTo(3); // record 3 counted twice
    }

    @Test
    void stoppingAtTheFirstFailureCountsEveryGoodRecordOnce() { // rule 5.5
        AnalyticsStreamProcessor handler = handler(WriteMode.ADDITIVE, FailureReporting.REPORT_FIRST_FAILURE);
        KinesisEvent batch = event(
                record(1, metric("cpu", "0.42", "2026-11-23T10:15:30Z")),
                record(2, "{not json"),
                record(3, metric("cpu", "0.58", "2026-11-23T10:15:45Z")));

        handler.handleRequest(batch, null);
        handler.handleRequest(event(batch.getRecords().get(1), batch.getRecords().get(2)), null);

        assertThat(count("cpu", "2026-11-23T10:15:00Z")).isEqualTo(1); // record 3 waits behind the poison pill
    }
}
