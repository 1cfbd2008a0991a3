package io.github.streamharness.assertj;

import io.github.streamharness.Shard;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import static io.github.streamharness.assertj.ShouldHaveLineage.shouldBeOpen;
import static io.github.streamharness.assertj.ShouldHaveLineage.shouldHaveHashKeyRange;
import static io.github.streamharness.assertj.ShouldHaveLineage.shouldHaveLineage;

/**
 * Assertions on a shard's lineage after resharding (rule 11.1): open or closed, its parents (in Kinesis's order:
 * for a merge, the shard given, then the adjacent one), its children and its hash key range.
 * {@code assertThat(stream.shard(0)).isClosed().hasChildren("shardId-000000000001", "shardId-000000000002")}.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractShardAssert<SELF extends AbstractShardAssert<SELF>>
        extends AbstractStreamAssert<SELF, Shard> {

    /** Creates the assertion. */
    protected AbstractShardAssert(Shard actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that the shard takes records (it was not split or merged). */
    public SELF isOpen() {
        isNotNull();
        if (!actual.isOpen()) {
            throwAssertionError(shouldBeOpen(actual, true, story()));
        }
        return myself;
    }

    /** Verifies that the shard was split or merged: put no longer routes to it. */
    public SELF isClosed() {
        isNotNull();
        if (actual.isOpen()) {
            throwAssertionError(shouldBeOpen(actual, false, story()));
        }
        return myself;
    }

    /** Verifies the shard's parents, in order (empty for an original shard). */
    public SELF hasParents(String... shardIds) {
        isNotNull();
        List<String> expected = List.of(Objects.requireNonNull(shardIds, "shardIds"));
        if (!actual.parentShardIds().equals(expected)) {
            throwAssertionError(shouldHaveLineage(actual, "parents", expected, actual.parentShardIds(), story()));
        }
        return myself;
    }

    /** Verifies that the shard is an original shard of the stream: it has no parent. */
    public SELF hasNoParents() {
        return hasParents();
    }

    /** Verifies the shards that took over this one's range when it closed, in index order. */
    public SELF hasChildren(String... shardIds) {
        isNotNull();
        List<String> expected = List.of(Objects.requireNonNull(shardIds, "shardIds"));
        if (!actual.childShardIds().equals(expected)) {
            throwAssertionError(shouldHaveLineage(actual, "children", expected, actual.childShardIds(), story()));
        }
        return myself;
    }

    /** Verifies the shard's hash key range, both ends inclusive. */
    public SELF hasHashKeyRange(BigInteger startingHashKey, BigInteger endingHashKey) {
        isNotNull();
        if (!actual.startingHashKey().equals(startingHashKey) || !actual.endingHashKey().equals(endingHashKey)) {
            throwAssertionError(shouldHaveHashKeyRange(actual, startingHashKey, endingHashKey, story()));
        }
        return myself;
    }

    @Override
    String storyWithoutTimeline() {
        return "";
    }
}
