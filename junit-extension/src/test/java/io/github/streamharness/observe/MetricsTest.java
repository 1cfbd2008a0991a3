package io.github.streamharness.observe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.Datapoint;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Metrics;
import io.github.streamharness.Statistic;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The function's CloudWatch metrics: what each counts and when (section 17, 10), and get-metric-statistics. */
class MetricsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private static String text(KinesisEvent e) {
        return StandardCharsets.UTF_8.decode(e.getRecords().get(0).getKinesis().getData()).toString();
    }

    private static RequestHandler<KinesisEvent, Void> failing() {
        return (e, c) -> {
            throw new IllegalStateException("boom");
        };
    }

    private static double sum(Metrics m, String name) {
        return m.total(name, Statistic.SUM);
    }

    @Test
    void invocationsExcludeThrottlesWhichCountAtEachThrottledAttempt() {
        // rule 17.1, 17.2, 10.2: Throttles are not counted in Invocations
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        h.faults().always().times(2).throttle();
        h.put("pk", "a");
        h.runUntilIdle();

        Metrics m = h.metrics();
        assertThat(h.invocations().count()).isEqualTo(3); // two throttled attempts, one that ran
        assertThat(m.statistics("Throttles", Statistic.SUM, SECOND))
                .containsExactly(new Datapoint(T0, 1), new Datapoint(T0.plusSeconds(1), 1)); // back-off 1 s
        assertThat(m.statistics("Invocations", Statistic.SUM, SECOND))
                .containsExactly(new Datapoint(T0.plusSeconds(3), 1)); // then 2 s
    }

    @Test
    void errorsIncludeTimeoutsAndExceptionsButNotABatchFailureResponseWhichFailsOnlyTheEvents() {
        // rule 17.1: Errors are function errors, timeouts included; 10.2: FailedInvokeEventCount
        StreamHarness[] self = new StreamHarness[1];
        RequestHandler<KinesisEvent, Object> handler = (e, c) -> {
            switch (text(e)) {
                case "sleep" -> self[0].clock().sleep(Duration.ofSeconds(5));
                case "throw" -> throw new IllegalArgumentException("bad record");
                case "bad-response" -> {
                    return Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "not-a-number")));
                }
                default -> {
                }
            }
            return null;
        };
        self[0] = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(1)
                        .maximumRetryAttempts(0).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                        .build())
                .handler(handler).build();
        for (String data : List.of("ok", "sleep", "throw", "bad-response")) {
            self[0].put("pk", data);
        }
        self[0].runUntilIdle();

        Metrics m = self[0].metrics();
        assertThat(sum(m, "Invocations")).isEqualTo(4);
        assertThat(sum(m, "Errors")).isEqualTo(2); // the timeout and the exception
        assertThat(m.total("Errors", Statistic.SAMPLE_COUNT)).isEqualTo(4); // 0 or 1 per invocation
        assertThat(m.total("Errors", Statistic.AVERAGE)).isEqualTo(0.5); // the error rate
        assertThat(sum(m, "FailedInvokeEventCount")).isEqualTo(3); // the response failed its batch too
        assertThat(m.statistics("Errors", Statistic.SUM, SECOND)).extracting(Datapoint::timestamp)
                .containsExactly(T0, T0.plusSeconds(3)); // at invoke end: the timeout ended at 3 s
    }

    @Test
    void iteratorAgeIsTheAgeOfTheBatchsLastRecordAtInvokeStartAlsoPerShard() {
        // rule 10.1, 0.5, 17.2
        StreamHarness[] self = new StreamHarness[1];
        self[0] = StreamHarness.builder().functionTimeout(Duration.ofSeconds(30))
                .mapping(EventSourceMappingConfig.builder().maximumBatchingWindowInSeconds(5).build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    self[0].clock().sleep(Duration.ofSeconds(10));
                    return null;
                }).build();
        StreamHarness h = self[0];
        h.put("pk", "first");
        h.advance(Duration.ofSeconds(2));
        h.put("pk", "last");
        h.runUntilIdle();

        assertThat(h.invocations().all()).singleElement()
                .satisfies(i -> assertThat(i.startedAt()).isEqualTo(T0.plusSeconds(5)));
        // 5 s - 2 s: the last record's age when the window closed, not the first record's (5 s), not at the end (13 s)
        List<Datapoint> expected = List.of(new Datapoint(T0, 3000));
        assertThat(h.metrics().statistics("IteratorAge", Statistic.MAXIMUM, Duration.ofMinutes(5)))
                .isEqualTo(expected);
        assertThat(h.metrics().statistics("IteratorAgeMilliseconds", Statistic.MAXIMUM, Duration.ofMinutes(5),
                "shardId-000000000000")).isEqualTo(expected);
        assertThat(h.metrics().statistics("IteratorAge", Statistic.MAXIMUM, SECOND))
                .extracting(Datapoint::timestamp).containsExactly(T0.plusSeconds(5)); // at invoke start
    }

    @Test
    void shardLevelIteratorAgeIsKeptPerShard() {
        // rule 17.2
        StreamHarness[] self = new StreamHarness[1];
        self[0] = StreamHarness.builder().shards(2).mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    self[0].clock().sleep(Duration.ofSeconds(2));
                    return null;
                }).build();
        StreamHarness h = self[0];
        String busy = h.put("pk-1", "a").shardId();
        h.put("pk-1", "b"); // waits 2 s for the first batch of its shard
        h.runUntilIdle();
        String idle = h.shards().stream().map(s -> s.id()).filter(id -> !id.equals(busy)).findFirst().orElseThrow();

        assertThat(h.metrics().statistics("IteratorAgeMilliseconds", Statistic.MAXIMUM, HOUR, busy))
                .containsExactly(new Datapoint(T0, 0)); // both went in one batch at once
        assertThat(h.metrics().statistics("IteratorAgeMilliseconds", Statistic.MAXIMUM, HOUR, idle)).isEmpty();
    }

    @Test
    void droppedEventCountCountsRecordsDiscardedWithoutADestinationOnly() {
        // rule 10.2: DroppedEventCount excludes retention expiry and records delivered to a destination
        StreamHarness stream = StreamHarness.builder().build();
        for (int i = 0; i < 3; i++) {
            stream.put("pk", "r" + i);
        }
        MappedFunction dropped = stream.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                failing(), FunctionSettings.named("drops"));
        MappedFunction delivered = stream.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq").build(), failing(),
                FunctionSettings.named("delivers"));
        MappedFunction expired = stream.addMapping(EventSourceMappingConfig.defaults(), failing(),
                FunctionSettings.named("expires"));
        MappedFunction tooOld = stream.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60)
                .build(), failing(), FunctionSettings.named("ages"));
        stream.runUntilIdle();

        assertThat(sum(dropped.metrics(), "DroppedEventCount")).isEqualTo(3);
        assertThat(sum(dropped.metrics(), "OnFailureDestinationDeliveredEventCount")).isZero();
        assertThat(sum(delivered.metrics(), "DroppedEventCount")).isZero();
        assertThat(sum(delivered.metrics(), "OnFailureDestinationDeliveredEventCount")).isEqualTo(3);
        assertThat(expired.ledger().counts().get(io.github.streamharness.RecordState.EXPIRED_BY_RETENTION))
                .isEqualTo(3);
        assertThat(expired.metrics().statistics("DroppedEventCount", Statistic.SUM, HOUR)).isEmpty();
        assertThat(sum(tooOld.metrics(), "DroppedEventCount")).isEqualTo(3); // MaximumRecordAgeInSeconds
    }

    @Test
    void aFailedDeliveryToTheDestinationIsADestinationDeliveryFailure() {
        // rule 17.1, 6.5
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq.fifo").build()).handler(failing())
                .build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();

        assertThat(sum(h.metrics(), "DestinationDeliveryFailures")).isEqualTo(1); // one message, not delivered
        assertThat(sum(h.metrics(), "OnFailureDestinationDeliveredEventCount")).isZero();
        assertThat(sum(h.metrics(), "DroppedEventCount")).isEqualTo(2);
    }

    @Test
    void eventCountsCountPolledRecordsOnceAndInvokedRecordsOnEveryAttempt() {
        // rule 10.2: InvokedEventCount counts again on each retry; PolledEventCount and FilteredOutEventCount at the poll
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(10)
                        .maximumRetryAttempts(1).filterPatterns("{\"data\":{\"keep\":[true]}}").build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        h.faults().onInvocation(1).fail("once");
        for (int i = 0; i < 25; i++) {
            h.put("pk", "{\"keep\":" + (i % 5 != 0) + "}");
        }
        h.runUntilIdle();

        Metrics m = h.metrics();
        assertThat(sum(m, "PolledEventCount")).isEqualTo(25);
        assertThat(sum(m, "FilteredOutEventCount")).isEqualTo(5);
        assertThat(m.total("FilteredOutEventCount", Statistic.MINIMUM)).isZero(); // emits 0 when records match
        assertThat(sum(m, "InvokedEventCount")).isEqualTo(30); // 20 records, the first batch of 10 twice
        assertThat(sum(m, "FailedInvokeEventCount")).isEqualTo(10);
    }

    @Test
    void concurrentExecutionsIsTheMostInvocationsRunningAtOnce() {
        // rule 17.1
        StreamHarness[] self = new StreamHarness[1];
        self[0] = StreamHarness.builder().functionTimeout(Duration.ofSeconds(30))
                .mapping(EventSourceMappingConfig.builder().parallelizationFactor(3).build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    self[0].clock().sleep(Duration.ofSeconds(10));
                    return null;
                }).build();
        for (int i = 0; i < 60; i++) {
            self[0].put("key-" + i, "x");
        }
        self[0].runUntilIdle();
        self[0].put("key-0", "later, alone");
        self[0].runUntilIdle();

        List<Datapoint> perMinute = self[0].metrics().statistics("ConcurrentExecutions", Statistic.MAXIMUM,
                Duration.ofMinutes(1));
        assertThat(perMinute).containsExactly(new Datapoint(T0, 3));
        assertThat(self[0].metrics().statistics("ConcurrentExecutions", Statistic.MAXIMUM, SECOND))
                .last().isEqualTo(new Datapoint(T0.plusSeconds(10), 1)); // the others ended as it started
    }

    @Test
    void durationIsTheHandlersOwnTimeWithoutTheInitPhase() {
        // rule 17.1, 0.15
        StreamHarness[] self = new StreamHarness[1];
        self[0] = StreamHarness.builder().functionTimeout(Duration.ofSeconds(30))
                .mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    self[0].clock().sleep(Duration.ofMillis(250));
                    return null;
                }).build();
        self[0].faults().coldStarts(Duration.ofSeconds(2));
        self[0].put("pk", "a");
        self[0].runUntilIdle();

        assertThat(self[0].metrics().statistics("Duration", Statistic.MAXIMUM, HOUR))
                .containsExactly(new Datapoint(T0, 250));
    }

    @Test
    void periodsAlignToMultiplesOfThePeriodSinceTheEpochAndOnlyPeriodsWithDataAreReturned() {
        // rule 17.2
        StreamHarness h = StreamHarness.builder().startTime(Instant.parse("2026-01-01T00:03:20Z"))
                .mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.advance(Duration.ofSeconds(1));
        h.put("pk", "c");
        h.advance(Duration.ofMinutes(9));
        h.put("pk", "d");
        h.runUntilIdle();

        Duration five = Duration.ofMinutes(5);
        assertThat(h.metrics().statistics("Invocations", Statistic.SUM, five)).containsExactly(
                new Datapoint(Instant.parse("2026-01-01T00:00:00Z"), 2),
                new Datapoint(Instant.parse("2026-01-01T00:10:00Z"), 1)); // nothing for 00:05
        assertThat(h.metrics().statistics("InvokedEventCount", Statistic.SAMPLE_COUNT, five))
                .extracting(Datapoint::value).containsExactly(2.0, 1.0);
        assertThat(h.metrics().statistics("InvokedEventCount", Statistic.AVERAGE, five))
                .extracting(Datapoint::value).containsExactly(1.5, 1.0);
        assertThat(h.metrics().statistics("InvokedEventCount", Statistic.MINIMUM, five))
                .extracting(Datapoint::value).containsExactly(1.0, 1.0);
        assertThat(h.metrics().statistics("InvokedEventCount", Statistic.MAXIMUM, Duration.ofSeconds(7)))
                .containsExactly(new Datapoint(Instant.parse("2026-01-01T00:03:16Z"), 2), // 00:03:20 and 00:03:21
                        new Datapoint(Instant.parse("2026-01-01T00:12:15Z"), 1)); // multiples of 7 s since the epoch
    }

    @Test
    void idleLanesRecordNothing() {
        // rule 17.2: an empty poll records nothing
        StreamHarness h = StreamHarness.builder().shards(4).mapping(EventSourceMappingConfig.builder()
                .parallelizationFactor(10).build()).handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null)
                .build();
        h.put("pk", "a");
        h.advance(HOUR);

        assertThat(h.metrics().statistics("PolledEventCount", Statistic.SAMPLE_COUNT, HOUR))
                .containsExactly(new Datapoint(T0, 1));
    }

    @Test
    void badQueriesFailWithWhatToWriteInstead() {
        // rule 17.2
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        Metrics m = h.metrics();

        assertThatThrownBy(() -> m.statistics("iteratorAge", Statistic.MAXIMUM, HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown metric 'iteratorAge' (metric names are case-sensitive: did you mean "
                        + "IteratorAge?): the harness records the AWS/Lambda metrics Invocations, Errors, Throttles, "
                        + "Duration, ConcurrentExecutions, IteratorAge, DestinationDeliveryFailures, PolledEventCount, "
                        + "FilteredOutEventCount, InvokedEventCount, FailedInvokeEventCount, DroppedEventCount, "
                        + "OnFailureDestinationDeliveredEventCount (rule 17.1), and the shard-level "
                        + "IteratorAgeMilliseconds through statistics(name, statistic, period, shardId)");
        assertThatThrownBy(() -> m.statistics("IteratorAge", Statistic.MAXIMUM, Duration.ofMillis(1500)))
                .hasMessage("a metric period is a whole number of seconds, at least 1 s, as get-metric-statistics "
                        + "takes it (rule 17.2); got PT1.5S: use e.g. Duration.ofSeconds(60) or Duration.ofMinutes(5)");
        assertThatThrownBy(() -> m.statistics("IteratorAge", Statistic.MAXIMUM, Duration.ZERO))
                .hasMessageContaining("got PT0S");
        assertThatThrownBy(() -> m.statistics("IteratorAgeMilliseconds", Statistic.MAXIMUM, HOUR))
                .hasMessage("IteratorAgeMilliseconds is a Kinesis shard-level metric (dimension ShardId, rule 17.2): "
                        + "ask for it with statistics(\"IteratorAgeMilliseconds\", statistic, period, "
                        + "\"shardId-000000000000\"); the function-level iterator age is \"IteratorAge\"");
        assertThatThrownBy(() -> m.statistics("IteratorAge", Statistic.MAXIMUM, HOUR, "shardId-000000000000"))
                .hasMessageStartingWith("IteratorAge is an AWS/Lambda metric of the function (dimension FunctionName)");
        assertThatThrownBy(() -> m.statistics("IteratorAgeMilliseconds", Statistic.MAXIMUM, HOUR, "shardId-7"))
                .hasMessage("no shard shardId-7 in the stream this function reads (shard ids look like "
                        + "shardId-000000000000)");
    }
}
