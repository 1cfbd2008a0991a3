package io.github.streamharness.internal.batch;

import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The window rules of the batch assembler (rule 8.3, 0.11): alignment, and the cut at a window's end. */
class BatchAssemblerWindowTest {
    private static BatchAssembler assembler(int batchSize, int tumblingWindowInSeconds) {
        return new BatchAssembler(FilterCriteria.compile(java.util.List.of()), new EventCodec("arn:aws:kinesis:us-east-1:1:stream/s",
                "us-east-1", "arn:aws:iam::1:role/r"), batchSize, 0, -1, tumblingWindowInSeconds);
    }

    @ParameterizedTest(name = "rule 8.3, 0.11: arrival {1} ms in {0} s windows -> window start {2}")
    @CsvSource({
            "120, 1607497475000, 1607497440000", // the AWS example: 07:04:35 in [07:04:00, 07:06:00)
            "120, 1607497440000, 1607497440000", // a window's first millisecond belongs to it
            "120, 1607497559999, 1607497440000", // its last one too
            "120, 1607497560000, 1607497560000", // the end belongs to the next window
            "11, 1767225600000, 1767225592000",  // aligned to the epoch, not to the clock's start (a midnight)
            "900, 1767226600000, 1767226500000"})
    void windowsAlignToMultiplesOfTheirLengthSinceTheEpoch(int seconds, long arrival, long start) {
        BatchAssembler a = assembler(100, seconds);
        assertThat(a.tumblingWindowStart(arrival)).isEqualTo(start);
        assertThat(a.tumblingWindowEnd(start)).isEqualTo(start + seconds * 1000L);
    }

    @Test
    void aBatchTakesOnlyTheRecordsBeforeTheWindowsEndCountingAtMostOnePastBatchSize() { // rule 8.3
        long[] arrivals = {0, 10, 59_999, 60_000, 60_001};
        BatchAssembler a = assembler(2, 60);
        assertThat(a.tumblingPrefix(5, i -> arrivals[i], 60_000)).isEqualTo(3); // BatchSize 2: counts up to 3
        assertThat(assembler(100, 60).tumblingPrefix(5, i -> arrivals[i], 60_000)).isEqualTo(3);
        assertThat(assembler(100, 60).tumblingPrefix(2, i -> arrivals[i], 60_000)).isEqualTo(2);
        assertThat(a.tumblingPrefix(5, i -> arrivals[i + 3], 60_000)).isZero();
        assertThat(a.tumbling()).isTrue();
        assertThat(assembler(2, 0).tumbling()).isFalse();
    }
}
