package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parity check: each scenario runs in-process and against the real Kinesis API, and the two transcripts
 * (batches as partition keys and data, attempts, outcomes, on-failure messages, routing; no times or sequence
 * numbers) must be equal. Differences that are the server's are written down in docs/esm-rules.md.
 */
class ParityTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioDoesTheSameInProcessAndLive() {
        return ParityScenarios.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            assumeTrue(KinesisBackend.liveConfigured(), "parity check skipped: no live endpoint (-D"
                    + LiveSettings.KINESIS_ENDPOINT + "=..., see .ci/live.sh)");
            Function<KinesisBackend, ParityScenarios.Transcript> scenario = e.getValue();
            ParityScenarios.Transcript inProcess = scenario.apply(KinesisBackend.IN_PROCESS);
            ParityScenarios.Transcript live = scenario.apply(KinesisBackend.LIVE);
            assertThat(live.shardOfKey()).as("routing of partition keys to shards").isEqualTo(inProcess.shardOfKey());
            assertThat(live.invocationsByLane()).as("invocations per shard and lane")
                    .isEqualTo(inProcess.invocationsByLane());
            assertThat(live.deadLetters()).as("on-failure messages").isEqualTo(inProcess.deadLetters());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theInProcessTranscriptsAreNotEmpty() {
        // guards the check itself: a scenario that did nothing would compare equal on both backends
        return ParityScenarios.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
                assertThat(e.getValue().apply(KinesisBackend.IN_PROCESS).invocationsByLane()).isNotEmpty()));
    }
}
