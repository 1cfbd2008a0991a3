package io.github.streamharness.live;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Assumptions;

/**
 * Where a scenario's stream lives. A test written once runs on both: take a {@code KinesisBackend} parameter and
 * build the harness through it.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(KinesisBackend.class)
 * void poisonPillIsIsolated(KinesisBackend backend) {
 *     try (StreamHarness stream = backend.build(StreamHarness.builder().mapping(config).handler(handler))) {
 *         StreamRecord poison = stream.put("pk-7", "{not json");
 *         stream.runUntilIdle();
 *         assertThat(stream.deadLetterQueue()).containsOnly(poison);
 *     }
 * }
 * }</pre>
 *
 * {@link #LIVE} reads {@link LiveSettings#fromSystemProperties()}; without {@code streamharness.kinesis.endpoint}
 * the test is skipped (a JUnit assumption), so a build without a Kinesis server stays green and offline.
 */
public enum KinesisBackend {
    /** The in-process stream on the virtual clock: deterministic, milliseconds per test. */
    IN_PROCESS,
    /** A real Kinesis API ({@link LiveKinesis}), in real time. */
    LIVE;

    /** Builds the harness on this backend. */
    public StreamHarness build(StreamHarness.Builder builder) {
        if (this == IN_PROCESS) {
            return builder.build();
        }
        LiveSettings settings = LiveSettings.fromSystemProperties().orElse(null);
        Assumptions.assumeTrue(settings != null, "live Kinesis test skipped: no endpoint configured; run with "
                + "-D" + LiveSettings.KINESIS_ENDPOINT + "=http://127.0.0.1:<port> (kinesis-mock, kinesalite, "
                + "LocalStack) or =aws, e.g. through .ci/live.sh");
        return builder.backend(new LiveKinesis(settings)).build();
    }

    /** Whether a live endpoint is configured (LIVE would run rather than be skipped). */
    public static boolean liveConfigured() {
        return LiveSettings.fromSystemProperties().isPresent();
    }
}
