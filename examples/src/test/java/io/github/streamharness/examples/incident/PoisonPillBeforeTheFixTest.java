package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.junit.HandlerUnderTest;
import io.github.streamharness.junit.KinesisStreamTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The incident, cause A: with the template deployed at the time ({@code template-before-the-fix.yaml}: BatchSize
 * 200 and every other parameter at its AWS default, MaximumRetryAttempts -1, no bisection, no on-failure
 * destination), one poison pill blocks its shard until the record leaves the stream.
 *
 * <p>Runbook step 2 (the metrics: IteratorAge climbing to 45 minutes, Errors, Throttles 0) on the configuration of
 * the incident.
 */
@ExtendWith(MockitoExtension.class)
@KinesisStreamTest(template = "template-before-the-fix.yaml", function = "AnalyticsStreamProcessor")
class PoisonPillBeforeTheFixTest {
    @Mock
    DynamoDbClient dynamoDb;
    @HandlerUnderTest
    AnalyticsStreamProcessor handler;

    @BeforeEach
    void createHandler() {
        handler = new AnalyticsStreamProcessor(dynamoDb); // additive writes, throws on a malformed record
    }

    @Test
    void onePoisonPillBlocksItsShardAndTheIteratorAgeReaches45Minutes(StreamHarness stream) {
        List<StreamRecord> burst = IncidentTraffic.write(stream); // record 250 is the poison pill
        stream.advance(Duration.ofMinutes(45));

        // rule 3.3, 4.5: the batch 200..399 holds the pill; it fails and is retried, again and again
        assertThat(stream).shard(0)
                .hasCheckpointAt(burst.get(199))
                .isBlockedAt(burst.get(200))
                .isNotCaughtUp();
        // nothing after it is processed: not the rest of the burst, not 45 minutes of new traffic
        assertThat(stream.invocations()).neverDelivered(burst.get(400), burst.get(999));
        assertThat(stream.shard(0).records()).hasSizeGreaterThan(27_000);
        assertThat(DynamoDbMock.countedSamples(dynamoDb)).isEqualTo(200);
        // rule 10.1: the iterator age is the age of the blocked batch's first record: the whole incident
        assertThat(stream.position("shardId-000000000000").iteratorAge())
                .isCloseTo(Duration.ofMinutes(45), Duration.ofSeconds(1));
        // rule 4.3, 0.2: retried about once a minute, each time the same 200 records
        assertThat(stream.invocations().deliveryCount(burst.get(IncidentTraffic.POISON_INDEX))).isGreaterThan(40);
    }

    @Test
    void theRunbookReadsAsInTheIncidentIteratorAgeClimbsErrorsEveryRetryNoThrottleNoTimeout(StreamHarness stream) {
        IncidentTraffic.write(stream);
        stream.advance(Duration.ofMinutes(45));

        // step 1: no "Task timed out": this cause is a poison pill, not a slow function (rule 16.3)
        assertThat(stream.logs().query(Runbook.TIMEOUTS_QUERY)).isEmpty();
        assertThat(stream.logs()).hasNoTimeouts().containsLineMatching("^REPORT RequestId: ");
        // step 2: IteratorAge, maximum per 5 minutes, climbs to the incident's 2,700,000 ms (rule 10.1, 17.2)
        assertThat(stream.metrics()).metric("IteratorAge").maximumPer(Runbook.FIVE_MINUTES)
                .anyAtLeast(2_600_000).datapoints().hasSize(9)
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(io.github.streamharness.Datapoint::value));
        // Errors: every retry of the blocked batch fails; Throttles: none, so concurrency is not the cause (17.1)
        assertThat(stream.metrics()).metric("Errors").sumPer(Duration.ofMinutes(15)).allAtLeast(14);
        assertThat(stream.metrics()).metric("Throttles").hasNoDatapoints();
        // the fixed configuration's check fails here, showing every period over the bound
        assertThatThrownBy(() -> assertThat(stream.metrics()).metric("IteratorAge").maximumPer(Runbook.FIVE_MINUTES)
                .allBelow(Runbook.MAX_ITERATOR_AGE_MS))
                .hasMessage(String.format("Expecting every datapoint of the 5m MAXIMUM of IteratorAge "
                        + "(AWS/Lambda FunctionName=analytics-stream-processor)%nto be below 60,000%n"
                        + "but 9 of 9 were not:%n"
                        + "  2026-01-01T00:00:00Z  243,000%n  2026-01-01T00:05:00Z  543,000%n"
                        + "  2026-01-01T00:10:00Z  843,000%n  2026-01-01T00:15:00Z  1,143,000%n"
                        + "  2026-01-01T00:20:00Z  1,443,000%n  2026-01-01T00:25:00Z  1,743,000%n"
                        + "  2026-01-01T00:30:00Z  2,043,000%n  2026-01-01T00:35:00Z  2,343,000%n"
                        + "  2026-01-01T00:40:00Z  2,643,000"));
    }
}
