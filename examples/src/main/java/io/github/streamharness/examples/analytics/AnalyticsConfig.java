package io.github.streamharness.examples.analytics;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The handler's settings: where it writes, how it merges, and what it does with a poison pill.
 *
 * @param tables           the DynamoDB tables
 * @param writeMode        additive or idempotent writes
 * @param failureReporting throw, or report failed records in a partial batch response
 */
public record AnalyticsConfig(AnalyticsTables tables, WriteMode writeMode, FailureReporting failureReporting) {

    /** Environment variable naming the aggregates table. */
    public static final String AGGREGATES_TABLE_ENV = "AGGREGATES_TABLE";
    /** Environment variable naming the applied-records table. */
    public static final String APPLIED_RECORDS_TABLE_ENV = "APPLIED_RECORDS_TABLE";
    /** Environment variable holding a {@link WriteMode} name. */
    public static final String WRITE_MODE_ENV = "WRITE_MODE";
    /** Environment variable holding a {@link FailureReporting} name. */
    public static final String FAILURE_REPORTING_ENV = "FAILURE_REPORTING";

    /** Validates the fields. */
    public AnalyticsConfig {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(writeMode, "writeMode");
        Objects.requireNonNull(failureReporting, "failureReporting");
    }

    /** The incident's handler: default tables, additive writes, throws on a poison pill. */
    public static AnalyticsConfig defaults() {
        return new AnalyticsConfig(AnalyticsTables.defaults(), WriteMode.ADDITIVE, FailureReporting.THROW);
    }

    /**
     * Reads the settings from a function's environment variables, as the deployed Lambda does; a variable that is
     * absent keeps the {@link #defaults()} value.
     *
     * @throws IllegalArgumentException if a mode variable holds an unknown name
     */
    public static AnalyticsConfig fromEnvironment(Map<String, String> env) {
        AnalyticsConfig d = defaults();
        AnalyticsTables tables = new AnalyticsTables(
                env.getOrDefault(AGGREGATES_TABLE_ENV, d.tables().aggregatesTable()),
                env.getOrDefault(APPLIED_RECORDS_TABLE_ENV, d.tables().appliedRecordsTable()));
        WriteMode writeMode = env.containsKey(WRITE_MODE_ENV)
                ? WriteMode.valueOf(env.get(WRITE_MODE_ENV).trim().toUpperCase(Locale.ROOT)) : d.writeMode();
        FailureReporting reporting = env.containsKey(FAILURE_REPORTING_ENV)
                ? FailureReporting.valueOf(env.get(FAILURE_REPORTING_ENV).trim().toUpperCase(Locale.ROOT))
                : d.failureReporting();
        return new AnalyticsConfig(tables, writeMode, reporting);
    }

    /** This config with another write mode. */
    public AnalyticsConfig withWriteMode(WriteMode mode) {
        return new AnalyticsConfig(tables, mode, failureReporting);
    }

    /** This config with another failure reporting. */
    public AnalyticsConfig withFailureReporting(FailureReporting reporting) {
        return new AnalyticsConfig(tables, writeMode, reporting);
    }
}
