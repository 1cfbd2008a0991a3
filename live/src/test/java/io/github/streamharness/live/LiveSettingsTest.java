package io.github.streamharness.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How a live harness is configured, and that a build without an endpoint skips rather than fails. */
class LiveSettingsTest {

    @Test
    void withoutAnEndpointThereAreNoLiveSettings() {
        assertThat(LiveSettings.fromProperties(new Properties())).isEmpty();
    }

    @Test
    void theLiveBackendSkipsTheTestWhenNoEndpointIsConfigured() {
        if (LiveSettings.fromSystemProperties().isPresent()) {
            return; // this JVM runs the live suite; the skip is checked by the ordinary build
        }
        assertThatThrownBy(() -> KinesisBackend.LIVE.build(io.github.streamharness.StreamHarness.builder()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("live Kinesis test skipped: no endpoint configured; run with "
                        + "-Dstreamharness.kinesis.endpoint=http://127.0.0.1:<port>");
    }

    @Test
    void theTimeScaleMakesTheRetryBackoffAndThePollsFasterInRealTime() {
        Properties p = new Properties();
        p.setProperty("streamharness.kinesis.endpoint", "http://127.0.0.1:4568");
        p.setProperty("streamharness.live.timeScale", "10");
        p.setProperty("streamharness.live.timeoutSeconds", "120");
        LiveSettings s = LiveSettings.fromProperties(p).orElseThrow();
        assertThat(s.timeScale()).isEqualTo(10);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.pollPeriod()).isEqualTo(Duration.ofMillis(200)); // 100 ms, but at most 5 GetRecords/s
        assertThat(LiveSettings.of("aws").pollPeriod()).isEqualTo(Duration.ofSeconds(1)); // rule 2.2, 0.3
    }

    @Test
    void aTimeScaleOutOfRangeIsRefused() {
        Properties p = new Properties();
        p.setProperty("streamharness.kinesis.endpoint", "http://127.0.0.1:4568");
        p.setProperty("streamharness.live.timeScale", "0.5");
        assertThatThrownBy(() -> LiveSettings.fromProperties(p))
                .hasMessage("streamharness.live.timeScale must be 1 to 100 harness seconds per real second, got 0.5");
    }
}
