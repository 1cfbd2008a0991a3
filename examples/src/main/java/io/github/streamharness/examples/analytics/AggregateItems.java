package io.github.streamharness.examples.analytics;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The aggregate item's key and the min/max update shared by both write modes.
 *
 * <p>Min and max are idempotent by nature (the minimum of a set does not change when a sample is seen twice), so
 * both modes write them the same way: a conditional {@code SET} that only lowers {@code min} or raises {@code max}.
 * A failed condition means the stored value is already at least as extreme, which is success. Only count and sum
 * can be double counted, and that is where the two modes differ.
 */
final class AggregateItems {
    private final DynamoDbClient dynamoDb;
    private final String table;

    AggregateItems(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    String table() {
        return table;
    }

    /** The aggregates table key of a (metric, minute). */
    static Map<String, AttributeValue> key(MinuteAggregate aggregate) {
        return Map.of(
                AnalyticsTables.METRIC, AttributeValue.fromS(aggregate.metric()),
                AnalyticsTables.MINUTE, AttributeValue.fromS(aggregate.minute().toString()));
    }

    /** A DynamoDB number, written exactly (no binary floating point on the way). */
    /** The update both writers apply to an aggregate item: add the minute's count and sum. */
    static final String ADD_COUNT_AND_SUM = "ADD #count :c, #sum :s";

    /** The attribute names {@link #ADD_COUNT_AND_SUM} uses. */
    static final Map<String, String> ADD_NAMES = Map.of("#count", AnalyticsTables.COUNT, "#sum", AnalyticsTables.SUM);

    /** The values {@link #ADD_COUNT_AND_SUM} adds for {@code aggregate}. */
    static Map<String, AttributeValue> addValues(MinuteAggregate aggregate) {
        return Map.of(":c", number(BigDecimal.valueOf(aggregate.count())), ":s", number(aggregate.sum()));
    }

    static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    /** Lowers the stored min and raises the stored max to the aggregate's, where they are more extreme. */
    void widenMinMax(MinuteAggregate aggregate) {
        setIf(aggregate, AnalyticsTables.MIN, ">", aggregate.min());
        setIf(aggregate, AnalyticsTables.MAX, "<", aggregate.max());
    }

    private void setIf(MinuteAggregate aggregate, String attribute, String storedIs, BigDecimal candidate) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(aggregate))
                    .updateExpression("SET #a = :v")
                    .conditionExpression("attribute_not_exists(#a) OR #a " + storedIs + " :v")
                    .expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(Map.of(":v", number(candidate)))
                    .build());
        } catch (ConditionalCheckFailedException alreadyMoreExtreme) {
            // the stored value already covers this candidate: nothing to do
        }
    }
}
