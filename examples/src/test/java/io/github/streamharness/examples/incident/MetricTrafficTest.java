package io.github.streamharness.examples.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricTrafficTest {
    @Test
    void timestampsArePrintedAsInstantPrintsThem() {
        SplittableRandom random = new SplittableRandom(9);
        for (long millis : new long[] {0, 1, 999, 1000, -1, -62_167_219_200_000L, 253_402_300_799_999L,
            1_795_424_400_100L}) {
            assertThat(MetricTraffic.appendInstant(new StringBuilder(), millis).toString())
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        for (int i = 0; i < 10_000; i++) {
            long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
            assertThat(MetricTraffic.appendInstant(new StringBuilder(), millis).toString())
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void aDocumentCarriesTheTimeItsProducerWritesIt() {
        String doc = MetricTraffic.metrics(5, Instant.parse("2026-11-23T09:00:00Z"), 10).record(3).dataAsString();
        assertThat(doc).isEqualTo("{\"metric\":\"net\",\"value\":11.3,\"timestamp\":\"2026-11-23T09:00:00.300Z\"}");
    }

    @Test
    void theMetricNamesCannotBeChangedByACaller() {
        assertThat(MetricTraffic.METRICS).containsExactly("cpu", "mem", "disk", "net");
        assertThatThrownBy(() -> MetricTraffic.METRICS.set(0, "gpu")).isInstanceOf(UnsupportedOperationException.class);
    }
}
