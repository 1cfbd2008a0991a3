package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;

import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.junit.HandlerUnderTest;
import io.github.streamharness.junit.KinesisStreamTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The example of README.md, verbatim between the markers, so the first code a newcomer reads compiles and passes.
 *
 * <p>Runbook step 3 (the mapping's fix), in the shortest form.
 */
// README:begin
@ExtendWith(MockitoExtension.class)
@KinesisStreamTest(template = "template.yaml", function = "AnalyticsStreamProcessor") // the SAM template you deploy
class ReadmeExampleTest {
    @Mock DynamoDbClient dynamoDb;
    @HandlerUnderTest AnalyticsStreamProcessor handler;
    @BeforeEach void createHandler() { handler = new AnalyticsStreamProcessor(dynamoDb); }

    @Test
    void thePoisonPillLandsAloneInTheDlq(StreamHarness stream, DeadLetterQueue dlq) {
        StreamRecord poisonPill = IncidentTraffic.write(stream).get(250); // 1,000 records + 45 min of traffic
        stream.runUntilIdle();                                            // 45 virtual minutes in a second
        assertThat(dlq).containsOnly(poisonPill).hasMessageCount(1);
        assertThat(stream).shard(0).isNotBlocked().hasIteratorAgeAtMost(Duration.ofSeconds(10));
    }
}
// README:end
