package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The function's execution environments (rule 15.2, 0.14), the cold invocation's time budget (0.15), reserved
 * concurrency and its throttles (15.3, 4.2) and provisioned concurrency (15.4).
 */
class ExecutionEnvironmentsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The first hash key of the second of two shards (2^127): explicit hash keys choose the shard. */
    private static final String SHARD_1 = "170141183460469231731687303715884105728";

    /** Sleeps on the virtual clock for the number of ms the record's data names. */
    private static RequestHandler<KinesisEvent, Void> sleeping(StreamHarness[] h) {
        return (event, context) -> {
            String data = StandardCharsets.UTF_8.decode(event.getRecords().get(0).getKinesis().getData()).toString();
            h[0].clock().sleep(Duration.ofMillis(Long.parseLong(data)));
            return null;
        };
    }

    private static StreamRecord putOn(StreamHarness h, int shard, String data) {
        return h.put("pk-" + shard, data.getBytes(StandardCharsets.UTF_8), shard == 0 ? "0" : SHARD_1);
    }

    @Test
    void theMostRecentlyUsedFreeEnvironmentServesTheNextInvocation() { // rule 0.14
        StreamHarness[] h = new StreamHarness[1];
        try (StreamHarness harness = StreamHarness.builder().startTime(T0).shards(2).build()) {
            h[0] = harness;
            MappedFunction f = harness.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), sleeping(h));
            putOn(harness, 0, "100"); // env-1 busy until 0.1 s
            putOn(harness, 1, "300"); // env-2 busy until 0.3 s: freed last, so the most recently used
            harness.runUntilIdle();
            harness.advance(Duration.ofSeconds(5));
            putOn(harness, 0, "0");
            harness.runUntilIdle();

            assertThat(f.invocations().all()).extracting(Invocation::environmentId)
                    .containsExactly("env-1", "env-2", "env-2");
            assertThat(f.invocations().all()).extracting(Invocation::coldStart).containsExactly(true, true, false);
        }
    }

    @Test
    void anEnvironmentIdleLongerThanTheKeepWarmTimeIsReclaimedSoTheNextInvocationStartsCold() { // rule 0.14
        try (StreamHarness h = StreamHarness.builder().startTime(T0).keepWarm(Duration.ofMinutes(1))
                .initDuration(Duration.ofMillis(800)).build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            h.put("pk", "a");
            h.runUntilIdle();
            h.advance(Duration.ofSeconds(59));
            h.put("pk", "b"); // idle about 59.8 s: still warm
            h.runUntilIdle();
            h.advance(Duration.ofSeconds(62));
            h.put("pk", "c"); // idle over a minute: reclaimed
            h.runUntilIdle();

            assertThat(f.invocations().all()).extracting(Invocation::coldStart).containsExactly(true, false, true);
            assertThat(f.invocations().all()).extracting(Invocation::environmentId)
                    .containsExactly("env-1", "env-1", "env-2");
            assertThat(f.invocations().all().get(2).duration()).isEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void theDefaultKeepWarmTimeIsTenMinutes() { // rule 0.14
        try (StreamHarness h = StreamHarness.builder().startTime(T0).build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            h.put("pk", "a");
            h.runUntilIdle();
            h.advance(Duration.ofMinutes(10));
            h.put("pk", "b");
            h.runUntilIdle();
            h.advance(Duration.ofMinutes(10).plusSeconds(2));
            h.put("pk", "c");
            h.runUntilIdle();
            assertThat(f.invocations().all()).extracting(Invocation::coldStart).containsExactly(true, false, true);
        }
    }

    @Test
    void aColdInvocationsTimeoutCountsFromTheStartOfInit() { // rule 0.15
        List<Long> remaining = new ArrayList<>();
        List<Instant> entered = new ArrayList<>();
        StreamHarness[] h = new StreamHarness[1];
        try (StreamHarness harness = StreamHarness.builder().startTime(T0).functionTimeout(Duration.ofSeconds(3))
                .initDuration(Duration.ofMillis(800)).build()) {
            h[0] = harness;
            MappedFunction f = harness.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> {
                remaining.add((long) c.getRemainingTimeInMillis());
                entered.add(h[0].clock().now());
                return null;
            });
            harness.put("pk", "a");
            harness.runUntilIdle();

            Invocation cold = f.invocations().all().get(0);
            assertThat(remaining).containsExactly(2200L); // timeout 3000 - Init 800
            assertThat(cold.startedAt()).isEqualTo(T0); // the start of Init
            assertThat(entered).containsExactly(T0.plusMillis(800)); // the handler runs after Init
            assertThat(cold.coldStart()).isTrue();
        }
    }

    @Test
    void aColdStartFromTheFaultPlanReplacesTheFunctionsInitDuration() { // rule 0.15
        List<Integer> remaining = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().startTime(T0).functionTimeout(Duration.ofSeconds(3))
                .initDuration(Duration.ofMillis(800)).build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> {
                remaining.add(c.getRemainingTimeInMillis());
                return null;
            });
            h.faults().coldStarts(Duration.ofMillis(200)); // the same setting: shorter, and it wins while set
            h.put("pk", "a");
            h.runUntilIdle();
            assertThat(remaining).containsExactly(2800);
        }
    }

    @Test
    void anInitDurationOverTenSecondsIsRefusedWhenConfigured() { // rule 0.15, 15.2
        assertThatThrownBy(() -> StreamHarness.builder().initDuration(Duration.ofMillis(10_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initDuration must be 0 to 10 seconds (Lambda limits the Init phase to 10 s), got PT10.001S");
        try (StreamHarness h = StreamHarness.builder().build()) {
            assertThatThrownBy(() -> h.faults().coldStarts(Duration.ofSeconds(11)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a cold start (the Init phase) must be 0 to 10 seconds (Lambda limits the Init phase "
                            + "to 10 s, rule 15.2), got PT11S; to make an invocation time out, use "
                            + "faults().onInvocation(n).timeout() or a latency");
        }
    }

    @Test
    void anInvocationOverTheReservedConcurrencyIsThrottledAndRetriedWithoutUsingAnAttempt() { // rule 15.3
        StreamHarness[] h = new StreamHarness[1];
        try (StreamHarness harness = StreamHarness.builder().startTime(T0).shards(2).reservedConcurrentExecutions(1)
                .build()) {
            h[0] = harness;
            MappedFunction f = harness.addMapping(EventSourceMappingConfig.builder().batchSize(1)
                    .maximumRetryAttempts(0).build(), sleeping(h));
            putOn(harness, 1, "1500"); // written first, but shard 0 wins the tie (rule 0.14)
            putOn(harness, 0, "1500");
            harness.runUntilIdle();

            List<Invocation> all = f.invocations().all();
            assertThat(all).extracting(i -> i.shardId() + " " + i.outcome().label() + " attempt " + i.attempt()
                    + " at " + i.startedAt())
                    .containsExactly(
                            "shardId-000000000000 OK attempt 1 at 2026-01-01T00:00:00Z",
                            "shardId-000000000001 THROTTLED attempt 1 at 2026-01-01T00:00:00Z",
                            "shardId-000000000001 THROTTLED attempt 1 at 2026-01-01T00:00:01Z",
                            "shardId-000000000001 OK attempt 1 at 2026-01-01T00:00:03Z");
            assertThat(((Outcome.Throttled) all.get(1).outcome()).reason()).isEqualTo("Rate Exceeded. "
                    + "(ReservedFunctionConcurrentInvocationLimitExceeded: reserved concurrency 1, all 1 busy, "
                    + "rule 15.3)");
            assertThat(all.get(1).environmentId()).isNull();
            assertThat(f.discarded()).isEmpty(); // MaximumRetryAttempts 0, yet nothing discarded
            assertThat(f.invocations().describe(20)).contains("THROTTLED: Rate Exceeded.", "[env-1, cold start]");
        }
    }

    @Test
    void theThrottleBackOffHasItsOwnCounterResetWhenAnInvocationReachesTheFunction() { // rule 15.3
        try (StreamHarness h = StreamHarness.builder().startTime(T0).build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(5).build(),
                    (e, c) -> null);
            h.faults().onInvocation(1).fail(() -> new IllegalStateException("boom"));
            h.faults().onInvocation(2).throttle();
            h.faults().onInvocation(3).throttle();
            h.faults().onInvocation(4).fail(() -> new IllegalStateException("boom"));
            h.put("pk", "a");
            h.runUntilIdle();
            // failure: retry in 1 s; throttles: 1 s, 2 s (their own count); failure: its second retry, 2 s
            assertThat(f.invocations().all()).extracting(i -> i.startedAt().getEpochSecond() - T0.getEpochSecond()
                    + "s " + i.outcome().label() + " attempt " + i.attempt())
                    .containsExactly("0s ERROR java.lang.IllegalStateException attempt 1",
                            "1s THROTTLED attempt 2", "2s THROTTLED attempt 2",
                            "4s ERROR java.lang.IllegalStateException attempt 2", "6s OK attempt 3");
        }
    }

    @Test
    void reservedConcurrencyZeroThrottlesEverythingUntilTheRecordsExpireByAge() { // rule 15.3, 4.2
        try (StreamHarness h = StreamHarness.builder().startTime(T0).reservedConcurrentExecutions(0).build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                    .maximumRecordAgeInSeconds(60).onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq")
                    .build(), (e, c) -> null);
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(f.invocations().all()).allMatch(i -> i.outcome() instanceof Outcome.Throttled
                    && i.attempt() == 1);
            // waits of 1, 2, 4, 8, 16 s; after the next, 32 s, the record is 63 s old: expired before the attempt
            assertThat(f.invocations().all()).extracting(i -> i.startedAt().getEpochSecond() - T0.getEpochSecond())
                    .containsExactly(0L, 1L, 3L, 7L, 15L, 31L);
            assertThat(f.deadLetterQueue().messages()).singleElement()
                    .satisfies(d -> assertThat(d.condition()).isEqualTo(OnFailureCondition.RecordAgeExceeded));
            assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.SENT_TO_DESTINATION);
        }
    }

    @Test
    void provisionedEnvironmentsNeverColdStartAndABusyOneSendsTheNextToAnOnDemandEnvironment() { // rule 15.4
        StreamHarness[] h = new StreamHarness[1];
        try (StreamHarness harness = StreamHarness.builder().startTime(T0).shards(2)
                .provisionedConcurrentExecutions(1).keepWarm(Duration.ofMinutes(1)).build()) {
            h[0] = harness;
            MappedFunction f = harness.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), sleeping(h));
            harness.faults().coldStarts(Duration.ofSeconds(1));
            putOn(harness, 0, "500");
            putOn(harness, 1, "500"); // the provisioned environment is busy: an on-demand one, cold
            harness.runUntilIdle();
            harness.advance(Duration.ofHours(1)); // provisioned ones are never reclaimed
            putOn(harness, 0, "0");
            harness.runUntilIdle();

            assertThat(f.invocations().all()).extracting(i -> i.environmentId() + " " + i.coldStart())
                    .containsExactly("env-1 false", "env-2 true", "env-1 false");
            assertThat(f.invocations().all().get(0).duration()).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void aSecondFunctionHasItsOwnPoolAndLimits() { // rule 15.3
        try (StreamHarness h = StreamHarness.builder().startTime(T0).build()) {
            MappedFunction main = h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            MappedFunction archiver = h.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60)
                    .build(), (e, c) -> null, FunctionSettings.builder().functionName("archiver")
                    .reservedConcurrentExecutions(0).build());
            h.put("pk", "a");
            h.runUntilIdle();
            assertThat(main.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("OK");
            assertThat(archiver.invocations().all()).isNotEmpty()
                    .allMatch(i -> i.outcome() instanceof Outcome.Throttled);
        }
    }

    @Test
    void thePoolFeedsTheLogsAndMetricsThrottlesColdStartsAndOneLogStreamPerEnvironment() { // rule 15.3, 0.15
        StreamHarness[] h = new StreamHarness[1];
        try (StreamHarness harness = StreamHarness.builder().startTime(T0).shards(2).reservedConcurrentExecutions(1)
                .initDuration(Duration.ofMillis(800)).build()) {
            h[0] = harness;
            harness.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), sleeping(h));
            putOn(harness, 0, "1500");
            putOn(harness, 1, "0"); // throttled at 0 s and 1 s; at 3 s env-1 is free and warm
            harness.runUntilIdle();

            assertThat(harness.metrics().total("Throttles", Statistic.SUM)).isEqualTo(2.0);
            assertThat(harness.metrics().total("ConcurrentExecutions", Statistic.MAXIMUM)).isEqualTo(1.0);
            List<String> reports = harness.logs().events().stream().map(LogEvent::message)
                    .filter(m -> m.startsWith("REPORT")).toList();
            assertThat(reports).hasSize(2);
            assertThat(reports.get(0)).contains("Init Duration: 800.00 ms");
            assertThat(reports.get(1)).doesNotContain("Init Duration");
            assertThat(harness.logs().events().stream().map(LogEvent::logStreamName).distinct()).hasSize(1);
        }
    }
}
