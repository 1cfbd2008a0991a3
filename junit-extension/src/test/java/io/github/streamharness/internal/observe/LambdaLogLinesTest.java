package io.github.streamharness.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The REPORT line's milliseconds with two decimals, as Lambda prints them (rule 16.2). */
class LambdaLogLinesTest {
    @Test
    void durationsKeepTwoDecimalsWithALeadingZeroOnlyBelowTen() {
        // rule 16.2
        assertThat(LambdaLogLines.millis(1_100_000)).isEqualTo("1.10");
        assertThat(LambdaLogLines.millis(1_090_000)).isEqualTo("1.09");
        assertThat(LambdaLogLines.millis(2_004_999)).isEqualTo("2.00");
        assertThat(LambdaLogLines.millis(2_005_000)).isEqualTo("2.01");
    }

    /** The log stream name's day is written by hand (issue 19); it is the formatter's, whatever the day. */
    @Test
    void theLogStreamNameDayIsTheFormattersDay() {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .withZone(java.time.ZoneOffset.UTC);
        for (long seconds : new long[] {0, 86_399, 86_400, -1, 1_764_633_599, 1_764_633_600, 253_402_300_799L,
                253_402_300_800L, -62_135_596_800L, -62_135_596_801L}) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(seconds, 999_999_999);
            assertThat(LambdaLogLines.logStreamName(at, "0123456789abcdef0123456789abcdef"))
                    .isEqualTo(day.format(at) + "/[$LATEST]0123456789abcdef0123456789abcdef");
        }
    }
}
