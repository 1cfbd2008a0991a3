package io.github.streamharness.internal.assembly;

import io.github.streamharness.traffic.RecordSpec;

import io.github.streamharness.internal.stream.SharedSecret;

/**
 * The put path's way to a {@link RecordSpec}'s own bytes, which the API does not offer: {@code RecordSpec.data()}
 * returns a copy, and {@code putAll} would pay that copy for every record before the shard copies the bytes again
 * into its block. The shard's copy is the only one needed: the bytes read here are only read, never kept and never
 * changed. {@code RecordSpec} hands its reader over once, when its class is initialized (the JDK's shared-secrets
 * idiom, as {@code StreamRecord} does for the shard store); only this package reads it.
 */
public final class SpecAccess {
    /** What {@code RecordSpec} offers the put path. */
    public interface Reader {
        /** The record's own data array (not a copy): read it, never change or keep it. */
        byte[] dataArray(RecordSpec spec);
    }

    private static final SharedSecret<Reader> SECRET = new SharedSecret<>(RecordSpec.class, "reader");

    private SpecAccess() {
    }

    /**
     * Called once, by {@code RecordSpec}'s static initializer; a second call fails, and so does a reader that is not
     * {@code RecordSpec}'s own.
     */
    public static void install(Reader reader) {
        SECRET.install(reader);
    }

    /** {@code spec}'s own data array, not a copy. */
    static byte[] dataArray(RecordSpec spec) {
        return Holder.READER.dataArray(spec);
    }

    private static final class Holder {
        static final Reader READER = SECRET.get();
    }
}
