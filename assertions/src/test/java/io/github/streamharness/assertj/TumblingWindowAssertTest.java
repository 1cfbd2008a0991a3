package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TumblingWindowAssert: the final state, closing and early end of a window (section 8). */
class TumblingWindowAssertTest {
    private static final Instant MINUTE_0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MINUTE_1 = Instant.parse("2026-01-01T00:01:00Z");

    /** Counts records per window into state {"count": n}. */
    private static final RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> COUNTER = (event, c) -> {
        int count = Integer.parseInt(event.getState().getOrDefault("count", "0")) + event.getRecords().size();
        return TimeWindowEventResponse.builder().withState(Map.of("count", String.valueOf(count))).build();
    };

    private static MappedFunction run(StreamHarness stream) {
        MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60).build(),
                COUNTER);
        stream.put("pk", "a");
        stream.put("pk", "b");
        stream.advance(Duration.ofSeconds(70));
        stream.put("pk", "c");
        stream.runUntilIdle();
        return f;
    }

    @Test
    void hasFinalStatePassesOnTheWindowsAggregateAndFailsNamingTheWindow() { // rule 8.4
        try (StreamHarness stream = StreamHarness.builder().build()) {
            MappedFunction f = run(stream);
            assertThat(f).window(MINUTE_0).isClosed().hasFinalState(Map.of("count", "2"))
                    .hasFinalStateEntry("count", "2").hasAggregationInvocations(1);
            assertThat(f).window("shardId-000000000000", MINUTE_1).hasFinalState(Map.of("count", "1"));
            assertThat(f.invocations()).window(MINUTE_1).hasFinalState(Map.of("count", "1"));
            assertThatThrownBy(() -> assertThat(f).window(MINUTE_0).hasFinalState(Map.of("count", "3")))
                    .hasMessageStartingWith(String.format("%nExpecting window [2026-01-01T00:00:00Z, "
                            + "2026-01-01T00:01:00Z) of shardId-000000000000%nto end with final state:%n  {count=3}%n"
                            + "but its final invocation returned:%n  {count=2}"))
                    .hasMessageContaining("final for window 2026-01-01T00:00:00Z");
        }
    }

    @Test
    void windowFailsWhenNoLaneHadThatWindow() {
        try (StreamHarness stream = StreamHarness.builder().build()) {
            MappedFunction f = run(stream);
            assertThatThrownBy(() -> assertThat(f).window(Instant.parse("2026-01-01T00:05:00Z")))
                    .hasMessageStartingWith(String.format("%nExpecting a tumbling window starting at "
                            + "2026-01-01T00:05:00Z, but the windows were:%n  [shardId-000000000000/0 "
                            + "2026-01-01T00:00:00Z, shardId-000000000000/0 2026-01-01T00:01:00Z]"));
        }
    }

    @Test
    void isClosedFailsWhileTheFinalInvocationHasNotSucceeded() { // rule 8.4
        try (StreamHarness stream = StreamHarness.builder().build()) {
            MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60)
                    .build(), COUNTER);
            stream.put("pk", "a");
            stream.advance(Duration.ofSeconds(10)); // the window ends at 00:01:00
            assertThatThrownBy(() -> assertThat(f).window(MINUTE_0).isClosed())
                    .hasMessageContaining("to be closed by a successful final invocation (isFinalInvokeForWindow), "
                            + "but it had none among its 1 invocation(s)");
            assertThatThrownBy(() -> assertThat(f).window(MINUTE_0).isTerminatedEarly())
                    .hasMessageContaining("to be terminated early (state over 1 MB), but it ran to its end");
        }
    }

    @Test
    void isTerminatedEarlyPassesWhenTheStateGrewOverOneMegabyte() { // rule 8.4, 0.11b
        RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> hoarder = (event, c) ->
                TimeWindowEventResponse.builder().withState(Map.of("all", "x".repeat(1_048_576))).build();
        try (StreamHarness stream = StreamHarness.builder().build()) {
            MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60)
                    .build(), hoarder);
            stream.put("pk", "a");
            stream.runUntilIdle();
            assertThat(f).window(MINUTE_0).isTerminatedEarly().isClosed();
        }
    }
}
