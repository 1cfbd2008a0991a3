package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static io.github.streamharness.mockito.VirtualTimeAnswers.returnAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.junit.HandlerUnderTest;
import io.github.streamharness.junit.KinesisStreamTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The incident, cause B: DynamoDB is throttled and every write takes 25 s. A batch of one metric and minute makes
 * three writes (the ADD of count and sum, then min and max), 75 virtual seconds. The fixed deployment
 * ({@code template.yaml}) with the old 30 s timeout (the attribute wins over the template) and as deployed (120 s).
 *
 * <p>Runbook step 4 (the function timeout), cause B; and step 1: the runbook's Logs Insights query finds one
 * "Task timed out" line per invocation with the old timeout, none with the new one.
 */
@ExtendWith(MockitoExtension.class)
class SlowDynamoDbTimeoutTest {
    @Mock
    DynamoDbClient dynamoDb;
    @HandlerUnderTest
    AnalyticsStreamProcessor handler;

    @BeforeEach
    void createHandler() {
        handler = new AnalyticsStreamProcessor(dynamoDb);
    }

    /** Every UpdateItem spends 25 s of the invocation's virtual time before it answers. */
    private void everyWriteTakes25Seconds(StreamHarness stream) {
        when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenAnswer(
                returnAfter(stream.clock(), Duration.ofSeconds(25), UpdateItemResponse.builder().build()));
    }

    /** Ten cpu samples of one host (so one lane, one batch) in one minute (so one aggregate). */
    private static StreamRecord[] tenCpuSamples(StreamHarness stream) {
        return IntStream.range(0, 10).mapToObj(i -> stream.put("host-7",
                "{\"metric\":\"cpu\",\"value\":0." + i + ",\"timestamp\":\"2026-01-01T00:00:0" + i + "Z\"}"))
                .toArray(StreamRecord[]::new);
    }

    @Nested
    @KinesisStreamTest(template = "template.yaml", function = "AnalyticsStreamProcessor", timeoutSeconds = 30)
    class WithTheOld30SecondTimeout {
        @Test
        void everyInvocationTimesOutAndTheRecordsEndInTheDlq(StreamHarness stream, DeadLetterQueue dlq) {
            everyWriteTakes25Seconds(stream);
            StreamRecord[] samples = tenCpuSamples(stream);
            stream.runUntilIdle();

            // rule 0.4: the second write crosses 30 s; the invocation ends there as "Task timed out"
            List<Invocation> invocations = stream.invocations().all();
            assertThat(stream.invocations()).hasTimeouts(invocations.size());
            assertThat(invocations).extracting(Invocation::duration).containsOnly(Duration.ofSeconds(30));
            // rule 4.7, 4.4: bisection cannot help a batch that is slow as a whole: all ten are discarded
            assertThat(dlq).containsOnly(samples).hasMessageCount(10);

            // the runbook's step 1 finds one "Task timed out" line per invocation, oldest first (rule 16.3)
            List<Map<String, String>> rows = stream.logs().query(Runbook.TIMEOUTS_QUERY);
            assertThat(rows).hasSize(invocations.size()).allSatisfy(row -> assertThat(row.get("@message"))
                    .endsWith(" Task timed out after 30.00 seconds"));
            assertThat(rows.get(0)).containsEntry("@timestamp", "2026-01-01 00:00:35.000"); // 5 s window + 30 s
            // Errors count the timeouts (rule 17.1); Throttles: none
            assertThat(stream.metrics()).metric("Errors").hasTotal(invocations.size());
            assertThat(stream.metrics()).metric("Duration").maximumPer(Duration.ofMinutes(5)).allAtLeast(30_000);
            assertThat(stream.metrics()).metric("Throttles").hasNoDatapoints();
        }
    }

    @Nested
    @KinesisStreamTest(template = "template.yaml", function = "AnalyticsStreamProcessor")
    class WithTheNew120SecondTimeout {
        @Test
        void theSlowBatchCompletesOnceWithoutATimeout(StreamHarness stream, DeadLetterQueue dlq) {
            everyWriteTakes25Seconds(stream);
            StreamRecord[] samples = tenCpuSamples(stream);
            stream.runUntilIdle();

            assertThat(stream.invocations().all()).singleElement().satisfies(invocation -> {
                assertThat(invocation.outcome().isSuccess()).isTrue();
                assertThat(invocation.duration()).isEqualTo(Duration.ofSeconds(75));
            });
            assertThat(stream.invocations()).deliveredExactlyOnce(samples);
            assertThat(dlq).isEmpty();

            // the runbook after the fix: the query finds nothing, no errors; the REPORT line says 75 s (section 16)
            assertThat(stream.logs().query(Runbook.TIMEOUTS_QUERY)).isEmpty();
            assertThat(stream.logs()).hasNoTimeouts()
                    .containsLineMatching("^REPORT RequestId: \\S+\tDuration: 75000\\.00 ms\t");
            assertThat(stream.metrics()).metric("Errors").hasTotal(0);
            assertThat(stream.metrics()).metric("Throttles").hasNoDatapoints();
        }
    }
}
