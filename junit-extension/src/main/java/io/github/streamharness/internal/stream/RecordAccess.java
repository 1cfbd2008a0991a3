package io.github.streamharness.internal.stream;

import io.github.streamharness.StreamRecord;

/**
 * The engine's way to {@link StreamRecord}'s block-sharing form, which the API does not offer: a record whose data
 * are bytes of a shard's append-only block, not copied. {@code StreamRecord} hands its factory over once, when its
 * class is initialized (the JDK's shared-secrets idiom); only this package reads it.
 */
public final class RecordAccess {
    /** What {@code StreamRecord} offers the engine. */
    public interface Factory {
        /**
         * A record numbered {@code sequencePrefix} + {@code counter} zero-padded to {@code counterDigits} digits,
         * whose data are {@code length} bytes of {@code block} from {@code offset} (never changed afterwards).
         */
        StreamRecord numbered(String shardId, String sequencePrefix, long counter, int counterDigits,
                              String partitionKey, byte[] block, int offset, int length, long arrivalMillis);

        /** A record with the sequence number a real stream gave it, its data in a block as above. */
        StreamRecord given(String shardId, String sequenceNumber, String partitionKey, byte[] block, int offset,
                           int length, long arrivalMillis);
    }

    private static final SharedSecret<Factory> SECRET = new SharedSecret<>(StreamRecord.class, "factory");

    private RecordAccess() {
    }

    /**
     * Called once, by {@code StreamRecord}'s static initializer; a second call fails, and so does a factory that is
     * not {@code StreamRecord}'s own (a caller that ran first would otherwise break {@code StreamRecord}'s
     * initialization).
     */
    public static void install(Factory factory) {
        SECRET.install(factory);
    }

    /** The factory, once {@code StreamRecord} is initialized. */
    static Factory factory() {
        return Holder.FACTORY;
    }

    private static final class Holder {
        static final Factory FACTORY = SECRET.get();
    }
}
