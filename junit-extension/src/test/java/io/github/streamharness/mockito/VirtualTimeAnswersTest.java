package io.github.streamharness.mockito;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A Mockito mock that spends virtual time: the slow downstream of the incident, in one line (rule 0.4). */
class VirtualTimeAnswersTest {
    @SuppressWarnings("unchecked")
    private static StreamHarness harness(Duration timeout, Duration writeLatency) {
        Function<String, String> table = mock(Function.class);
        RequestHandler<KinesisEvent, Void> handler = (event, context) -> {
            event.getRecords().forEach(r -> table.apply(r.getKinesis().getPartitionKey()));
            return null;
        };
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build())
                .functionTimeout(timeout).handler(handler).build();
        when(table.apply(anyString())).thenAnswer(VirtualTimeAnswers.returnAfter(h.clock(), writeLatency, "ok"));
        return h;
    }

    @Test
    void aMockThatTakes25SecondsTimesOutA30SecondFunctionWithTwoWrites() {
        StreamHarness h = harness(Duration.ofSeconds(30), Duration.ofSeconds(25));
        h.put("a", "1");
        h.put("b", "2");
        h.runUntilIdle();
        Invocation inv = h.invocations().all().get(0);
        assertThat(inv.outcome().label()).isEqualTo("TIMEOUT");
        assertThat(inv.duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theSameWritesFitIn120Seconds() {
        StreamHarness h = harness(Duration.ofSeconds(120), Duration.ofSeconds(25));
        h.put("a", "1");
        h.put("b", "2");
        h.runUntilIdle();
        Invocation inv = h.invocations().all().get(0);
        assertThat(inv.outcome().isSuccess()).isTrue();
        assertThat(inv.duration()).isEqualTo(Duration.ofSeconds(50));
    }
}
