package io.github.streamharness;

/** Why a batch went to the on-failure destination: {@code requestContext.condition} of rule 6.1. */
public enum OnFailureCondition {
    /** The batch failed MaximumRetryAttempts + 1 times (rule 4.4). */
    RetryAttemptsExhausted,
    /** The records were older than MaximumRecordAgeInSeconds before an attempt (rule 4.6). */
    RecordAgeExceeded
}
