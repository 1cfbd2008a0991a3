package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.junit.InjectFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link AfterTheFixTest} again, with faults switched on declaratively, as a CI job would: the first
 * two invocations whose batch holds a disk metric time out (at the full 120 s), and every new execution environment
 * spends 10 s in a cold start. The fixed configuration must still isolate the poison pill, aggregate everything else
 * once, and catch up.
 *
 * <p>Runbook steps 3 and 4: the mapping's fix holds under the timeouts and cold starts of causes B and C.
 */
@InjectFault(type = InjectFault.Type.TIMEOUT, dataMatches = "\"metric\":\"disk\"", times = 2)
@InjectFault(type = InjectFault.Type.COLD_START, millis = 10_000)
class AfterTheFixUnderInjectedFaultsTest extends AfterTheFixTest {

    @Test
    void theInjectedFaultsReallyHappened(StreamHarness stream) { // so the inherited tests are not passing vacuously
        IncidentTraffic.write(stream);
        stream.runUntilIdle();

        assertThat(stream.invocations()).hasTimeouts(2);
        assertThat(stream.invocations().all()).filteredOn(Invocation::coldStart)
                .extracting(Invocation::lane).hasSizeGreaterThanOrEqualTo(10); // at least one per lane
        assertThat(stream.invocations().all()).filteredOn(Invocation::coldStart)
                .allSatisfy(i -> assertThat(i.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
    }
}
