package io.github.streamharness.internal.stream;

import java.util.Arrays;

/**
 * The distinct partition keys of a run of a shard's records, each with a small id: a record stores the id (an int in
 * its chunk) instead of a reference, so the store of kept records holds no object per record. Producers reuse a
 * bounded set of keys (devices, users), so the table stays small; the shard starts a new one when it grows past
 * {@link #LIMIT}, and a table lives as long as a chunk that uses it.
 *
 * <p>Written only under the stream's put lock; ids once given never change.
 */
final class KeyTable {
    /** Keys a table takes before the shard starts a new one (for producers of unique keys). */
    static final int LIMIT = 1 << 16;

    /** Open addressing by the key's hash: the key in each slot, and its id. */
    private String[] slots = new String[16];
    private int[] slotIds = new int[16];
    /** 32 - log2(slots.length): the slot is the top bits of the key's mixed hash. */
    private int shift = 28;
    private String[] keys = new String[8];
    private int size;

    /** The id of {@code key}, given on its first sight. */
    int idOf(String key) {
        String[] table = slots;
        int mask = table.length - 1;
        for (int s = slot(key, shift); ; s = (s + 1) & mask) {
            String k = table[s];
            if (k == null) {
                return add(key);
            }
            if (k == key || k.equals(key)) {
                return slotIds[s];
            }
        }
    }

    /** The key with id {@code id}. */
    String key(int id) {
        return keys[id];
    }

    /** Number of distinct keys. */
    int size() {
        return size;
    }

    private int add(String key) {
        int id = size;
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, id * 2);
        }
        keys[id] = key;
        size++;
        if (size * 4 > slots.length * 3) {
            slots = new String[slots.length * 2];
            slotIds = new int[slots.length];
            shift--;
            for (int i = 0; i < size; i++) {
                place(keys[i], i);
            }
        } else {
            place(key, id);
        }
        return id;
    }

    private void place(String key, int id) {
        int mask = slots.length - 1;
        int s = slot(key, shift);
        while (slots[s] != null) {
            s = (s + 1) & mask;
        }
        slots[s] = key;
        slotIds[s] = id;
    }

    /**
     * Fibonacci hashing: the top bits of the hash times 2^32 / phi. Keys like {@code device-1 .. device-999} have
     * nearly consecutive String hashes, which would pile up in runs of neighbouring slots under a plain mask.
     */
    private static int slot(String key, int shift) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }
}
