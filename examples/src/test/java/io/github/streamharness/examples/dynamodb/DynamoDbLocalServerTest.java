package io.github.streamharness.examples.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbLocalServerTest {

    @Test
    void storesItemsAndEnforcesConditionsLikeDynamoDb() {
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start()) {
            DynamoDbClient client = dynamoDb.client();
            client.createTable(b -> b.tableName("things")
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));

            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"))));

            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a"))))
                    .item()).containsEntry("id", AttributeValue.fromS("a"));
            assertThatThrownBy(() -> client.putItem(b -> b.tableName("things")
                    .item(Map.of("id", AttributeValue.fromS("a")))
                    .conditionExpression("attribute_not_exists(id)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(dynamoDb.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void closeStopsTheServer() {
        DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
        try (DynamoDbClient other = dynamoDb.newClient()) {
            assertThat(other.listTables().tableNames()).isEmpty();
            dynamoDb.close();

            assertThatThrownBy(other::listTables).isInstanceOf(SdkClientException.class);
        }
    }
}
