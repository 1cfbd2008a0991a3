package io.github.streamharness.internal.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written UTC texts are the formatter's, whatever the instant (years outside 1..9999 included). */
class UtcTextTest {
    @ParameterizedTest
    @ValueSource(longs = {0L, 1_700_000_000_123L, 1_764_633_600_999L, 253_402_300_799_999L, -1L, -62_167_219_200_000L,
            253_402_300_800_000L})
    void aTimestampIsWrittenAsTheFormatterWritesIt(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis).plusNanos(456_789);
        assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(at),
                UtcText.isoMillis(at));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 86_399, 86_400, -1, 1_764_633_599, 1_764_633_600, 253_402_300_799L, 253_402_300_800L,
            -62_135_596_800L, -62_135_596_801L})
    void aDayIsWrittenAsTheFormatterWritesIt(long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond, 999_999_999);
        assertEquals(DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(at),
                UtcText.slashDay(at));
    }
}
