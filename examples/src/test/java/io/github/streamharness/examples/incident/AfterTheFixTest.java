package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.OnFailureCondition;
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
 * The fixed configuration, read from the deployed {@code template.yaml}: the poison pill is isolated
 * by bisection and sent alone to the SQS on-failure destination, everything else is aggregated, and the shard keeps
 * up. {@link AfterTheFixUnderInjectedFaultsTest} runs these tests again with faults injected.
 *
 * <p>Runbook step 3 (BatchSize, ParallelizationFactor, BisectBatchOnFunctionError, MaximumRetryAttempts, the on-
 * failure destination), proved on the configuration that ships.
 */
@ExtendWith(MockitoExtension.class)
@KinesisStreamTest(template = "template.yaml", function = "AnalyticsStreamProcessor")
class AfterTheFixTest {
    @Mock
    DynamoDbClient dynamoDb;
    @HandlerUnderTest
    AnalyticsStreamProcessor handler;

    @BeforeEach
    void createHandler() {
        handler = new AnalyticsStreamProcessor(dynamoDb);
    }

    @Test
    void thePoisonPillLandsAloneInTheDlqAndEveryOtherRecordIsAggregated(StreamHarness stream, DeadLetterQueue dlq) {
        StreamRecord poisonPill = IncidentTraffic.write(stream).get(IncidentTraffic.POISON_INDEX);
        stream.runUntilIdle(); // the 45 minutes of traffic, then until every record is done

        // rule 4.7, 0.1: bisected down to the pill alone; rule 4.4, 1.7: 1 + 3 retries, then the destination
        assertThat(dlq).containsOnly(poisonPill).hasMessageCount(1)
                .hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted);
        assertThat(dlq.messages().get(0).approximateInvokeCount()).isEqualTo(4);
        // every other record reached DynamoDB once: a failed batch writes nothing, so bisection double counts nothing
        assertThat(DynamoDbMock.countedSamples(dynamoDb)).isEqualTo(stream.ledger().total() - 1);
        assertThat(stream).hasConsistentLedger();
    }

    @Test
    void theShardIsNotBlockedAndTheIteratorAgeStaysLow(StreamHarness stream) {
        IncidentTraffic.write(stream);
        stream.advance(IncidentTraffic.INCIDENT);

        // rule 3.2, 3.3: a failing batch holds back one lane of ten, and only until the pill is discarded
        assertThat(stream).shard(0).isNotBlocked().hasIteratorAgeAtMost(Duration.ofSeconds(10));
    }

    @Test
    void theRunbookReadsHealthyIteratorAgeUnderAMinuteOnlyThePillsErrorsNoThrottles(StreamHarness stream) {
        IncidentTraffic.write(stream);
        stream.advance(IncidentTraffic.INCIDENT);

        assertThat(stream.logs().query(Runbook.TIMEOUTS_QUERY)).isEmpty(); // step 1 (rule 16.3)
        // step 2: IteratorAge, maximum per 5 minutes, below 60 s in every period (rule 10.1, 17.2)
        assertThat(stream.metrics()).metric("IteratorAge").maximumPer(Runbook.FIVE_MINUTES)
                .allBelow(Runbook.MAX_ITERATOR_AGE_MS).datapoints().hasSize(10); // 00:00 to 00:45 inclusive
        assertThat(stream.metrics()).metric("IteratorAgeMilliseconds", "shardId-000000000000")
                .maximumPer(Runbook.FIVE_MINUTES).allBelow(Runbook.MAX_ITERATOR_AGE_MS);
        // Errors: only the bisection down to the pill and its four attempts, all in the first minute (rule 4.7)
        assertThat(stream.metrics()).metric("Errors").sumPer(Duration.ofMinutes(1)).datapoints()
                .filteredOn(d -> d.value() > 0).singleElement()
                .satisfies(d -> assertThat(d.timestamp()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(stream.metrics()).metric("Throttles").hasNoDatapoints();
        assertThat(stream.metrics()).metric("OnFailureDestinationDeliveredEventCount").hasTotal(1);
        assertThat(stream.metrics()).metric("DroppedEventCount").hasNoDatapoints();
    }
}
