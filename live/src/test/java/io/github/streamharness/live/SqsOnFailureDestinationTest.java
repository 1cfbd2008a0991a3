package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.DlqProcessor;
import io.github.streamharness.examples.analytics.DlqSummary;
import io.github.streamharness.examples.analytics.FailedRecordReader;
import io.github.streamharness.examples.analytics.ShardRecord;
import java.net.URI;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS queue (ElasticMQ embedded on loopback) as the on-failure destination: the mapping's on-failure JSON is
 * sent there with SendMessage, read back as the SQSEvent a DLQ-processing function receives, and the seed's DLQ
 * processor runs on the queue's real messages exactly as on the harness's own {@code asSqsEvent()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsOnFailureDestinationTest {
    private SQSRestServer server;
    private String endpoint;

    @BeforeAll
    void startElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
    }

    @AfterAll
    void stopElasticMq() {
        server.stopAndWait();
    }

    private SqsClient client() {
        // explicit local credentials: the default chain could reach for instance metadata (network) on a bare machine
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private String newQueueArn(SqsClient sqs) {
        String name = "analytics-dlq-" + UUID.randomUUID().toString().substring(0, 8);
        sqs.createQueue(b -> b.queueName(name));
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    private static StreamHarness poisonPill(String destination) {
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(10).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(1).onFailureDestination(destination).build())
                .handler((KinesisEvent e, Context c) -> ParityScenarios.rejectsMalformed(e, c))
                .build();
        h.put("pk-1", "{\"metric\":\"cpu\",\"value\":1}");
        h.put("pk-7", "{not json");
        h.put("pk-8", "{\"metric\":\"cpu\",\"value\":2}");
        h.runUntilIdle();
        return h;
    }

    private static FailedRecordReader readsFrom(StreamHarness stream) {
        return (streamArn, shardId, start, end) -> stream.shard(shardId).records(start, end).stream()
                .map(r -> new ShardRecord(r.shardId(), r.sequenceNumber(), r.partitionKey(), r.dataBytes()))
                .toList();
    }

    @Test
    void theOnFailureJsonIsSentToTheQueueAndReadBackAsAnSqsEvent() { // rule 6.3
        try (SqsDestination destination = new SqsDestination(client()); SqsClient sqs = client()) {
            String arn = newQueueArn(sqs);
            try (StreamHarness h = poisonPill(arn)) {
                DeadLetter letter = h.deadLetterQueue().messages().get(0);

                destination.forward(h.deadLetterQueue());
                SQSEvent real = destination.readBack(arn);

                SQSEvent.SQSMessage offered = h.deadLetterQueue().asSqsEvent().getRecords().get(0);
                assertThat(real.getRecords()).singleElement().satisfies(m -> {
                    assertThat(m.getBody()).isEqualTo(letter.json());
                    assertThat(m.getMd5OfBody()).isEqualTo(offered.getMd5OfBody());
                    assertThat(m.getEventSource()).isEqualTo("aws:sqs");
                    assertThat(m.getEventSourceArn()).isEqualTo(arn);
                    // the harness's in-process SQSEvent offers the attributes the real queue gives
                    assertThat(m.getAttributes()).containsKeys(offered.getAttributes().keySet()
                            .toArray(String[]::new)).containsEntry("ApproximateReceiveCount", "1");
                });
            }
        }
    }

    @Test
    void forwardingTwiceSendsEachMessageOnce() {
        try (SqsDestination destination = new SqsDestination(client()); SqsClient sqs = client()) {
            String arn = newQueueArn(sqs);
            try (StreamHarness h = poisonPill(arn)) {
                destination.forward(h.deadLetterQueue());
                destination.forward(h.deadLetterQueue());

                assertThat(destination.readBack(arn).getRecords()).hasSize(1);
            }
        }
    }

    @Test
    void theDlqProcessorFindsThePoisonPillFromTheQueuesRealMessages() {
        try (SqsDestination destination = new SqsDestination(client()); SqsClient sqs = client()) {
            String arn = newQueueArn(sqs);
            try (StreamHarness h = poisonPill(arn)) {
                StreamRecord poison = h.shard(0).records().get(1);
                destination.forward(h.deadLetterQueue());

                DlqSummary fromQueue = new DlqProcessor(readsFrom(h)).handleRequest(destination.readBack(arn), null);
                DlqSummary fromHarness = new DlqProcessor(readsFrom(h))
                        .handleRequest(h.deadLetterQueue().asSqsEvent(), null);

                assertThat(fromQueue.rejected()).isEmpty();
                assertThat(fromQueue.malformedRecords()).extracting(ShardRecord::sequenceNumber)
                        .containsExactly(poison.sequenceNumber());
                assertThat(fromQueue.batches()).extracting(DlqSummary.FailedBatch::failure)
                        .isEqualTo(fromHarness.batches().stream().map(DlqSummary.FailedBatch::failure).toList());
            }
        }
    }

    @Test
    void aQueueThatDoesNotExistIsNamedInTheError() {
        try (SqsDestination destination = new SqsDestination(client());
             StreamHarness h = poisonPill("arn:aws:sqs:us-east-1:000000000000:no-such-dlq")) {
            assertThatThrownBy(() -> destination.forward(h.deadLetterQueue()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the on-failure destination arn:aws:sqs:us-east-1:000000000000:no-such-dlq names "
                            + "queue no-such-dlq, which does not exist on the configured SQS endpoint; create it "
                            + "first (CreateQueue), or leave streamharness.sqs.endpoint unset to keep on-failure "
                            + "messages in-process");
        }
    }
}
