package io.github.streamharness.examples.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link WriteMode#IDEMPOTENT}: every record is applied to the aggregate at most once, however often Lambda
 * delivers it.
 *
 * <p>Design: one {@code TransactWriteItems} per (metric, minute) and batch holds the additive update of count and
 * sum <em>and</em> one marker {@code Put} per record into the applied-records table, keyed by
 * {@code shardId:sequenceNumber} with {@code attribute_not_exists(recordId)}. Either all of it commits or none of it.
 * If a record was applied before (a retry, a redelivery after a partial batch response, a bisected half), its
 * marker's condition fails and DynamoDB cancels the transaction, naming the failed actions in the cancellation
 * reasons; the writer drops exactly those records and tries again with the rest, until nothing new is left.
 *
 * <p>Why per record and not per batch: Lambda does not redeliver the same batches. A partial batch response
 * restarts at the failed record (rule 5.5) and bisection halves a batch (rule 4.7), so a key made of the batch's
 * first sequence number would miss the overlap. Why a separate item per record and not a set of sequence numbers on
 * the aggregate: at 10,000 records/s one minute's set would pass DynamoDB's 400 KB item limit.
 *
 * <p>A transaction holds at most 100 actions, so a group is written in chunks of
 * {@value #MAX_RECORDS_PER_TRANSACTION} records plus the update.
 */
final class IdempotentAggregateWriter implements AggregateWriter {
    /** 100 actions per TransactWriteItems: the aggregate update plus 99 markers. */
    static final int MAX_RECORDS_PER_TRANSACTION = 99;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamoDb;
    private final AnalyticsTables tables;
    private final AggregateItems items;

    IdempotentAggregateWriter(DynamoDbClient dynamoDb, AnalyticsTables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.items = new AggregateItems(dynamoDb, tables.aggregatesTable());
    }

    @Override
    public void write(List<KeyedSample> samples) {
        for (int from = 0; from < samples.size(); from += MAX_RECORDS_PER_TRANSACTION) {
            applyOnce(samples.subList(from, Math.min(samples.size(), from + MAX_RECORDS_PER_TRANSACTION)));
        }
        items.widenMinMax(AggregateWriter.aggregate(samples));
    }

    private void applyOnce(List<KeyedSample> chunk) {
        List<KeyedSample> pending = chunk;
        while (!pending.isEmpty()) {
            try {
                dynamoDb.transactWriteItems(transaction(pending));
                return;
            } catch (TransactionCanceledException e) {
                List<KeyedSample> notYetApplied = withoutAlreadyApplied(pending, e);
                if (notYetApplied.size() == pending.size()) {
                    throw e; // cancelled for another reason (conflict, throttling): let Lambda retry the batch
                }
                pending = notYetApplied;
            }
        }
    }

    /** Reasons are in action order: index 0 is the aggregate update, index i is the marker of pending[i - 1]. */
    private static List<KeyedSample> withoutAlreadyApplied(List<KeyedSample> pending, TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return pending;
        }
        List<CancellationReason> reasons = e.cancellationReasons();
        List<KeyedSample> rest = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            CancellationReason reason = i + 1 < reasons.size() ? reasons.get(i + 1) : null;
            if (reason == null || !CONDITIONAL_CHECK_FAILED.equals(reason.code())) {
                rest.add(pending.get(i));
            }
        }
        return rest;
    }

    private TransactWriteItemsRequest transaction(List<KeyedSample> pending) {
        MinuteAggregate aggregate = AggregateWriter.aggregate(pending);
        List<TransactWriteItem> actions = new ArrayList<>(pending.size() + 1);
        actions.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.aggregatesTable())
                .key(AggregateItems.key(aggregate))
                .updateExpression(AggregateItems.ADD_COUNT_AND_SUM)
                .expressionAttributeNames(AggregateItems.ADD_NAMES)
                .expressionAttributeValues(AggregateItems.addValues(aggregate))
                .build()).build());
        for (KeyedSample sample : pending) {
            actions.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(tables.appliedRecordsTable())
                    .item(Map.of(
                            AnalyticsTables.RECORD_ID, AttributeValue.fromS(sample.recordId()),
                            "aggregate", AttributeValue.fromS(aggregate.metric() + "@" + aggregate.minute())))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", AnalyticsTables.RECORD_ID))
                    .build()).build());
        }
        return TransactWriteItemsRequest.builder().transactItems(actions).build();
    }
}
