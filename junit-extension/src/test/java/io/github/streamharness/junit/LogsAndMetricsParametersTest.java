package io.github.streamharness.junit;

import io.github.streamharness.FunctionLogs;
import io.github.streamharness.Metrics;
import io.github.streamharness.Statistic;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension resolves the function's logs and metrics as test parameters (section 16, 17). */
@KinesisStreamTest(handler = MisconfigurationTest.Noop.class, functionName = "orders-fn")
class LogsAndMetricsParametersTest {

    @Test
    void logsAndMetricsAreTheOnlyMappingsFunctions(StreamHarness stream, FunctionLogs logs, Metrics metrics) {
        stream.put("pk", "x");
        stream.runUntilIdle();

        assertThat(logs.logGroupName()).isEqualTo("/aws/lambda/orders-fn");
        assertThat(logs.messages()).hasSize(3).first().asString().startsWith("START RequestId: ");
        assertThat(metrics.functionName()).isEqualTo("orders-fn");
        assertThat(metrics.total("Invocations", Statistic.SUM)).isEqualTo(1);
        assertThat(metrics.statistics("Invocations", Statistic.SUM, Duration.ofMinutes(1))).hasSize(1);
        assertThat(stream.logs()).isSameAs(logs);
    }
}
