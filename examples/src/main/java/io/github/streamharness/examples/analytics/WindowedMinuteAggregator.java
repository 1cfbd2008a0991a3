package io.github.streamharness.examples.analytics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The analytics pipeline's per-minute aggregator as a tumbling-window function (TumblingWindowInSeconds 60): Lambda
 * hands each invocation the window's state so far, the handler folds the batch into it, and the window's final
 * invocation writes one aggregate item per metric to DynamoDB. Unlike {@link AnalyticsStreamProcessor}, nothing is
 * written per batch, so a redelivered batch can never be counted twice in the table: the aggregate is written once,
 * by a PutItem that a retried final invocation simply repeats.
 *
 * <p>The window is the records' arrival time in the stream, not the samples' own {@code timestamp} (rule 8.3): the
 * item's {@code minute} is the window start. State: one entry per metric, {@code "count|sum|min|max"}; malformed
 * records are counted under {@value #MALFORMED} and skipped.
 */
public class WindowedMinuteAggregator implements RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> {
    /** The state key counting the records that were not metric samples. */
    public static final String MALFORMED = "_malformed";

    private final DynamoDbClient dynamoDb;
    private final AnalyticsTables tables;

    /** An aggregator writing to {@code tables}' aggregates table. */
    public WindowedMinuteAggregator(DynamoDbClient dynamoDb, AnalyticsTables tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public TimeWindowEventResponse handleRequest(KinesisTimeWindowEvent event, Context context) {
        Map<String, String> state = new TreeMap<>(event.getState() == null ? Map.of() : event.getState());
        Instant minute = Instant.parse(event.getWindow().getStart());
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            byte[] data = new byte[r.getKinesis().getData().remaining()];
            r.getKinesis().getData().get(data);
            MetricRecord sample;
            try {
                sample = MetricRecord.parse(data);
            } catch (MalformedMetricException e) {
                state.merge(MALFORMED, "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1));
                continue;
            }
            state.merge(sample.metric(), encode(1, sample.value(), sample.value(), sample.value()),
                    WindowedMinuteAggregator::combine);
        }
        if (Boolean.TRUE.equals(event.getIsFinalInvokeForWindow())) {
            state.forEach((metric, value) -> {
                if (!metric.equals(MALFORMED)) {
                    write(metric, minute, value);
                }
            });
        }
        return TimeWindowEventResponse.builder().withState(new HashMap<>(state)).build();
    }

    private void write(String metric, Instant minute, String encoded) {
        String[] p = encoded.split("\\|");
        dynamoDb.putItem(PutItemRequest.builder().tableName(tables.aggregatesTable()).item(Map.of(
                AnalyticsTables.METRIC, AttributeValue.fromS(metric),
                AnalyticsTables.MINUTE, AttributeValue.fromS(minute.toString()),
                AnalyticsTables.COUNT, AttributeValue.fromN(p[0]),
                AnalyticsTables.SUM, AttributeValue.fromN(p[1]),
                AnalyticsTables.MIN, AttributeValue.fromN(p[2]),
                AnalyticsTables.MAX, AttributeValue.fromN(p[3]))).build());
    }

    private static String encode(long count, BigDecimal sum, BigDecimal min, BigDecimal max) {
        return count + "|" + sum.toPlainString() + "|" + min.toPlainString() + "|" + max.toPlainString();
    }

    private static String combine(String a, String b) {
        String[] x = a.split("\\|");
        String[] y = b.split("\\|");
        return encode(Long.parseLong(x[0]) + Long.parseLong(y[0]), new BigDecimal(x[1]).add(new BigDecimal(y[1])),
                new BigDecimal(x[2]).min(new BigDecimal(y[2])), new BigDecimal(x[3]).max(new BigDecimal(y[3])));
    }
}
