package io.github.streamharness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faults().coldStarts(d)}: only an invocation that needs a new execution environment spends the injected
 * initialisation time (rule 15.2, 0.15); a warm environment's invocations spend none of it.
 */
class ColdStartFaultTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theInjectedInitTimeIsSpentByTheColdInvocationOnly() { // rule 15.2, 0.15
        try (StreamHarness h = StreamHarness.builder().startTime(T0).build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), (e, c) -> null);
            h.faults().coldStarts(Duration.ofSeconds(2));
            h.put("pk", "a");
            h.runUntilIdle();
            h.advance(Duration.ofSeconds(5));
            h.put("pk", "b"); // the same environment, warm
            h.runUntilIdle();

            assertThat(f.invocations().all()).extracting(Invocation::coldStart).containsExactly(true, false);
            assertThat(f.invocations().all()).extracting(Invocation::duration)
                    .containsExactly(Duration.ofSeconds(2), Duration.ZERO);
        }
    }
}
