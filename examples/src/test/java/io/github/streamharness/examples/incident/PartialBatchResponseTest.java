package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static io.github.streamharness.examples.incident.FunctionConfig.AFTER_THE_FIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.examples.analytics.AnalyticsConfig;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.examples.analytics.FailureReporting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Partial batch responses (ReportBatchItemFailures) with the fixed mapping: the pattern from the AWS docs (process
 * in order, stop at the first failure, report its sequence number) next to a handler that carries on after a failure
 * and reports it. Lambda checkpoints before the lowest reported record and redelivers everything after it
 * (rule 5.5). The remainder then starts at the pill, so the next report names its first record: that is no
 * progress, the remainder is retried whole and never bisected (rule 5.7), and when its retries run out the pill
 * goes to the on-failure destination together with every record after it. Bisection isolates a pill only when the
 * handler fails the invocation (throws, or a whole-batch failure response); see AfterTheFixTest.
 *
 * <p>Runbook step 3, the alternative to bisection: ReportBatchItemFailures.
 */
class PartialBatchResponseTest {
    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

    /** Runs ten cpu samples of one host, the fifth a poison pill, through a handler reporting failures this way. */
    private StreamHarness run(FailureReporting reporting, List<StreamRecord> records) {
        StreamHarness stream = AFTER_THE_FIX.harness(1)
                .mapping(AFTER_THE_FIX.mapping().toBuilder()
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler(new AnalyticsStreamProcessor(dynamoDb,
                        AnalyticsConfig.defaults().withFailureReporting(reporting)))
                .build();
        IntStream.range(0, 10).mapToObj(i -> stream.put("host-7", i == 4 ? "{\"metric\":\"cpu\",\"val"
                        : "{\"metric\":\"cpu\",\"value\":" + i + ",\"timestamp\":\"2026-01-01T00:00:0" + i + "Z\"}"))
                .forEach(records::add);
        stream.runUntilIdle();
        return stream;
    }

    @Test
    void stoppingAtTheFirstFailureSendsThePillAndEveryRecordAfterItToTheDlq() { // the AWS docs pattern
        List<StreamRecord> records = new ArrayList<>();
        try (StreamHarness stream = run(FailureReporting.REPORT_FIRST_FAILURE, records)) {
            // rule 5.5, 5.7, 5.6: the remainder [pill .. record 9] is reported failed at its first record every
            // time, so it is retried whole (MaximumRetryAttempts 3: 4 invocations) and then discarded as one batch
            assertThat(stream).deadLetterQueue().containsOnly(records.subList(4, 10).toArray(StreamRecord[]::new))
                    .hasMessageCount(1);
            assertThat(stream.deadLetterQueue().messages().get(0).approximateInvokeCount()).isEqualTo(4);
            // record 9 is delivered five times (the whole batch, then the remainder four times), but the handler
            // stopped at the pill every time: DynamoDB counts only the four records before it
            assertThat(stream.invocations()).deliveredTimes(records.get(9), 5).redeliveredOnlyAfterFailure();
            assertThat(DynamoDbMock.countedSamples(dynamoDb)).isEqualTo(4);
        }
    }

    @Test
    void continuingAfterAFailureCountsTheRecordsAfterItAgainOnEveryRedelivery() { // rule 5.5, 5.7, 13.3
        List<StreamRecord> records = new ArrayList<>();
        try (StreamHarness stream = run(FailureReporting.REPORT_ALL_FAILURES, records)) {
            StreamRecord poisonPill = records.get(4);

            assertThat(stream).deadLetterQueue().containsOnly(records.subList(4, 10).toArray(StreamRecord[]::new));
            // the same deliveries, but this handler wrote the records after the pill every time it saw them
            assertThat(stream.invocations()).deliveredTimes(records.get(9), 5);
            long deliveriesOfGoodRecords = records.stream().filter(r -> !r.equals(poisonPill))
                    .mapToLong(r -> stream.invocations().deliveryCount(r)).sum();
            assertThat(DynamoDbMock.countedSamples(dynamoDb)).isEqualTo(deliveriesOfGoodRecords).isEqualTo(29);
            // 9 samples counted as 29: 20 duplicates in the aggregates, and five of them also in the DLQ
        }
    }
}
