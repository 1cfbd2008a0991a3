package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static io.github.streamharness.examples.incident.FunctionConfig.AFTER_THE_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fixed configuration a third time, without the JUnit extension: {@link StreamHarness} is plain Java, so the
 * same lines work from TestNG, Spock or a {@code main}. Only {@code @Test} is JUnit here.
 *
 * <p>Runbook step 3 (the mapping's fix), without JUnit.
 */
class AfterTheFixPlainHarnessTest {

    @Test
    void thePoisonPillIsIsolatedAndTheShardKeepsUp() {
        DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
        try (StreamHarness stream = AFTER_THE_FIX.harness(1)
                .mapping(AFTER_THE_FIX.mapping())
                .handler(new AnalyticsStreamProcessor(dynamoDb))
                .build()) {
            StreamRecord poisonPill = IncidentTraffic.write(stream).get(IncidentTraffic.POISON_INDEX);
            stream.advance(IncidentTraffic.INCIDENT);

            assertThat(stream).deadLetterQueue().containsOnly(poisonPill).hasMessageCount(1); // rule 4.7, 4.4
            assertThat(stream).shard(0).isNotBlocked().hasIteratorAgeAtMost(Duration.ofSeconds(10)); // rule 3.3
            assertThat(DynamoDbMock.countedSamples(dynamoDb))
                    .isEqualTo(stream.ledger().count(RecordState.COMMITTED));
            assertThat(stream).hasConsistentLedger(); // the extension checks this after every test; here we ask
        }
    }
}
