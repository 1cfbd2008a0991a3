package io.github.streamharness.examples.analytics;

/**
 * What the handler does with a record it cannot parse (a poison pill). The two reporting modes only work when the
 * event source mapping has {@code FunctionResponseTypes=[ReportBatchItemFailures]} (rule 5.1); without it Lambda
 * ignores the response and the reported records are lost (rule 13.6).
 */
public enum FailureReporting {
    /**
     * Throw: the whole batch fails and nothing of it is written. This is the handler of the incident; with the
     * default MaximumRetryAttempts of -1 one poison pill blocks its shard (rule 4.5).
     */
    THROW,
    /**
     * The pattern from the AWS docs: process the records in order, stop at the first failure and report only its
     * sequence number. Lambda checkpoints before it and redelivers from it (rule 5.5); nothing is processed twice.
     */
    REPORT_FIRST_FAILURE,
    /**
     * Process every record that parses and report every one that does not. Lambda still checkpoints at the lowest
     * reported sequence number and redelivers everything after it (rule 5.5), so the good records after the first
     * failure are processed again: duplicates, unless the writes are idempotent.
     */
    REPORT_ALL_FAILURES
}
