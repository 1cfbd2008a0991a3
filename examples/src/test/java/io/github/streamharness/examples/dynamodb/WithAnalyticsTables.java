package io.github.streamharness.examples.dynamodb;

import io.github.streamharness.examples.analytics.AnalyticsTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of the tests that run against a real DynamoDB: one embedded DynamoDB Local per test class, and fresh
 * aggregates and applied-records tables for every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithAnalyticsTables {
    /** The tables' names and schemas. */
    protected final AnalyticsTables tables = AnalyticsTables.defaults();
    private DynamoDbLocalServer server;
    /** A client of the running DynamoDB Local. */
    protected DynamoDbClient dynamoDb;

    @BeforeAll
    void startDynamoDbLocal() {
        server = DynamoDbLocalServer.start();
        dynamoDb = server.client();
    }

    @AfterAll
    void stopDynamoDbLocal() {
        server.close();
    }

    @BeforeEach
    void createTables() {
        dynamoDb.createTable(tables.createAggregatesTable());
        dynamoDb.createTable(tables.createAppliedRecordsTable());
    }

    @AfterEach
    void deleteTables() {
        dynamoDb.deleteTable(b -> b.tableName(tables.aggregatesTable()));
        dynamoDb.deleteTable(b -> b.tableName(tables.appliedRecordsTable()));
    }
}
