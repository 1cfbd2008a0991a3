package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each decision the lane carries out is one line of the mapping's timeline, at the virtual time it was taken, naming
 * the rule (a throttle, a bisection, a retry, a discard, a partial batch response, the checkpoint moves), and each
 * waits the back-off it says.
 */
class DecisionTimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void eachDecisionIsOneTimelineLineWithItsRuleAtTheTimeItWasTaken() { // rule 4.2, 4.3, 4.4, 4.7, 5.5, 15.3
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onInvocation(1).throttle();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(4)
                .bisectBatchOnFunctionError(true).maximumRetryAttempts(1)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build(),
                (RequestHandler<KinesisEvent, StreamsEventResponse>) (e, c) -> {
                    List<KinesisEvent.KinesisEventRecord> records = e.getRecords();
                    if (records.stream().anyMatch(r -> r.getKinesis().getPartitionKey().equals("poison"))) {
                        throw new IllegalStateException("poison");
                    }
                    if (records.size() == 2) { // [c, d]: d failed
                        return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                                StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(
                                        records.get(1).getKinesis().getSequenceNumber()).build())).build();
                    }
                    return null;
                });
        h.put("poison", "x");
        h.put("b", "x");
        h.put("c", "x");
        h.put("d", "x");
        h.runUntilIdle();

        assertThat(f.invocations().all()).extracting(i -> i.startedAt() + " #" + i.number() + " attempt "
                + i.attempt() + " " + i.outcome().label() + " of " + i.records().size()).containsExactly(
                "2026-01-01T00:00:00Z #1 attempt 1 THROTTLED of 4",
                "2026-01-01T00:00:01Z #2 attempt 1 ERROR java.lang.IllegalStateException of 4",
                "2026-01-01T00:00:01Z #3 attempt 1 ERROR java.lang.IllegalStateException of 2",
                "2026-01-01T00:00:01Z #4 attempt 1 ERROR java.lang.IllegalStateException of 1",
                "2026-01-01T00:00:02Z #5 attempt 2 ERROR java.lang.IllegalStateException of 1",
                "2026-01-01T00:00:02Z #6 attempt 1 OK of 1",
                "2026-01-01T00:00:02Z #7 attempt 1 PARTIAL (1 committed, retry from 4900...003) of 2",
                "2026-01-01T00:00:03Z #8 attempt 1 OK of 1");
        assertThat(f.invocations().timeline()).extracting(t -> t.at() + " " + t.kind() + " " + t.text())
                .containsExactly(
                        T0 + " RETRY invocation #1 throttled (Rate Exceeded. (injected throttle)), not a retry "
                                + "attempt; batch [...000000.....000003] (4 records) retried in PT1S (rule 15.3, 4.2)",
                        T0.plusSeconds(1) + " BISECT batch of 4 [...000000.....000003] (4 records) split into 2 + 2;"
                                + " the left half goes first, no retry counted (rule 4.7, 0.1)",
                        T0.plusSeconds(1) + " BISECT batch of 2 [...000000.....000001] (2 records) split into 1 + 1;"
                                + " the left half goes first, no retry counted (rule 4.7, 0.1)",
                        T0.plusSeconds(1) + " RETRY attempt 1 of 2 failed; batch [...000000] (1 record) retried in "
                                + "PT1S (rule 4.3, 0.2)",
                        T0.plusSeconds(2) + " ON_FAILURE 1 record(s) [...000000] (1 record) discarded "
                                + "(RetryAttemptsExhausted, approximateInvokeCount 2): no on-failure destination is "
                                + "configured, so AWS skips them (rule 4.4)",
                        T0.plusSeconds(2) + " CHECKPOINT checkpoint -> ...000000",
                        T0.plusSeconds(2) + " CHECKPOINT checkpoint -> ...000001",
                        T0.plusSeconds(2) + " CHECKPOINT checkpoint -> ...000002",
                        T0.plusSeconds(2) + " RETRY partial batch response: 1 record(s) committed; the remaining 1 "
                                + "from the lowest reported failure are retried as a new batch with a fresh retry "
                                + "count in PT1S (rule 5.5, 5.6)",
                        T0.plusSeconds(3) + " CHECKPOINT checkpoint -> ...000003");
        assertThat(f.invocations().timeline()).filteredOn(TimelineEntry::isWarning)
                .extracting(TimelineEntry::warning).containsExactly(WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION);
        f.ledger().verify();
    }

    @Test
    void aRecordSentToTheDestinationIsOneTimelineLineNamingTheQueueAndTheCondition() { // rule 4.4, 6.1
        String dlq = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq";
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                .onFailureDestination(dlq).build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    throw new IllegalStateException("poison");
                });
        h.put("poison", "x");
        h.runUntilIdle();

        assertThat(f.invocations().timeline()).extracting(t -> t.at() + " " + t.kind() + " " + t.text())
                .containsExactly(
                        T0 + " ON_FAILURE 1 record(s) [...000000] (1 record) sent to " + dlq
                                + " as RetryAttemptsExhausted (approximateInvokeCount 1)",
                        T0 + " CHECKPOINT checkpoint -> ...000000");
        f.ledger().verify();
    }
}
