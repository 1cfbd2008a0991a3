package io.github.streamharness.examples.analytics;

/** Why Lambda discarded a batch and sent it to the on-failure destination: {@code requestContext.condition} (rule 6.1). */
public enum FailureCondition {
    /** Every allowed attempt failed (rule 4.4); the message has a {@code responseContext}. */
    RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
    /** The records passed MaximumRecordAgeInSeconds (rule 4.6); the message has no {@code responseContext} (rule 6.2). */
    RECORD_AGE_EXCEEDED("RecordAgeExceeded");

    private final String awsName;

    FailureCondition(String awsName) {
        this.awsName = awsName;
    }

    /** The value as it appears in the message, e.g. {@code RetryAttemptsExhausted}. */
    public String awsName() {
        return awsName;
    }

    /**
     * The condition with the given AWS name.
     *
     * @throws IllegalArgumentException if the name is not one Lambda sends
     */
    public static FailureCondition fromAwsName(String name) {
        for (FailureCondition condition : values()) {
            if (condition.awsName.equals(name)) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown condition \"" + name + "\"");
    }
}
