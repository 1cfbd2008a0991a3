package io.github.streamharness;

/** Where a new event source mapping starts reading each shard (rule 1.4, 2.6). */
public enum StartingPosition {
    /** Only records written after the mapping is created. */
    LATEST,
    /** The oldest record still in the stream's retention period. */
    TRIM_HORIZON,
    /** The first record whose arrival time is at or after {@code StartingPositionTimestamp}. */
    AT_TIMESTAMP
}
