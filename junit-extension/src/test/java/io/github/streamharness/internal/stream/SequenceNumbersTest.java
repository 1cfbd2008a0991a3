package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 12: a shard's sequence numbers are its prefix and the record's zero-padded counter. The writer a batch's
 * event uses rewrites only the digits that change from one number to the next; every number it gives must be the
 * one {@link SequenceNumbers#format} gives, in whatever order the batch's records come.
 */
class SequenceNumbersTest {
    private static final String PREFIX = "49" + "1".repeat(15) + "0".repeat(20) + "7"; // 38 digits, as a shard's

    @Test
    void formatPadsTheCounterAfterThePrefix() { // rule 12.1
        assertThat(SequenceNumbers.format(PREFIX, 0, 18)).isEqualTo(PREFIX + "0".repeat(18));
        assertThat(SequenceNumbers.format(PREFIX, 42, 18)).isEqualTo(PREFIX + "0".repeat(16) + "42");
        assertThat(SequenceNumbers.format(PREFIX, 999_999_999_999_999_999L, 18)).isEqualTo(PREFIX + "9".repeat(18));
        assertThat(SequenceNumbers.format(PREFIX, 7, 1)).isEqualTo(PREFIX + "7");
    }

    @Test
    void theWriterAgreesWithFormatForAscendingCountersAcrossCarries() { // rule 12.1
        SequenceNumbers.Writer writer = new SequenceNumbers.Writer(PREFIX, 18);
        for (long i = 0; i < 2_100; i++) { // 9 -> 10, 99 -> 100, 999 -> 1000 carry through several digits
            assertThat(writer.format(i)).isEqualTo(SequenceNumbers.format(PREFIX, i, 18));
        }
    }

    @Test
    void theWriterAgreesWithFormatWhenCountersRepeatJumpAndGoBack() { // rule 12.1
        SequenceNumbers.Writer writer = new SequenceNumbers.Writer(PREFIX, 18);
        long[] counters = {0, 0, 5, 5, 1_000_000, 999_999, 10, 999_999_999_999_999_999L, 0, 100, 90, 1};
        for (long c : counters) {
            assertThat(writer.format(c)).as("counter %d", c).isEqualTo(SequenceNumbers.format(PREFIX, c, 18));
        }
    }

    @Test
    void theWriterAgreesWithFormatForTheScatteredIndicesOfALanesBatch() { // rule 12.1, 0.8
        SplittableRandom random = new SplittableRandom(12);
        for (int batch = 0; batch < 200; batch++) {
            SequenceNumbers.Writer writer = new SequenceNumbers.Writer(PREFIX, 18);
            long i = random.nextLong(Integer.MAX_VALUE);
            for (int n = 0; n < 100; n++) {
                i += random.nextInt(1, 300); // a lane's records: ascending, with the other lanes' in between
                assertThat(writer.format(i)).isEqualTo(SequenceNumbers.format(PREFIX, i, 18));
            }
        }
    }

    @Test
    void eachWriterKeepsItsOwnText() { // two batches built at once do not share digits
        SequenceNumbers.Writer a = new SequenceNumbers.Writer(PREFIX, 18);
        SequenceNumbers.Writer b = new SequenceNumbers.Writer(PREFIX, 18);
        String first = a.format(123);
        assertThat(b.format(456)).isEqualTo(SequenceNumbers.format(PREFIX, 456, 18));
        assertThat(a.format(124)).isEqualTo(SequenceNumbers.format(PREFIX, 124, 18));
        assertThat(first).isEqualTo(SequenceNumbers.format(PREFIX, 123, 18)); // a string once given never changes
    }
}
