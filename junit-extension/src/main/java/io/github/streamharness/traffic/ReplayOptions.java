package io.github.streamharness.traffic;

/**
 * How {@link RecordedStream#replayInto(RecordSink, ReplayOptions)} puts recorded records: in file order or in
 * sequence-number order, all at once or spaced as they originally arrived. Immutable.
 *
 * @param sequenceOrder   put records in ascending original sequence number order instead of file order
 * @param originalSpacing put each record as far after the first as it originally arrived after the first
 */
public record ReplayOptions(boolean sequenceOrder, boolean originalSpacing) {

    /** File order, every record put at the current virtual time. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(false, false);
    }

    /** These options with records put in ascending original sequence number order (see {@link RecordedStream#inSequenceOrder()}). */
    public ReplayOptions inSequenceOrder() {
        return new ReplayOptions(true, originalSpacing);
    }

    /**
     * These options with the original arrival spacing: each record is put at {@code start + (its arrival - the first
     * known arrival)} on the virtual clock, never before the record put before it. A record without an arrival
     * time is put together with the one before it.
     */
    public ReplayOptions withOriginalSpacing() {
        return new ReplayOptions(sequenceOrder, true);
    }
}
