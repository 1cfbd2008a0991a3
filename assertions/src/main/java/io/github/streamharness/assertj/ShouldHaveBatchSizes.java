package io.github.streamharness.assertj;

import java.util.List;

/** Messages of the batch size assertions of {@link AbstractInvocationLogAssert} (rule 2.3, 2.5). */
final class ShouldHaveBatchSizes extends StreamErrorMessageFactory {

    private ShouldHaveBatchSizes(Parts parts, String story) {
        super(parts, story);
    }

    /** noBatchLargerThan. */
    static ShouldHaveBatchSizes shouldHaveNoBatchLargerThan(String functionName, int max, List<String> offending,
                                                            String story) {
        return new ShouldHaveBatchSizes(new Parts().text("Expecting no batch of ").plain(functionName)
                .text(" to hold more than " + max + " record(s)%nbut these invocations did:%n")
                .plain(indented(offending)), story);
    }

    /** noBatchOver6MB. */
    static ShouldHaveBatchSizes shouldHaveNoBatchOver(String functionName, long maxBytes, List<String> offending,
                                                      String story) {
        return new ShouldHaveBatchSizes(new Parts().text("Expecting no event of ").plain(functionName)
                .text(" to exceed " + maxBytes + " bytes of JSON (the 6 MB invoke payload limit)"
                        + "%nbut these invocations received larger events:%n").plain(indented(offending)), story);
    }
}
