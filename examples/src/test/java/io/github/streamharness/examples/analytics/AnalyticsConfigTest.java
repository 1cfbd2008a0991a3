package io.github.streamharness.examples.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheIncidentsHandler() {
        assertThat(AnalyticsConfig.fromEnvironment(Map.of())).isEqualTo(new AnalyticsConfig(
                new AnalyticsTables("metric-aggregates", "metric-applied-records"), WriteMode.ADDITIVE,
                FailureReporting.THROW));
    }

    @Test
    void readsTablesAndModesFromTheFunctionsEnvironment() {
        AnalyticsConfig config = AnalyticsConfig.fromEnvironment(Map.of(
                "AGGREGATES_TABLE", "prod-aggregates",
                "APPLIED_RECORDS_TABLE", "prod-applied",
                "WRITE_MODE", "idempotent",
                "FAILURE_REPORTING", " REPORT_FIRST_FAILURE "));

        assertThat(config).isEqualTo(new AnalyticsConfig(new AnalyticsTables("prod-aggregates", "prod-applied"),
                WriteMode.IDEMPOTENT, FailureReporting.REPORT_FIRST_FAILURE));
    }

    @Test
    void rejectsAnUnknownMode() {
        assertThatThrownBy(() -> AnalyticsConfig.fromEnvironment(Map.of("WRITE_MODE", "exactly-once")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
