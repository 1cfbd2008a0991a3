package io.github.streamharness.assertj;

import java.util.List;

/** Messages of the ordering assertions of {@link AbstractInvocationLogAssert} (rule 3.1, 3.2). */
final class ShouldKeepOrder extends StreamErrorMessageFactory {

    private ShouldKeepOrder(Parts parts, String story) {
        super(parts, story);
    }

    /** keptOrderPerShard / keptOrderPerPartitionKey. */
    static ShouldKeepOrder shouldKeepOrder(String functionName, String scope, List<String> violations,
                                           String hint, String story) {
        Parts parts = new Parts().text("Expecting ").plain(functionName)
                .text(" to receive the records of each ").plain(scope)
                .text(" in sequence order (batches in ascending order, no batch starting before an earlier one)");
        if (hint != null) {
            parts.text("%n").plain(hint);
        }
        List<String> shown = violations.size() > MAX_SHOWN ? violations.subList(0, MAX_SHOWN) : violations;
        parts.text("%nbut:%n").plain(indented(shown));
        if (shown.size() < violations.size()) {
            parts.text("%n  ... and " + (violations.size() - shown.size()) + " more");
        }
        return new ShouldKeepOrder(parts, story);
    }

    /** Violations listed in full; the rest are counted (the timeline below shows them all). */
    private static final int MAX_SHOWN = 5;
}
