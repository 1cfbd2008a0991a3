package io.github.streamharness.traffic;

import java.util.List;
import java.util.SplittableRandom;

/** How {@link KinesisRecords} chooses a record's partition key from the record's own random source. */
interface PartitionKeys {

    /** The key of record {@code index}. */
    String choose(int index, SplittableRandom random);

    /** Keys {@code pk-0 .. pk-(n-1)}, each equally likely. */
    static PartitionKeys uniform(int count) {
        positive(count);
        KeyNames names = new KeyNames(count);
        return described("uniform(" + count + ")", (index, random) -> names.get(random.nextInt(count)));
    }

    /** Key {@code pk-0} with probability {@code hotShare}, otherwise one of {@code pk-1 .. pk-(n-1)} uniformly. */
    static PartitionKeys skewed(int count, double hotShare) {
        if (count < 2) {
            throw new IllegalArgumentException("a skewed key set needs at least 2 keys, got " + count);
        }
        KinesisRecords.checkShare(hotShare);
        KeyNames names = new KeyNames(count);
        return described("skewed(" + count + ", hot pk-0 share " + hotShare + ")", (index, random) ->
                random.nextDouble() < hotShare ? names.get(0) : names.get(1 + random.nextInt(count - 1)));
    }

    /** One of the given keys, each equally likely. */
    static PartitionKeys fixed(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key set is empty");
        }
        for (String key : keys) {
            KinesisRecords.checkPartitionKey(key);
        }
        List<String> copy = List.copyOf(keys);
        return described("fixed" + copy, (index, random) -> copy.get(random.nextInt(copy.size())));
    }

    /** A fresh UUID-shaped key per record, drawn from the seeded source. */
    static PartitionKeys randomUuids() {
        return described("random UUIDs", (index, random) -> PayloadTemplate.uuidLike(random));
    }

    /**
     * The names {@code pk-0 .. pk-(n-1)}, each built once (up to 65,536 of them): one shared string per key instead of
     * a new one per record, so a run keeps one copy of each key and the stream's key cache hashes it once.
     */
    final class KeyNames {
        private static final int CACHED = 1 << 16;
        private final String[] names;

        KeyNames(int count) {
            this.names = new String[Math.min(count, CACHED)];
        }

        String get(int i) {
            if (i >= names.length) {
                return "pk-" + i;
            }
            String name = names[i];
            if (name == null) {
                name = "pk-" + i;
                names[i] = name;
            }
            return name;
        }
    }

    private static void positive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least 1 key, got " + count);
        }
    }

    private static PartitionKeys described(String description, PartitionKeys keys) {
        return new PartitionKeys() {
            @Override
            public String choose(int index, SplittableRandom random) {
                return keys.choose(index, random);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
