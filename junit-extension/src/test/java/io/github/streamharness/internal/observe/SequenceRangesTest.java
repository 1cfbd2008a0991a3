package io.github.streamharness.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.StreamRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence numbers as timelines and on-failure messages show them: the last six digits of a long one. */
class SequenceRangesTest {
    private static final String FIRST = "49590338271490256608559692538361571095921575989136588898";
    private static final String LAST = "49590338271490256608559692540925702759324208523137515618";

    private static StreamRecord record(String sequenceNumber) {
        return new StreamRecord("shardId-000000000000", sequenceNumber, "pk", new byte[0], 0L);
    }

    @Test
    void aKinesisSequenceNumberIsShownByItsLastSixDigitsAndAShortOneAsItIs() {
        assertThat(SequenceRanges.abbreviate(FIRST)).isEqualTo("...588898");
        assertThat(SequenceRanges.abbreviate("1234567890123")).isEqualTo("...890123");
        assertThat(SequenceRanges.abbreviate("123456789012")).isEqualTo("123456789012");
    }

    @Test
    void aBatchIsShownByItsFirstAndLastRecordAndItsSize() {
        assertThat(SequenceRanges.describe(List.of())).isEqualTo("[]");
        assertThat(SequenceRanges.describe(List.of(record(FIRST)))).isEqualTo("[...588898] (1 record)");
        assertThat(SequenceRanges.describe(List.of(record(FIRST), record("7"), record(LAST))))
                .isEqualTo("[...588898.....515618] (3 records)");
    }
}
