package io.github.streamharness.observe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionLogs;
import io.github.streamharness.Invocation;
import io.github.streamharness.LogEvent;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The function's CloudWatch Logs: log group, streams, and the lines of each invocation as Lambda prints them. */
class FunctionLogsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A harness whose handler logs a line, then spends {@code work} of virtual time, for each batch. */
    private static StreamHarness harness(Duration work, long seed) {
        StreamHarness[] self = new StreamHarness[1];
        RequestHandler<KinesisEvent, Void> handler = (event, context) -> {
            context.getLogger().log("processing " + event.getRecords().size() + " records");
            self[0].clock().sleep(work);
            context.getLogger().log("done");
            return null;
        };
        self[0] = StreamHarness.builder().functionName("analytics-stream-processor").memorySize(256)
                .functionTimeout(Duration.ofSeconds(30)).seed(seed)
                .mapping(EventSourceMappingConfig.builder().batchSize(10).build()).handler(handler).build();
        return self[0];
    }

    @Test
    void eachInvocationWritesStartTheHandlersLinesEndAndReportWithTabsAsLambdaPrintsThem() {
        // rule 16.2
        StreamHarness stream = harness(Duration.ofNanos(1_234_560_000), 1L);
        stream.put("pk", "a");
        stream.put("pk", "b");
        stream.runUntilIdle();

        Invocation invocation = stream.invocations().all().get(0);
        String id = invocation.awsRequestId();
        List<LogEvent> events = stream.logs().events();
        assertThat(events).extracting(LogEvent::message).containsExactly(
                "START RequestId: " + id + " Version: $LATEST",
                "processing 2 records",
                "done",
                "END RequestId: " + id,
                "REPORT RequestId: " + id + "\tDuration: 1234.56 ms\tBilled Duration: 1235 ms\tMemory Size: 256 MB"
                        + "\tMax Memory Used: 90 MB\tInit Duration: 0.00 ms");
        assertThat(events).extracting(LogEvent::timestamp).containsExactly(T0, T0, T0.plusNanos(1_234_560_000),
                T0.plusNanos(1_234_560_000), T0.plusNanos(1_234_560_000));
        assertThat(events).extracting(LogEvent::requestId).containsOnly(id);
    }

    @Test
    void aWarmInvocationsReportHasNoInitDurationAndTheDurationIsRoundedToHundredthsOfAMillisecond() {
        // rule 16.2
        StreamHarness stream = harness(Duration.ofNanos(12_345_678), 1L);
        stream.put("pk", "a");
        stream.runUntilIdle();
        stream.put("pk", "b");
        stream.runUntilIdle();

        String id = stream.invocations().all().get(1).awsRequestId();
        assertThat(stream.logs().messages()).last().isEqualTo("REPORT RequestId: " + id
                + "\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 90 MB");
    }

    @Test
    void aColdStartsReportCarriesTheInitDurationAndBillsItWithTheDuration() {
        // rule 16.2, 0.15: Duration is the handler's own time, Init Duration the Init phase's
        StreamHarness stream = harness(Duration.ofMillis(1500), 1L);
        stream.faults().coldStarts(Duration.ofNanos(812_300_000));
        stream.put("pk", "a");
        stream.runUntilIdle();

        Invocation invocation = stream.invocations().all().get(0);
        assertThat(invocation.coldStart()).isTrue();
        assertThat(stream.logs().messages()).last().isEqualTo("REPORT RequestId: " + invocation.awsRequestId()
                + "\tDuration: 1500.00 ms\tBilled Duration: 2313 ms\tMemory Size: 256 MB\tMax Memory Used: 90 MB"
                + "\tInit Duration: 812.30 ms");
        // START at the start of Init, the handler's first line after it
        assertThat(stream.logs().events()).extracting(LogEvent::timestamp)
                .startsWith(T0, T0.plusNanos(812_300_000));
    }

    @Test
    void aTimeoutWritesTheTaskTimedOutLineAtTheTimeoutWithTwoDecimalsBeforeEnd() {
        // rule 16.2
        StreamHarness stream = harness(Duration.ofSeconds(45), 1L);
        stream.put("pk", "a");
        stream.advance(Duration.ofSeconds(29));
        assertThat(stream.logs().messages()).hasSize(1).allMatch(m -> m.startsWith("START")); // not ended yet
        stream.advance(Duration.ofSeconds(1));

        Invocation invocation = stream.invocations().all().get(0);
        String id = invocation.awsRequestId();
        List<LogEvent> events = stream.logs().events();
        assertThat(events).extracting(LogEvent::message).containsExactly(
                "START RequestId: " + id + " Version: $LATEST",
                "processing 1 records",
                "2026-01-01T00:00:30.000Z " + id + " Task timed out after 30.00 seconds",
                "END RequestId: " + id,
                "REPORT RequestId: " + id + "\tDuration: 30000.00 ms\tBilled Duration: 30000 ms"
                        + "\tMemory Size: 256 MB\tMax Memory Used: 90 MB\tInit Duration: 0.00 ms");
        assertThat(events.get(2).timestamp()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void theLogGroupIsNamedAfterTheFunctionAndEachExecutionEnvironmentHasItsOwnStream() {
        // rule 16.1
        List<String> contextStreams = new ArrayList<>();
        StreamHarness stream = StreamHarness.builder()
                .startTime(Instant.parse("2026-03-07T23:59:59Z"))
                .mapping(EventSourceMappingConfig.builder().parallelizationFactor(2).build())
                .handler((RequestHandler<KinesisEvent, Void>) (event, context) -> {
                    contextStreams.add(context.getLogStreamName());
                    return null;
                }).build();
        stream.faults().always().latency(Duration.ofMillis(100)); // the lanes overlap: two environments (rule 0.14)
        for (int i = 0; i < 40; i++) {
            stream.put("key-" + i, "x");
        }
        stream.runUntilIdle();
        stream.advance(Duration.ofSeconds(5)); // the next day: an environment keeps its stream
        for (int i = 0; i < 40; i++) {
            stream.put("key-" + i, "y");
        }
        stream.runUntilIdle();

        FunctionLogs logs = stream.logs();
        assertThat(logs.logGroupName()).isEqualTo("/aws/lambda/test-function");
        assertThat(logs.logStreamNames()).hasSize(2) // two lanes, two environments
                .allMatch(name -> name.matches("2026/03/07/\\[\\$LATEST\\][0-9a-f]{32}"))
                .containsExactlyInAnyOrderElementsOf(contextStreams.stream().distinct().toList());
        for (Invocation i : stream.invocations().all()) {
            assertThat(logs.events()).filteredOn(e -> e.requestId().equals(i.awsRequestId()))
                    .extracting(LogEvent::logStreamName).hasSize(3).containsOnly(logs.events().stream()
                            .filter(e -> e.message().startsWith("START RequestId: " + i.awsRequestId()))
                            .findFirst().orElseThrow().logStreamName());
        }
    }

    @Test
    void aThrottledAttemptWritesNothing() {
        // rule 16.2: it never ran
        StreamHarness stream = harness(Duration.ZERO, 1L);
        stream.faults().always().times(2).throttle();
        stream.put("pk", "a");
        stream.runUntilIdle();

        assertThat(stream.invocations().count()).isEqualTo(3);
        assertThat(stream.logs().messages()).hasSize(5).filteredOn(m -> m.startsWith("START")).hasSize(1);
    }

    @Test
    void equalSeedsGiveByteIdenticalLogsAndAnotherSeedOtherRequestIds() {
        // rule 16 (principle: deterministic)
        assertThat(run(7L)).isEqualTo(run(7L)).isNotEqualTo(run(8L));
    }

    private static String run(long seed) {
        StreamHarness stream = harness(Duration.ofMillis(700), seed);
        stream.faults().coldStarts(Duration.ofMillis(300)).onInvocation(3).timeout();
        for (int i = 0; i < 25; i++) {
            stream.put("pk-" + i, "r" + i);
        }
        stream.runUntilIdle();
        return stream.logs().toString();
    }

    @Test
    void retainInvocationsKeepsOnlyTheLinesOfTheRetainedInvocations() {
        StreamHarness stream = StreamHarness.builder().retainInvocations(3)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        for (int i = 0; i < 10; i++) {
            stream.put("pk", "r" + i);
        }
        stream.runUntilIdle();

        MappedFunction f = stream.mapping();
        assertThat(f.logs().events()).hasSize(9);
        assertThat(f.logs().events().get(0).requestId()).isEqualTo(f.invocations().all().get(0).awsRequestId());
    }

    @Test
    void maxMemoryUsedIsAModelledConstantAtMostTheMemorySize() {
        // rule 16.2: deterministic, configurable; the test JVM's heap is not the function's
        StreamHarness own = StreamHarness.builder().memorySize(512).maxMemoryUsed(300)
                .mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        own.put("pk", "a");
        own.runUntilIdle();
        StreamHarness capped = StreamHarness.builder().maxMemoryUsed(4096)
                .mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        capped.put("pk", "a");
        capped.runUntilIdle();

        assertThat(own.logs().messages()).last().asString().contains("\tMemory Size: 512 MB\tMax Memory Used: 300 MB");
        assertThat(capped.logs().messages()).last().asString()
                .contains("\tMemory Size: 128 MB\tMax Memory Used: 128 MB");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamHarness.builder().maxMemoryUsed(0))
                .hasMessage("Max Memory Used is 1 to 10240 MB, got 0");
    }
}
