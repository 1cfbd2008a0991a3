package io.github.streamharness.assertj;

import io.github.streamharness.Shard;

/** Assertions on a shard's lineage; see {@link AbstractShardAssert}. */
public class ShardAssert extends AbstractShardAssert<ShardAssert> {

    /** Creates the assertion (use {@code StreamAssertions.assertThat(stream.shard(id))}). */
    public ShardAssert(Shard actual) {
        super(actual, ShardAssert.class);
    }
}
