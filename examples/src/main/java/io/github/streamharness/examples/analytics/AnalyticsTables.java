package io.github.streamharness.examples.analytics;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The two DynamoDB tables the analytics handler writes, with their key schemas.
 *
 * <p>Aggregates: partition key {@code metric} (S), sort key {@code minute} (S, ISO-8601 such as
 * {@code 2026-11-23T10:15:00Z}, so a Query over a time range is a key range), attributes {@code count}, {@code sum},
 * {@code min}, {@code max} (N). Applied records (used by {@link WriteMode#IDEMPOTENT} only): partition key
 * {@code recordId} (S) = {@code shardId:sequenceNumber}, the Kinesis eventID format (rule 7.2), because a sequence
 * number is unique only within its shard (rule 12.2). In production give that table a TTL longer than the stream's
 * retention, so a marker outlives every possible redelivery of its record.
 */
public record AnalyticsTables(String aggregatesTable, String appliedRecordsTable) {

    /** Partition key of the aggregates table. */
    public static final String METRIC = "metric";
    /** Sort key of the aggregates table. */
    public static final String MINUTE = "minute";
    /** Number of samples in the aggregate. */
    public static final String COUNT = "count";
    /** Sum of the samples' values. */
    public static final String SUM = "sum";
    /** Smallest sample value. */
    public static final String MIN = "min";
    /** Largest sample value. */
    public static final String MAX = "max";
    /** Partition key of the applied-records table: {@code shardId:sequenceNumber}. */
    public static final String RECORD_ID = "recordId";

    /** Validates the names. */
    public AnalyticsTables {
        Objects.requireNonNull(aggregatesTable, "aggregatesTable");
        Objects.requireNonNull(appliedRecordsTable, "appliedRecordsTable");
    }

    /** The names the examples use: {@code metric-aggregates} and {@code metric-applied-records}. */
    public static AnalyticsTables defaults() {
        return new AnalyticsTables("metric-aggregates", "metric-applied-records");
    }

    /** The CreateTable request for the aggregates table (on-demand capacity). */
    public CreateTableRequest createAggregatesTable() {
        return CreateTableRequest.builder()
                .tableName(aggregatesTable)
                .attributeDefinitions(stringAttribute(METRIC), stringAttribute(MINUTE))
                .keySchema(key(METRIC, KeyType.HASH), key(MINUTE, KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    /** The CreateTable request for the applied-records table (on-demand capacity). */
    public CreateTableRequest createAppliedRecordsTable() {
        return CreateTableRequest.builder()
                .tableName(appliedRecordsTable)
                .attributeDefinitions(stringAttribute(RECORD_ID))
                .keySchema(key(RECORD_ID, KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
