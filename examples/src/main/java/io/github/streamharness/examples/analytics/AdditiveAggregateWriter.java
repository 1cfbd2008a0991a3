package io.github.streamharness.examples.analytics;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link WriteMode#ADDITIVE}: {@code ADD #count :c, #sum :s}, then the min/max update. DynamoDB's ADD is atomic, so
 * concurrent batches (ParallelizationFactor &gt; 1, several shards) never lose an update; but it has no memory of
 * what it added, so a redelivered record is added again.
 */
final class AdditiveAggregateWriter implements AggregateWriter {
    private final DynamoDbClient dynamoDb;
    private final AggregateItems items;

    AdditiveAggregateWriter(DynamoDbClient dynamoDb, AnalyticsTables tables) {
        this.dynamoDb = dynamoDb;
        this.items = new AggregateItems(dynamoDb, tables.aggregatesTable());
    }

    @Override
    public void write(List<KeyedSample> samples) {
        MinuteAggregate aggregate = AggregateWriter.aggregate(samples);
        dynamoDb.updateItem(UpdateItemRequest.builder()
                .tableName(items.table())
                .key(AggregateItems.key(aggregate))
                .updateExpression(AggregateItems.ADD_COUNT_AND_SUM)
                .expressionAttributeNames(AggregateItems.ADD_NAMES)
                .expressionAttributeValues(AggregateItems.addValues(aggregate))
                .build());
        items.widenMinMax(aggregate);
    }
}
