package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FunctionLogsAssert and MetricsAssert, passing and failing, with the lines and datapoints in the message. */
class FunctionLogsAndMetricsAssertTest {
    private static final String ID_0 = "5e41ab08-7439-411e-b18d-6ce93d6cf1ee";

    /**
     * Timeout 3 s; a record's data is the seconds of work it takes: "5" times out, at 00:00:00 and again at 00:00:04
     * (one retry), then "1" succeeds at 00:00:07 with the next record. The handler logs "working".
     */
    private static StreamHarness timeouts() {
        StreamHarness[] self = new StreamHarness[1];
        self[0] = StreamHarness.builder().functionName("orders-fn").seed(1L)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(1).build())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    c.getLogger().log("working");
                    String data = StandardCharsets.UTF_8.decode(e.getRecords().get(0).getKinesis().getData())
                            .toString();
                    self[0].clock().sleep(Duration.ofSeconds(Long.parseLong(data)));
                    return null;
                }).build();
        self[0].put("pk", "5");
        self[0].put("pk", "1");
        self[0].runUntilIdle();
        return self[0];
    }

    @Test
    void hasNoTimeoutsPassesWithoutThemAndFailsShowingTheTimeoutLines() {
        // rule 16.2
        StreamHarness ok = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        ok.put("pk", "a");
        ok.runUntilIdle();
        assertThat(ok.logs()).hasNoTimeouts();

        StreamHarness h = timeouts();
        String id1 = h.invocations().all().get(1).awsRequestId();
        assertThat(h.logs()).hasTimeouts(2);
        assertThatThrownBy(() -> assertThat(h.logs()).hasNoTimeouts())
                .hasMessage(String.format("Expecting log group /aws/lambda/orders-fn to have no \"Task timed out\" "
                        + "line%nbut it had 2 such lines:%n"
                        + "  2026-01-01T00:00:03Z 2026/01/01/[$LATEST]%s 2026-01-01T00:00:03.000Z " + ID_0
                        + " Task timed out after 3.00 seconds%n"
                        + "  2026-01-01T00:00:07Z 2026/01/01/[$LATEST]%s 2026-01-01T00:00:07.000Z " + id1
                        + " Task timed out after 3.00 seconds", stream(h, 0), stream(h, 1)));
    }

    private static String stream(StreamHarness h, int invocation) {
        String id = h.invocations().all().get(invocation).awsRequestId();
        String name = h.logs().events().stream().filter(e -> e.requestId().equals(id)).findFirst().orElseThrow()
                .logStreamName();
        return name.substring(name.indexOf(']') + 1);
    }

    @Test
    void containsLinePassesForAnExactLineAndFailsListingTheLines() {
        // rule 16.2
        StreamHarness h = timeouts();
        assertThat(h.logs()).containsLine("START RequestId: " + ID_0 + " Version: $LATEST")
                .containsLineMatching("^REPORT RequestId: \\S+\tDuration: 1000\\.00 ms\t")
                .doesNotContainLineMatching("Runtime exited");

        assertThatThrownBy(() -> assertThat(h.logs()).containsLine("END RequestId: nope"))
                .hasMessageStartingWith(String.format("Expecting log group /aws/lambda/orders-fn to contain the "
                        + "line:%n  END RequestId: nope%nbut it did not; its 14 event(s):%n"
                        + "  2026-01-01T00:00:00Z 2026/01/01/[$LATEST]"))
                .hasMessageContaining("\\tBilled Duration: 3000 ms\\t");
        assertThatThrownBy(() -> assertThat(h.logs()).doesNotContainLineMatching("^working$"))
                .hasMessageStartingWith(String.format("Expecting log group /aws/lambda/orders-fn to have no line "
                        + "matching /^working$/%nbut it had 3 such lines:%n  2026-01-01T00:00:00Z "));
    }

    @Test
    void hasQueryRowCountRunsALogsInsightsQueryAndShowsTheRows() {
        // rule 16.3
        StreamHarness h = timeouts();
        String query = "filter @message like /Task timed out/ | stats count(*) as timeouts by bin(5m)";
        assertThat(h.logs()).hasQueryRowCount(query, 1);
        assertThatThrownBy(() -> assertThat(h.logs()).hasQueryRowCount(query, 0))
                .hasMessageContaining(String.format("Expecting the Logs Insights query%n  " + query
                        + "%nover /aws/lambda/orders-fn to return 0 row(s) but it returned 1:%n"
                        + "  {bin(5m)=2026-01-01 00:00:00.000, timeouts=2}"));
    }

    @Test
    void maximumPerPeriodAllBelowPassesAndFailsShowingTheDatapointsOverTheBound() {
        // rule 17.1, 17.2: the seed's IteratorAge per 5 minutes
        StreamHarness h = StreamHarness.builder().functionName("orders-fn")
                .mapping(EventSourceMappingConfig.defaults())
                .handler((RequestHandler<KinesisEvent, Void>) (e, c) -> null).build();
        h.put("pk", "a");
        h.advance(Duration.ofMinutes(7));
        h.put("pk", "b");
        h.runUntilIdle();
        h.faults().always().times(1).throttle();
        h.put("pk", "c");
        h.runUntilIdle();

        assertThat(h.metrics()).metric("IteratorAge").maximumPer(Duration.ofMinutes(5)).allBelow(60_000).isNotEmpty();
        assertThat(h.metrics()).metric("Invocations").hasTotal(3);
        assertThat(h.metrics()).metric("Errors").hasTotal(0).sumPer(Duration.ofHours(1)).allAtMost(0);
        assertThat(h.metrics()).metric("Throttles").hasTotal(1);
        assertThat(h.metrics()).metric("DroppedEventCount").hasNoDatapoints();
        assertThat(h.metrics()).metric("IteratorAgeMilliseconds", "shardId-000000000000")
                .maximumPer(Duration.ofMinutes(1)).allAtMost(1_000);
        assertThat(h.metrics()).metric("InvokedEventCount").sumPer(Duration.ofMinutes(5)).anyAtLeast(1)
                .allAtLeast(1).datapoints().hasSize(2);

        assertThatThrownBy(() -> assertThat(h.metrics()).metric("Invocations").sumPer(Duration.ofMinutes(5))
                .allBelow(2))
                .hasMessage(String.format("Expecting every datapoint of the 5m SUM of Invocations (AWS/Lambda "
                        + "FunctionName=orders-fn)%nto be below 2%nbut 1 of 2 were not:%n"
                        + "  2026-01-01T00:05:00Z  2%nall datapoints:%n"
                        + "  2026-01-01T00:00:00Z  1%n  2026-01-01T00:05:00Z  2"));
        assertThatThrownBy(() -> assertThat(h.metrics()).metric("Throttles").hasNoDatapoints())
                .hasMessage(String.format("Expecting Throttles (AWS/Lambda FunctionName=orders-fn) to have no "
                        + "datapoint%nbut its 1m sums were:%n  2026-01-01T00:07:00Z  1"));
        assertThatThrownBy(() -> assertThat(h.metrics()).metric("Invocations").hasTotal(2))
                .hasMessageStartingWith("Expecting Invocations (AWS/Lambda FunctionName=orders-fn) to total 2 but it "
                        + "totals 3");
        assertThatThrownBy(() -> assertThat(h.metrics()).metric("IteratorAge").maximumPer(Duration.ofMinutes(5))
                .anyAtLeast(2_700_000))
                .hasMessage(String.format("Expecting some datapoint of the 5m MAXIMUM of IteratorAge (AWS/Lambda "
                        + "FunctionName=orders-fn)%nto be at least 2,700,000%nbut none was; datapoints:%n"
                        + "  2026-01-01T00:00:00Z  0%n  2026-01-01T00:05:00Z  1,000")); // c waited 1 s (throttle)
        assertThatThrownBy(() -> assertThat(h.metrics()).metric("IteratorAgeMax"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown metric 'IteratorAgeMax'");
    }

    @Test
    void navigationFromTheHarnessAndSoftAssertionsReachLogsAndMetrics() {
        StreamHarness h = timeouts();
        assertThat(h).logs().hasTimeouts(2);
        assertThat(h).metrics().metric("Errors").hasTotal(2);

        StreamSoftAssertions softly = new StreamSoftAssertions();
        softly.assertThat(h.logs()).hasNoTimeouts();
        softly.assertThat(h.metrics()).metric("Errors").hasTotal(0);
        softly.assertThat(h).metrics().metric("Errors").sumPer(Duration.ofMinutes(1)).allBelow(1);
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
    }
}
