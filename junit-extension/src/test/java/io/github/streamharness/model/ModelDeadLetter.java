package io.github.streamharness.model;

/**
 * One on-failure destination message of the reference model (rule 6.1), reduced to what the failure rules decide.
 *
 * @param condition              why the records were discarded
 * @param approximateInvokeCount invocations of that exact batch that reached the function; at least 1 for
 *                               RecordAgeExceeded (rule 13.7)
 * @param firstRecord            index of the first discarded record (startSequenceNumber)
 * @param lastRecord             index of the last discarded record (endSequenceNumber)
 * @param batchSize              the number of discarded records
 * @param functionError          for RetryAttemptsExhausted: "Unhandled" after an exception or timeout, null after a
 *                               failure response (rule 5.4); always null for RecordAgeExceeded, which has no
 *                               responseContext (rule 6.2)
 * @param atMs                   when the message was sent
 */
public record ModelDeadLetter(Condition condition, int approximateInvokeCount, int firstRecord, int lastRecord,
                              int batchSize, String functionError, long atMs) {

    /** The {@code requestContext.condition} values of rule 6.1. */
    public enum Condition {
        /** The batch failed MaximumRetryAttempts + 1 times (rule 4.4). */
        RetryAttemptsExhausted,
        /** The records were older than MaximumRecordAgeInSeconds before an attempt (rule 4.6). */
        RecordAgeExceeded
    }

    /** The function error reported for an unhandled exception or a timeout (rule 4.1). */
    public static final String UNHANDLED = "Unhandled";
}
