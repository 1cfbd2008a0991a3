package io.github.streamharness.examples.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T09:00:00Z", "2026-11-23T09:00:00.1Z", "2026-11-23T09:00:00.100Z",
        "2026-11-23T09:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
        "2026-11-23t09:00:00z", "2026-11-23T09:00:00+01:00", "2016-12-31T23:59:60Z", "2026-11-23T24:00:00Z",
        "2026-11-23T09:00:00.Z"})
    void readsWhatInstantParseReads(String text) {
        assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:00:00Z", "2026-13-01T09:00:00Z", "2026-11-23T09:00:0xZ", "2026-11-23 09:00:00Z", "yesterday", ""})
    void rejectsWhatInstantParseRejects(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithInstantParseOnTheTimestampsProducersWrite() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            String text = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)).toString();
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }
}
