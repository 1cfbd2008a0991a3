package io.github.streamharness.internal.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Date;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EpochSecondsTest {

    @ParameterizedTest
    @CsvSource({
            "1545084650987, 1545084650.987",
            "1545084650000, 1545084650.000",
            "1545084650005, 1545084650.005",
            "1545084650050, 1545084650.050",
            "0, 0.000",
            "999, 0.999",
            "1000, 1.000",
            "-1, -0.001",
            "-1500, -1.500",
            "9223372036854775807, 9223372036854775.807",
            "-9223372036854775808, -9223372036854775.808"})
    void formatsEpochSecondsWithExactlyThreeDecimals(long millis, String expected) {
        // rule 7.2: epoch seconds with a millisecond fraction
        assertThat(EpochSeconds.format(millis)).isEqualTo(expected);
        assertThat(EpochSeconds.length(millis)).isEqualTo(expected.length());
    }

    @Test
    void runtimeDateFromMillisMatchesParsingTheFormattedText() {
        // the shortcut the factory takes must equal what the runtime computes from the JSON text (rule 7.3)
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long millis = switch (i % 4) {
                case 0 -> random.nextLong() % (1L << 53);
                case 1 -> 1_500_000_000_000L + random.nextInt(1_000_000_000);
                case 2 -> random.nextInt(100_000) - 50_000L;
                default -> 4_000_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);
            };
            Date viaText = EpochSeconds.runtimeDateFromSeconds(Double.parseDouble(EpochSeconds.format(millis)));
            assertThat(EpochSeconds.runtimeDate(millis)).as("millis %d", millis).isEqualTo(viaText);
            if (millis != 0) {
                assertThat(EpochSeconds.runtimeMillis(millis)).as("millis %d", millis).isEqualTo(viaText.getTime());
            }
        }
    }

    @Test
    void runtimeReadsCurrentEraTimestampsToTheExactMillisecond() {
        for (long millis = 1_545_084_650_000L; millis < 1_545_084_660_000L; millis++) {
            assertThat(EpochSeconds.runtimeDate(millis).getTime()).isEqualTo(millis);
        }
    }

    @Test
    void runtimeReadsZeroSecondsAsNoDate() {
        // aws-lambda-java-serialization's DateModule returns null for the number 0
        assertThat(EpochSeconds.runtimeDate(0L)).isNull();
        assertThat(EpochSeconds.runtimeDate(1L)).isEqualTo(new Date(1L));
    }
}
