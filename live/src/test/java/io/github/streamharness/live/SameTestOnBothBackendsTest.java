package io.github.streamharness.live;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One scenario, written once, on the in-process stream and on a real Kinesis API (skipped without an endpoint). */
class SameTestOnBothBackendsTest {
    private static final String DLQ = "arn:aws:sqs:us-east-1:000000000000:analytics-dlq";

    @ParameterizedTest
    @EnumSource(KinesisBackend.class)
    void thePoisonPillLandsAloneInTheDlqAndEveryOtherRecordIsProcessed(KinesisBackend backend) { // rule 4.7
        List<String> processed = new ArrayList<>();
        try (StreamHarness stream = backend.build(StreamHarness.builder().streamName("analytics-stream")
                .mapping(EventSourceMappingConfig.builder().batchSize(100).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(3).onFailureDestination(DLQ).build())
                .handler((KinesisEvent event, Context context) -> {
                    ParityScenarios.rejectsMalformed(event, context);
                    event.getRecords().forEach(r -> processed.add(r.getKinesis().getPartitionKey()));
                    return null;
                }))) {
            stream.put("pk-1", "{\"metric\":\"cpu\",\"value\":1}");
            StreamRecord poison = stream.put("pk-7", "{not json");
            stream.put("pk-8", "{\"metric\":\"cpu\",\"value\":2}");

            stream.runUntilIdle();

            assertThat(stream.deadLetterQueue()).containsOnly(poison);
            org.assertj.core.api.Assertions.assertThat(processed).containsExactly("pk-1", "pk-8");
            org.assertj.core.api.Assertions.assertThat(stream.checkpoint(poison.shardId()))
                    .contains(stream.shard(0).records().get(2).sequenceNumber());
        }
    }

    @ParameterizedTest
    @EnumSource(KinesisBackend.class)
    void theHandlerGetsTheStreamsOwnShardIdSequenceNumberAndArn(KinesisBackend backend) { // rule 7.1
        List<KinesisEvent.KinesisEventRecord> seen = new ArrayList<>();
        try (StreamHarness stream = backend.build(StreamHarness.builder()
                .handler((KinesisEvent event, Context context) -> seen.addAll(event.getRecords())))) {
            StreamRecord put = stream.put("pk-1", "hello");

            stream.runUntilIdle();

            org.assertj.core.api.Assertions.assertThat(seen).singleElement().satisfies(r -> {
                org.assertj.core.api.Assertions.assertThat(r.getEventID())
                        .isEqualTo(put.shardId() + ":" + put.sequenceNumber());
                org.assertj.core.api.Assertions.assertThat(r.getEventSourceARN()).isEqualTo(stream.streamArn());
                org.assertj.core.api.Assertions.assertThat(r.getKinesis().getSequenceNumber())
                        .isEqualTo(put.sequenceNumber());
            });
        }
    }
}
