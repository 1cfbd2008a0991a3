package io.github.streamharness.internal.time;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids and mapping ids: random version-4 UUIDs of the IETF variant that replay with the seed. */
class SeededUuidsTest {
    @Test
    void everyIdIsAVersion4UuidOfTheIetfVariantWithItsRandomBitsKept() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Long> high = new HashSet<>();
        Set<Long> low = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = SeededUuids.next(random);
            UUID uuid = UUID.fromString(id);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            high.add(uuid.getMostSignificantBits() & ~0xF000L);
            low.add(uuid.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
        }
        assertThat(high).as("random bits of the high half").hasSize(200);
        assertThat(low).as("random bits of the low half").hasSize(200);
    }

    @Test
    void theRandomBitsAreTheSourcesOwn() {
        long hi = new SplittableRandom(11).nextLong();
        SplittableRandom twice = new SplittableRandom(11);
        twice.nextLong();
        long lo = twice.nextLong();
        UUID uuid = UUID.fromString(SeededUuids.next(new SplittableRandom(11)));
        assertThat(uuid.getMostSignificantBits()).isEqualTo((hi & ~0xF000L) | 0x4000L);
        assertThat(uuid.getLeastSignificantBits()).isEqualTo((lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    @Test
    void theSameSeedReplaysTheSameIds() {
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(3);
        List<String> first = IntStream.range(0, 5).mapToObj(i -> SeededUuids.next(a)).toList();
        List<String> second = IntStream.range(0, 5).mapToObj(i -> SeededUuids.next(b)).toList();
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    }
}
