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
}
