package io.github.streamharness;

/** Why a batch went to the on-failure destination: {@code requestContext.condition} of spec 6.1. */
public enum OnFailureCondition {
    /** The batch failed MaximumRetryAttempts + 1 times (spec 4.4). */
    RetryAttemptsExhausted,
    /** The records were older than MaximumRecordAgeInSeconds before an attempt (spec 4.6). */
    RecordAgeExceeded
}
