package io.github.streamharness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @KinesisStreamTest(template = ..., function = ...)}: the deployed configuration, and which wins when the
 * annotations say otherwise (method annotation, class annotation, the extension's builder, the template, AWS's
 * defaults; rule 18.3).
 */
@KinesisStreamTest(template = "src/test/resources/templates/sam-analytics.yaml", function = "AnalyticsStreamProcessor")
class TemplateAnnotationTest {
    final List<Integer> timeLeftAtEntry = new ArrayList<>();
    final List<Integer> memory = new ArrayList<>();
    @HandlerUnderTest
    RequestHandler<KinesisEvent, Void> handler = (KinesisEvent event, Context context) -> {
        timeLeftAtEntry.add(context.getRemainingTimeInMillis());
        memory.add(context.getMemoryLimitInMB());
        return null;
    };

    @Test
    void theHarnessRunsTheTemplatesMappingFunctionAndStream(StreamHarness stream, MappedFunction function) {
        assertThat(stream.streamName()).isEqualTo("analytics-stream-prod");
        assertThat(stream.shards()).hasSize(2);
        assertThat(function.functionName()).isEqualTo("analytics-stream-processor-prod");
        assertThat(function.config().parallelizationFactor()).isEqualTo(10);
        assertThat(function.config().reportBatchItemFailures()).isTrue();
        assertThat(function.deadLetterQueue()).isNotNull();
        assertThat(function.functionSettings().reservedConcurrentExecutions()).hasValue(20); // !If [IsProd, 20, 2]
        assertThat(function.functionSettings().timeout()).isEqualTo(java.time.Duration.ofSeconds(120));

        stream.put("host-1", "{\"metric\":\"cpu\",\"value\":1}");
        stream.put("host-2", "{\"metric\":\"gpu\",\"value\":1}"); // rule 9: the template's filter drops it
        stream.runUntilIdle();

        assertThat(function.invocations().all()).hasSize(1);
        assertThat(timeLeftAtEntry).containsExactly(120_000); // Globals.Function Timeout
        assertThat(memory).containsExactly(1024);             // Globals.Function MemorySize
    }

    @Nested
    @EventSourceMapping(batchSize = 7)
    class WithAnEventSourceMappingAnnotation {
        @Test
        void theAnnotationReplacesTheTemplatesMappingAndTheFunctionSettingsStay(MappedFunction function,
                                                                                StreamHarness stream) {
            assertThat(function.config().batchSize()).isEqualTo(7);
            assertThat(function.config().parallelizationFactor()).isEqualTo(1);
            assertThat(stream.shards()).hasSize(2);
        }
    }

    @Nested
    @KinesisStreamTest(template = "classpath:templates/cdk.out/AnalyticsStack.template.json",
            function = "AnalyticsStack/AnalyticsStreamProcessor", shards = 3, functionName = "renamed")
    class FromTheClasspathWithAttributesThatWin {
        @Test
        void attributesWinOverTheTemplate(StreamHarness stream, MappedFunction function) {
            assertThat(stream.shards()).hasSize(3);
            assertThat(function.functionName()).isEqualTo("renamed");
            assertThat(stream.streamName()).isEqualTo("analytics-stream");
            assertThat(function.config().onFailureDestination())
                    .contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq");
        }
    }

    @Nested
    @KinesisStreamTest(template = "src/test/resources/templates/sam-analytics.yaml",
            templateParameters = {"Stage=dev", "ShardCount=1"})
    class WithParameterValues {
        @Test
        void parameterValuesReachTheNamesAndTheShardCount(StreamHarness stream, MappedFunction function) {
            assertThat(stream.shards()).hasSize(1);
            assertThat(function.config().onFailureDestination())
                    .contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq-dev");
        }
    }
}
