package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.DlqProcessor;
import io.github.streamharness.examples.analytics.DlqSummary;
import io.github.streamharness.examples.analytics.ShardRecord;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The whole chain against real servers: a real Kinesis stream, the mapping's on-failure message sent to a real SQS
 * queue (ElasticMQ on loopback) by the live harness itself, and the seed's DLQ processor run on the queue's messages,
 * reading the failed records back from Kinesis with GetShardIterator AT_SEQUENCE_NUMBER and GetRecords (rule 6.3).
 */
class LiveSqsDestinationTest {

    @Test
    void thePoisonPillTravelsFromTheStreamThroughTheQueueToTheDlqProcessor() { // rule 6.1, 6.3
        LiveSettings base = LiveSettings.fromSystemProperties().orElse(null);
        assumeTrue(base != null, "live test skipped: no -D" + LiveSettings.KINESIS_ENDPOINT);
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        try {
            String endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
            String name = "analytics-dlq-" + UUID.randomUUID().toString().substring(0, 8);
            String arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
            LiveKinesis live = new LiveKinesis(base.withSqsEndpoint(endpoint));
            try (SqsDestination queue = SqsDestination.at(endpoint);
                 StreamHarness stream = StreamHarness.builder().streamName("analytics-stream").backend(live)
                         .mapping(EventSourceMappingConfig.builder().batchSize(10).bisectBatchOnFunctionError(true)
                                 .maximumRetryAttempts(1).onFailureDestination(arn).build())
                         .handler((KinesisEvent e, Context c) -> ParityScenarios.rejectsMalformed(e, c)).build()) {
                queue.createQueue(name);
                stream.put("pk-1", "{\"metric\":\"cpu\",\"value\":1}");
                StreamRecord poison = stream.put("pk-7", "{not json");
                stream.put("pk-8", "{\"metric\":\"cpu\",\"value\":2}");

                stream.runUntilIdle();
                SQSEvent delivered = queue.readBack(arn);

                assertThat(delivered.getRecords()).extracting(SQSEvent.SQSMessage::getBody)
                        .containsExactly(stream.deadLetterQueue().messages().get(0).json());
                DlqSummary summary = new DlqProcessor((streamArn, shardId, start, end) -> {
                    assertThat(streamArn).isEqualTo(stream.streamArn());
                    var kinesis = live.kinesisClient();
                    String iterator = kinesis.getShardIterator(b -> b.streamName(live.streamName()).shardId(shardId)
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(start))
                            .shardIterator();
                    return kinesis.getRecords(b -> b.shardIterator(iterator)).records().stream()
                            .filter(r -> new java.math.BigInteger(r.sequenceNumber())
                                    .compareTo(new java.math.BigInteger(end)) <= 0)
                            .map(r -> new ShardRecord(shardId, r.sequenceNumber(), r.partitionKey(),
                                    r.data().asByteArray()))
                            .toList();
                }).handleRequest(delivered, null);
                assertThat(summary.malformedRecords()).extracting(ShardRecord::sequenceNumber,
                        ShardRecord::partitionKey).containsExactly(org.assertj.core.api.Assertions.tuple(
                                poison.sequenceNumber(), "pk-7"));
                assertThat(new String(summary.malformedRecords().get(0).data(), StandardCharsets.UTF_8))
                        .isEqualTo("{not json");
            }
        } finally {
            server.stopAndWait();
        }
    }
}
