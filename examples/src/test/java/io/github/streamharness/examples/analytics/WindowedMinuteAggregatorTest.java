package io.github.streamharness.examples.analytics;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.examples.dynamodb.WithAnalyticsTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute aggregator in one-minute tumbling windows (section 8) against DynamoDB Local: the aggregate is written
 * once per metric and minute, by the window's final invocation, whatever the retries before it.
 *
 * <p>Runbook step 3's consequence, the other way out: instead of idempotent writes against the redeliveries of retries
 * and bisection ({@code AtLeastOnceDynamoDbLocalTest}), the mapping's state carries the aggregate and one write ends
 * each window.
 */
class WindowedMinuteAggregatorTest extends WithAnalyticsTables {
    private static final Instant MINUTE_0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MINUTE_1 = Instant.parse("2026-01-01T00:01:00Z");

    private StreamHarness stream;

    @AfterEach
    void closeHarness() {
        stream.close();
    }

    private MappedFunction mapping() {
        stream = StreamHarness.builder().streamName("analytics-stream").build();
        return stream.addMapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60).batchSize(2)
                .build(), new WindowedMinuteAggregator(dynamoDb, tables));
    }

    private void sample(String metric, String value) {
        stream.put(metric, "{\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
    }

    private Map<String, AttributeValue> item(String metric, Instant minute) {
        return dynamoDb.getItem(b -> b.tableName(tables.aggregatesTable()).consistentRead(true).key(Map.of(
                AnalyticsTables.METRIC, AttributeValue.fromS(metric),
                AnalyticsTables.MINUTE, AttributeValue.fromS(minute.toString())))).item();
    }

    @Test
    void writesOneAggregatePerMetricAndMinuteWhenTheWindowEnds() { // rule 8.1, 8.4
        MappedFunction f = mapping();
        sample("cpu", "0.42");
        sample("cpu", "0.58");
        sample("mem", "512");
        sample("cpu", "0.30");
        stream.advance(Duration.ofSeconds(30));
        assertThat(item("cpu", MINUTE_0)).isEmpty(); // aggregated in the state, not written before the window ends
        stream.advance(Duration.ofSeconds(40)); // 00:01:10, in the second window
        sample("cpu", "0.90");
        stream.runUntilIdle();

        assertThat(item("cpu", MINUTE_0)).containsEntry("count", AttributeValue.fromN("3"))
                .containsEntry("sum", AttributeValue.fromN("1.3")).containsEntry("min", AttributeValue.fromN("0.3"))
                .containsEntry("max", AttributeValue.fromN("0.58"));
        assertThat(item("mem", MINUTE_0)).containsEntry("sum", AttributeValue.fromN("512"));
        assertThat(item("cpu", MINUTE_1)).containsEntry("count", AttributeValue.fromN("1"));
        assertThat(f).window(MINUTE_0).isClosed().hasAggregationInvocations(2)
                .hasFinalStateEntry("cpu", "3|1.30|0.3|0.58");
    }

    @Test
    void aFailingFinalInvocationHoldsTheShardAndTheAggregateIsStillWrittenOnce() { // rule 8.4, 8.5
        MappedFunction f = mapping();
        stream.faults().onBatch(batch -> batch.isEmpty()).times(2).fail("DynamoDB unavailable");
        sample("cpu", "1");
        sample("cpu", "2");
        stream.advance(Duration.ofSeconds(61));
        sample("cpu", "5"); // waits behind the final invocation of the first minute
        stream.runUntilIdle();

        assertThat(item("cpu", MINUTE_0)).containsEntry("count", AttributeValue.fromN("2"))
                .containsEntry("sum", AttributeValue.fromN("3"));
        assertThat(item("cpu", MINUTE_1)).containsEntry("count", AttributeValue.fromN("1"));
        assertThat(f.invocations().where(i -> i.isFinalInvokeForWindow()
                && i.window().windowStart().equals(MINUTE_0))).hasSize(3);
        assertThat(f).window(MINUTE_0).hasFinalState(Map.of("cpu", "2|3|1|2"));
    }

    @Test
    void malformedSamplesAreCountedInTheStateAndNotWritten() { // rule 8.1
        MappedFunction f = mapping();
        stream.put("cpu", "{not json");
        sample("cpu", "1");
        stream.runUntilIdle();
        assertThat(f).window(MINUTE_0).hasFinalState(Map.of("cpu", "1|1|1|1",
                WindowedMinuteAggregator.MALFORMED, "1"));
        assertThat(item(WindowedMinuteAggregator.MALFORMED, MINUTE_0)).isEmpty();
    }
}
