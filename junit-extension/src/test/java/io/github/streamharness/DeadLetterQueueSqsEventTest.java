package io.github.streamharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;

/** The on-failure messages of an SQS destination, offered as the SQSEvent a DLQ-processing function receives. */
class DeadLetterQueueSqsEventTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-2:123456789012:analytics-dlq";

    private static StreamHarness poisonPill(String destination) {
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(10).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(0).onFailureDestination(destination).build())
                .handler((event, context) -> {
                    if (event.getRecords().stream().anyMatch(r -> r.getKinesis().getPartitionKey().equals("pk-7"))) {
                        throw new IllegalArgumentException("malformed metric");
                    }
                    return null;
                })
                .build();
        h.put("pk-1", "{\"metric\":\"cpu\"}");
        h.put("pk-7", "{not json");
        h.runUntilIdle();
        return h;
    }

    @Test
    void eachOnFailureMessageBecomesOneSqsMessageWithTheJsonAsBody() { // rule 6.3
        try (StreamHarness h = poisonPill(QUEUE)) {
            DeadLetter letter = h.deadLetterQueue().messages().get(0);

            SQSEvent event = h.deadLetterQueue().asSqsEvent();

            assertThat(event.getRecords()).singleElement().satisfies(m -> {
                assertThat(m.getBody()).isEqualTo(letter.json());
                assertThat(m.getEventSource()).isEqualTo("aws:sqs");
                assertThat(m.getEventSourceArn()).isEqualTo(QUEUE);
                assertThat(m.getAwsRegion()).isEqualTo("us-east-2");
                assertThat(m.getMd5OfBody()).isEqualTo(DeadLetterSqsEvent.md5Hex(letter.json())).hasSize(32);
                assertThat(m.getMessageId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(m.getReceiptHandle()).startsWith("AQEB");
                // the attribute names of the AWS sample SQS event a Lambda function receives
                assertThat(m.getAttributes()).containsOnlyKeys("ApproximateReceiveCount", "SentTimestamp",
                                "SenderId", "ApproximateFirstReceiveTimestamp")
                        .containsEntry("ApproximateReceiveCount", "1")
                        .containsEntry("SentTimestamp", Long.toString(letter.timestamp().toEpochMilli()));
                assertThat(m.getMessageAttributes()).isEmpty();
            });
        }
    }

    @Test
    void theMd5OfBodyIsTheHexMd5OfTheUtf8Body() {
        // the body and md5OfBody of the AWS documentation's sample SQS event
        assertThat(DeadLetterSqsEvent.md5Hex("Test message.")).isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
    }

    @Test
    void theSameRunGivesTheSameMessageIds() {
        try (StreamHarness a = poisonPill(QUEUE); StreamHarness b = poisonPill(QUEUE)) {
            assertThat(a.deadLetterQueue().asSqsEvent().getRecords().get(0).getMessageId())
                    .isEqualTo(b.deadLetterQueue().asSqsEvent().getRecords().get(0).getMessageId());
        }
    }

    @Test
    void anSnsDestinationIsNotAnSqsEvent() {
        try (StreamHarness h = poisonPill("arn:aws:sns:us-east-1:123456789012:analytics-alerts")) {
            assertThatThrownBy(() -> h.deadLetterQueue().asSqsEvent())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("asSqsEvent(): the on-failure destination arn:aws:sns:us-east-1:123456789012:"
                            + "analytics-alerts is not an SQS queue, so no function receives these messages as an "
                            + "SQSEvent; use messages() (an SNS topic's subscribers get an SNSEvent, an S3 bucket "
                            + "holds objects).");
        }
    }
}
