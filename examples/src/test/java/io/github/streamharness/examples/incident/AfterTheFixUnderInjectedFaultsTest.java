package io.github.streamharness.examples.incident;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Invocation;
import io.github.streamharness.Statistic;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.junit.InjectFault;
import java.time.Duration;
import java.util.List;
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

    /** The runbook under the injected faults: it finds exactly them, and the stream recovers within 5 minutes. */
    @Test
    @Override
    void theRunbookReadsHealthyIteratorAgeUnderAMinuteOnlyThePillsErrorsNoThrottles(StreamHarness stream) {
        IncidentTraffic.write(stream);
        stream.advance(IncidentTraffic.INCIDENT);

        // step 1 finds the two injected timeouts, at the full 120 s (rule 16.3)
        assertThat(stream.logs().query(Runbook.TIMEOUTS_QUERY)).hasSize(2).allSatisfy(row ->
                assertThat(row.get("@message")).endsWith(" Task timed out after 120.00 seconds"));
        // the REPORT lines of the cold starts carry their 10 s Init Duration (rule 16.2, 0.15)
        assertThat(stream.logs().query("filter @initDuration > 0 | stats min(@initDuration) as init"))
                .containsExactly(java.util.Map.of("init", "10000"));
        // step 2: the timeouts held two lanes back for minutes; after the first 5 minutes, below 60 s again
        List<Datapoint> iteratorAge = stream.metrics().statistics("IteratorAge", Statistic.MAXIMUM,
                Runbook.FIVE_MINUTES);
        assertThat(iteratorAge.get(0).value()).isGreaterThan(Runbook.MAX_ITERATOR_AGE_MS);
        assertThat(iteratorAge.subList(1, iteratorAge.size())).hasSize(9)
                .allSatisfy(d -> assertThat(d.value()).isLessThan(Runbook.MAX_ITERATOR_AGE_MS));
        assertThat(stream.metrics()).metric("Errors").sumPer(Runbook.FIVE_MINUTES).datapoints()
                .filteredOn(d -> d.value() > 0).hasSize(1); // the pill and the timeouts, all in the first period
        assertThat(stream.metrics()).metric("Throttles").hasNoDatapoints();
    }
}
