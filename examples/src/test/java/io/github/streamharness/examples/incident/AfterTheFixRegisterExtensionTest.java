package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static io.github.streamharness.examples.incident.FunctionConfig.AFTER_THE_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.junit.KinesisStreamExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fixed configuration again, registered with the builder: the mapping comes from {@link FunctionConfig}, the
 * same object the demo runs, so the test and the deployed template cannot drift apart. The extension is an instance
 * field, so each test gets its own mock and handler.
 *
 * <p>Runbook step 3 (the mapping's fix), with the builder.
 */
class AfterTheFixRegisterExtensionTest {
    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

    @RegisterExtension
    final KinesisStreamExtension kinesis = KinesisStreamExtension.builder()
            .streamName("analytics-stream")
            .functionName("analytics-stream-processor")
            .mapping(AFTER_THE_FIX.mapping())
            .functionTimeout(AFTER_THE_FIX.timeout())
            .configure(harness -> harness.memorySize(AFTER_THE_FIX.memorySizeMb()))
            .handler(new AnalyticsStreamProcessor(dynamoDb))
            .build();

    @Test
    void thePoisonPillIsIsolatedAndTheShardKeepsUp(StreamHarness stream) {
        StreamRecord poisonPill = IncidentTraffic.write(stream).get(IncidentTraffic.POISON_INDEX);
        stream.advance(IncidentTraffic.INCIDENT);

        assertThat(stream).deadLetterQueue().containsOnly(poisonPill).hasMessageCount(1); // rule 4.7, 4.4
        assertThat(stream).shard(0).isNotBlocked().hasIteratorAgeAtMost(Duration.ofSeconds(10)); // rule 3.3
        assertThat(DynamoDbMock.countedSamples(dynamoDb)).isEqualTo(stream.ledger().count(RecordState.COMMITTED));
    }
}
