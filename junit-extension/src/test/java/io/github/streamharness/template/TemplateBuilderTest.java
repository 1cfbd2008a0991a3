package io.github.streamharness.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.StreamHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StreamHarness.builder().fromTemplate(..): one call for the mapping, the function and the stream (rule 18.3). */
class TemplateBuilderTest {

    @Test
    void fromTemplateConfiguresMappingFunctionAndStreamAndLaterSettersWin() {
        List<Integer> timeLeft = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder()
                .region("eu-west-1")
                .fromTemplate(TemplateMappingTest.SAM, "AnalyticsStreamProcessor", Map.of("Stage", "dev"))
                .memorySize(2048)
                .handler((event, context) -> {
                    timeLeft.add(context.getRemainingTimeInMillis());
                    return null;
                })
                .build()) {
            assertThat(h.streamArn()).isEqualTo("arn:aws:kinesis:eu-west-1:123456789012:stream/analytics-stream-dev");
            assertThat(h.shards()).hasSize(2);
            assertThat(h.mapping().functionName()).isEqualTo("analytics-stream-processor-dev");
            assertThat(h.mapping().functionSettings().reservedConcurrentExecutions()).hasValue(2); // Stage dev
            assertThat(h.mapping().functionSettings().memorySize()).isEqualTo(2048);              // the later setter
            // the pseudo parameters follow the builder's region (rule 18.3)
            assertThat(h.mapping().config().onFailureDestination())
                    .contains("arn:aws:sqs:eu-west-1:123456789012:analytics-dlq-dev");

            h.put("host-1", "{\"metric\":\"cpu\"}");
            h.runUntilIdle();
            assertThat(timeLeft).containsExactly((int) Duration.ofSeconds(120).toMillis());
        }
    }

    @Test
    void aTemplateWithoutFunctionSettingsKeepsTheHarnessDefaults() {
        try (StreamHarness h = StreamHarness.builder()
                .fromTemplate(Path.of("src/test/resources/templates/cfn-sns-destination.json"), "ClickMapping")
                .handler((event, context) -> null)
                .build()) {
            assertThat(h.shards()).hasSize(4);
            assertThat(h.streamName()).isEqualTo("ClickStream");
            assertThat(h.mapping().functionName()).isEqualTo("click-consumer");
        }
    }
}
