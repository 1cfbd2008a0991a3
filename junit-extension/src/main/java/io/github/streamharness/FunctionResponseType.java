package io.github.streamharness;

/** Values of the mapping's {@code FunctionResponseTypes} list (rule 1.10). */
public enum FunctionResponseType {
    /** The function may return {@code {"batchItemFailures":[...]}} to report a partial batch failure (section 5). */
    REPORT_BATCH_ITEM_FAILURES("ReportBatchItemFailures");

    private final String awsName;

    FunctionResponseType(String awsName) {
        this.awsName = awsName;
    }

    /** The value as the AWS API spells it. */
    public String awsName() {
        return awsName;
    }
}
