package io.github.streamharness.internal.time;

import java.util.SplittableRandom;
import java.util.UUID;

/** Version-4 UUIDs drawn from a seeded random source: request ids and mapping ids that replay with the seed. */
public final class SeededUuids {
    private SeededUuids() {
    }

    /** The next UUID of {@code random}. */
    public static String next(SplittableRandom random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
