package io.github.streamharness;

/**
 * What a warning of the harness is about. The kinds that mean records would be silently lost or never delivered in
 * production ({@link #failsTests()}) fail a {@code @KinesisStreamTest} after it ran, unless the test allows them
 * ({@code @KinesisStreamTest(allowWarnings = ...)}, {@code failOnWarnings = false}, or the same on
 * {@code KinesisStreamExtension.Builder}); the others are only printed. docs/guide.md lists them.
 */
public enum WarningKind {
    /**
     * The function returned {@code batchItemFailures} but the mapping does not enable ReportBatchItemFailures: AWS
     * ignores the response and checkpoints the whole batch, so the records the function reported are lost
     * (rule 5.1).
     */
    IGNORED_BATCH_ITEM_FAILURES(true),
    /**
     * A filter pattern tests a key other than {@code data} at the top of the Kinesis record (rule 9.1): it
     * never matches what the function's code expects, so the records it should pass are never delivered.
     */
    FILTER_ON_NON_DATA_KEY(true),
    /**
     * Records were discarded after their retries or their maximum age with no on-failure destination: AWS skips
     * them and keeps no trace (rule 4.4).
     */
    RECORDS_DISCARDED_WITHOUT_DESTINATION(true),
    /**
     * The on-failure destination could not take the records (a FIFO queue or topic, rule 1.9, 6.5), so they were
     * dropped.
     */
    DESTINATION_DELIVERY_FAILED(true),
    /** The real-time watchdog stopped an invocation that spent too much wall-clock time (rule 0.4). */
    WATCHDOG_STOPPED_INVOCATION(false),
    /** Any other warning: printed, never fails a test. */
    OTHER(false);

    private final boolean failsTests;

    WarningKind(boolean failsTests) {
        this.failsTests = failsTests;
    }

    /** Whether this kind fails a {@code @KinesisStreamTest} by default: records would be lost in production. */
    public boolean failsTests() {
        return failsTests;
    }
}
