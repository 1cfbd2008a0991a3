package io.github.streamharness.assertj;

import io.github.streamharness.Shard;

import java.math.BigInteger;
import java.util.List;

/** Messages of {@link AbstractShardAssert}. */
final class ShouldHaveLineage extends StreamErrorMessageFactory {

    private ShouldHaveLineage(Parts parts, String story) {
        super(parts, story);
    }

    /** isOpen / isClosed. */
    static ShouldHaveLineage shouldBeOpen(Shard shard, boolean open, String story) {
        Parts p = new Parts().text("Expecting the shard:%n  ").value(shard).text(open ? "%nto be open" : "%nto be closed");
        p.text(open ? "%nbut it was split or merged into " + String.join(", ", shard.childShardIds())
                : "%nbut it is open: it was never split or merged");
        return new ShouldHaveLineage(p, story);
    }

    /** hasParents / hasChildren. */
    static ShouldHaveLineage shouldHaveLineage(Shard shard, String what, List<String> expected, List<String> actual,
                                               String story) {
        return new ShouldHaveLineage(new Parts().text("Expecting the " + what + " of:%n  ").value(shard)
                .text("%nto be:%n  ").value(expected).text("%nbut were:%n  ").value(actual), story);
    }

    /** hasHashKeyRange. */
    static ShouldHaveLineage shouldHaveHashKeyRange(Shard shard, BigInteger start, BigInteger end, String story) {
        return new ShouldHaveLineage(new Parts().text("Expecting the hash key range of:%n  ").value(shard)
                .text("%nto be:%n  ").plain(start + ".." + end).text("%nbut was:%n  ")
                .plain(shard.startingHashKey() + ".." + shard.endingHashKey()), story);
    }
}
