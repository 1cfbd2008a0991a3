package io.github.streamharness.examples.incident;

import static org.mockito.Mockito.mockingDetails;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** What the analytics handler asked a mocked {@link DynamoDbClient} to do. */
final class DynamoDbMock {
    private DynamoDbMock() {
    }

    /**
     * The samples the handler added to the aggregates' counts ({@code ADD #count :c}, additive mode), over every
     * UpdateItem call the mock received: the number of records DynamoDB would have counted.
     */
    static long countedSamples(DynamoDbClient mock) {
        return mockingDetails(mock).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("updateItem"))
                .map(call -> call.<UpdateItemRequest>getArgument(0))
                .filter(request -> request.updateExpression().startsWith("ADD"))
                .mapToLong(request -> Long.parseLong(request.expressionAttributeValues().get(":c").n()))
                .sum();
    }
}
