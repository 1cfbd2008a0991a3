package io.github.streamharness.model;

/**
 * The mapping parameters the reference model understands (one lane, batching window 0, no 6 MB cut), plus the two
 * durations it needs to place invocations on the clock.
 *
 * @param batchSize                  BatchSize, 1..10000 (rule 1.1)
 * @param bisectBatchOnFunctionError BisectBatchOnFunctionError (rule 1.6, 0.1)
 * @param maximumRetryAttempts       MaximumRetryAttempts, -1 (infinite) or 0..10000 (rule 1.7)
 * @param maximumRecordAgeInSeconds  MaximumRecordAgeInSeconds, -1 (infinite) or 60..604800 (rule 1.8)
 * @param reportBatchItemFailures    whether FunctionResponseTypes holds ReportBatchItemFailures (rule 5.1)
 * @param functionTimeoutMs          how long a {@link Outcome#TIMEOUT} invocation lasts (rule 0.4)
 * @param invocationDurationMs       how long every other invocation that reaches the function lasts (rule 0.4:
 *                                   0 unless something spends time); at most the timeout
 * @param tumblingWindowInSeconds    TumblingWindowInSeconds, 0 (off) .. 900 (rule 1.11, 8); windows align to
 *                                   multiples of their length from model time 0
 */
public record ModelConfig(int batchSize, boolean bisectBatchOnFunctionError, int maximumRetryAttempts,
                          int maximumRecordAgeInSeconds, boolean reportBatchItemFailures,
                          long functionTimeoutMs, long invocationDurationMs, int tumblingWindowInSeconds) {

    /** Lambda's default function timeout, 3 s. */
    public static final long DEFAULT_FUNCTION_TIMEOUT_MS = 3_000;

    /** Checks the ranges of section 1; the model refuses what AWS would refuse. */
    public ModelConfig {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("BatchSize must be 1..10000: " + batchSize);
        }
        if (maximumRetryAttempts < -1 || maximumRetryAttempts > 10_000) {
            throw new IllegalArgumentException("MaximumRetryAttempts must be -1..10000: " + maximumRetryAttempts);
        }
        if (maximumRecordAgeInSeconds != -1
                && (maximumRecordAgeInSeconds < 60 || maximumRecordAgeInSeconds > 604_800)) {
            throw new IllegalArgumentException(
                    "MaximumRecordAgeInSeconds must be -1 or 60..604800: " + maximumRecordAgeInSeconds);
        }
        if (functionTimeoutMs < 1 || invocationDurationMs < 0 || invocationDurationMs > functionTimeoutMs) {
            throw new IllegalArgumentException("need 0 <= invocationDurationMs <= functionTimeoutMs, 1 <= timeout");
        }
        if (tumblingWindowInSeconds < 0 || tumblingWindowInSeconds > 900) {
            throw new IllegalArgumentException("TumblingWindowInSeconds must be 0..900: " + tumblingWindowInSeconds);
        }
    }

    /** A configuration without tumbling windows. */
    public ModelConfig(int batchSize, boolean bisectBatchOnFunctionError, int maximumRetryAttempts,
                       int maximumRecordAgeInSeconds, boolean reportBatchItemFailures, long functionTimeoutMs,
                       long invocationDurationMs) {
        this(batchSize, bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAgeInSeconds,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, 0);
    }

    /** A copy with another TumblingWindowInSeconds. */
    public ModelConfig withTumblingWindowInSeconds(int value) {
        return new ModelConfig(batchSize, bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAgeInSeconds,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, value);
    }

    /** Whether the mapping aggregates in tumbling windows. */
    public boolean tumbling() {
        return tumblingWindowInSeconds > 0;
    }

    /** AWS's defaults (BatchSize 100, no bisect, -1/-1, no ReportBatchItemFailures), 3 s timeout, 0 ms calls. */
    public static ModelConfig defaults() {
        return new ModelConfig(100, false, -1, -1, false, DEFAULT_FUNCTION_TIMEOUT_MS, 0);
    }

    /** A copy with another BatchSize. */
    public ModelConfig withBatchSize(int value) {
        return new ModelConfig(value, bisectBatchOnFunctionError, maximumRetryAttempts, maximumRecordAgeInSeconds,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, tumblingWindowInSeconds);
    }

    /** A copy with another BisectBatchOnFunctionError. */
    public ModelConfig withBisect(boolean value) {
        return new ModelConfig(batchSize, value, maximumRetryAttempts, maximumRecordAgeInSeconds,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, tumblingWindowInSeconds);
    }

    /** A copy with another MaximumRetryAttempts. */
    public ModelConfig withMaximumRetryAttempts(int value) {
        return new ModelConfig(batchSize, bisectBatchOnFunctionError, value, maximumRecordAgeInSeconds,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, tumblingWindowInSeconds);
    }

    /** A copy with another MaximumRecordAgeInSeconds. */
    public ModelConfig withMaximumRecordAgeInSeconds(int value) {
        return new ModelConfig(batchSize, bisectBatchOnFunctionError, maximumRetryAttempts, value,
                reportBatchItemFailures, functionTimeoutMs, invocationDurationMs, tumblingWindowInSeconds);
    }

    /** A copy with ReportBatchItemFailures on or off. */
    public ModelConfig withReportBatchItemFailures(boolean value) {
        return new ModelConfig(batchSize, bisectBatchOnFunctionError, maximumRetryAttempts,
                maximumRecordAgeInSeconds, value, functionTimeoutMs, invocationDurationMs,
                tumblingWindowInSeconds);
    }

    /** A copy with another function timeout and invocation duration. */
    public ModelConfig withDurations(long timeoutMs, long durationMs) {
        return new ModelConfig(batchSize, bisectBatchOnFunctionError, maximumRetryAttempts,
                maximumRecordAgeInSeconds, reportBatchItemFailures, timeoutMs, durationMs, tumblingWindowInSeconds);
    }

    /** Whether MaximumRecordAgeInSeconds is set (not -1). */
    public boolean hasRecordAge() {
        return maximumRecordAgeInSeconds != -1;
    }
}
