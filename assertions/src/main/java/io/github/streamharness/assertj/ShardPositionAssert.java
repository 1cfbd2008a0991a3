package io.github.streamharness.assertj;

import io.github.streamharness.ShardPosition;

/** Assertions on a mapping's position in one shard; see {@link AbstractShardPositionAssert}. */
public class ShardPositionAssert extends AbstractShardPositionAssert<ShardPositionAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(position)} or {@code assertThat(stream).shard(id)}). */
    public ShardPositionAssert(ShardPosition actual) {
        super(actual, ShardPositionAssert.class);
    }
}
