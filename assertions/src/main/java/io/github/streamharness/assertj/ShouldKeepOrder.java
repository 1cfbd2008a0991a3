package io.github.streamharness.assertj;

import java.util.List;

/** Messages of the ordering assertions of {@link AbstractInvocationLogAssert} (spec 3.1, 3.2). */
final class ShouldKeepOrder extends StreamErrorMessageFactory {

    private ShouldKeepOrder(Parts parts, String story) {
        super(parts, story);
    }

    /** keptOrderPerShard / keptOrderPerPartitionKey. */
    static ShouldKeepOrder shouldKeepOrder(String functionName, String scope, List<String> violations,
                                           String story) {
        return new ShouldKeepOrder(new Parts().text("Expecting ").plain(functionName)
                .text(" to receive the records of each ").plain(scope)
                .text(" in sequence order (batches in ascending order, no batch starting before an earlier one)"
                        + "%nbut:%n").plain(indented(violations)), story);
    }
}
