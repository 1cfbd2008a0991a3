package io.github.streamharness.assertj;

/** Message of the ledger assertions of {@link AbstractMappedFunctionAssert} and {@link AbstractStreamHarnessAssert}. */
final class ShouldHaveConsistentLedger extends StreamErrorMessageFactory {

    private ShouldHaveConsistentLedger(Parts parts, String story) {
        super(parts, story);
    }

    /** hasConsistentLedger. */
    static ShouldHaveConsistentLedger shouldHaveConsistentLedger(String functionName, String problems,
                                                                String counts, String story) {
        return new ShouldHaveConsistentLedger(new Parts().text("Expecting every record to be in exactly one state for ")
                .plain(functionName).text("%nbut:%n  ").plain(problems).text("%nledger: ").plain(counts), story);
    }
}
