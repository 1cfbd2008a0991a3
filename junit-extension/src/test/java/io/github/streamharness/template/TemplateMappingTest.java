package io.github.streamharness.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.TemplateFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Mappings and function settings read from the files teams deploy: SAM, CloudFormation JSON, CDK output (18.3). */
class TemplateMappingTest {
    static final Path SAM = Path.of("src/test/resources/templates/sam-analytics.yaml");
    static final Path CFN = Path.of("src/test/resources/templates/cfn-sns-destination.json");
    static final Path CDK = Path.of("src/test/resources/templates/cdk.out/AnalyticsStack.template.json");

    @Test
    void samKinesisEventGivesTheFixedConfigurationWithTheDlqArnFromGetAtt() {
        // rule 18.3: SAM's event properties carry the AWS names; !GetAtt Q.Arn is the queue ARN
        EventSourceMappingConfig c = EventSourceMappingConfig.fromTemplate(SAM, "AnalyticsStreamProcessor/Stream");

        assertThat(c.batchSize()).isEqualTo(100);
        assertThat(c.maximumBatchingWindowInSeconds()).isEqualTo(5);
        assertThat(c.parallelizationFactor()).isEqualTo(10);
        assertThat(c.startingPosition()).isEqualTo(StartingPosition.TRIM_HORIZON);
        assertThat(c.bisectBatchOnFunctionError()).isTrue();
        assertThat(c.maximumRetryAttempts()).isEqualTo(3);
        assertThat(c.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(c.functionResponseTypes()).containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(c.filterPatterns()).containsExactly("{\"data\": {\"metric\": [\"cpu\", \"mem\", \"disk\"]}}");
        assertThat(c.onFailureDestination()).contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq-prod");
        assertThat(c.enabled()).isTrue();
    }

    @Test
    void samFunctionSettingsComeFromGlobalsAndTheFunctionAndTheStreamFromItsResource() {
        // rule 18.3: Globals.Function defaults apply; rule 15.1: Timeout and MemorySize
        TemplateFunction f = TemplateFunction.read(SAM, "AnalyticsStreamProcessor");

        assertThat(f.logicalId()).isEqualTo("AnalyticsStreamProcessor/Stream");
        assertThat(f.functionLogicalId()).contains("AnalyticsStreamProcessor");
        assertThat(f.functionName()).contains("analytics-stream-processor-prod");
        assertThat(f.timeout()).contains(Duration.ofSeconds(120));
        assertThat(f.memorySize()).hasValue(1024);
        assertThat(f.reservedConcurrentExecutions()).hasValue(20); // !If [IsProd, 20, 2]
        assertThat(f.provisionedConcurrentExecutions()).isEmpty();
        assertThat(f.streamName()).contains("analytics-stream-prod");
        assertThat(f.shardCount()).hasValue(2);
    }

    @Test
    void parameterValuesPassedByTheTestWinOverDefaultsAndDecideConditions() {
        TemplateFunction f = TemplateFunction.read(SAM, "AnalyticsStreamProcessor",
                Map.of("Stage", "dev", "ShardCount", "4"));

        assertThat(f.mapping().onFailureDestination()).contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq-dev");
        assertThat(f.reservedConcurrentExecutions()).hasValue(2);
        assertThat(f.streamName()).contains("analytics-stream-dev");
        assertThat(f.shardCount()).hasValue(4);
    }

    @Test
    void pseudoParametersFollowTheRegionAndAccountGiven() {
        TemplateFunction f = TemplateFunction.read(SAM, "AnalyticsStreamProcessor/Stream",
                Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "111122223333"));

        assertThat(f.mapping().onFailureDestination()).contains("arn:aws:sqs:eu-west-1:111122223333:analytics-dlq-prod");
    }

    @Test
    void cloudFormationJsonMappingWithRefToAnSnsTopicGetsTheTopicArn() {
        // rule 18.3: SNS !Ref is the topic ARN; Fn::If on a condition; a Number parameter's Default
        EventSourceMappingConfig c = EventSourceMappingConfig.fromTemplate(CFN, "ClickMapping");

        assertThat(c.onFailureDestination()).contains("arn:aws:sns:us-east-1:123456789012:click-failures");
        assertThat(c.startingPosition()).isEqualTo(StartingPosition.AT_TIMESTAMP);
        assertThat(c.startingPositionTimestamp()).contains(Instant.parse("2026-01-01T00:00:00.500Z"));
        assertThat(c.batchSize()).isEqualTo(500);
        assertThat(c.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(c.maximumRetryAttempts()).isEqualTo(2);
        assertThat(c.bisectBatchOnFunctionError()).isFalse();
        assertThat(c.functionResponseTypes()).isEmpty();
        assertThat(c.enabled()).isTrue();
        assertThat(EventSourceMappingConfig.fromTemplate(CFN, "ClickMapping", Map.of("AWS::Region", "eu-west-1"))
                .enabled()).isFalse();
    }

    @Test
    void cloudFormationMappingFindsItsFunctionThroughFunctionNameRef() {
        TemplateFunction f = TemplateFunction.read(CFN, "ClickMapping");

        assertThat(f.functionLogicalId()).contains("ClickConsumer");
        assertThat(f.functionName()).contains("click-consumer");
        assertThat(f.timeout()).contains(Duration.ofSeconds(60));
        assertThat(f.memorySize()).hasValue(512);
        assertThat(f.streamName()).contains("ClickStream"); // no Name: named by its logical id (modelled, 18.3)
        assertThat(f.shardCount()).hasValue(4);
        assertThat(TemplateFunction.read(CFN, "ClickConsumer").logicalId()).isEqualTo("ClickMapping");
    }

    @Test
    void cdkSynthOutputIsReadByLogicalIdWithItsHashOrByConstructPath() {
        TemplateFunction byId = TemplateFunction.read(CDK, "AnalyticsStreamProcessor2D4B8F61");
        TemplateFunction byPath = TemplateFunction.read(CDK, "AnalyticsStack/AnalyticsStreamProcessor");

        assertThat(byPath).hasToString(byId.toString()); // the config has no equals: compare what it prints
        assertThat(byId.logicalId())
                .isEqualTo("AnalyticsStreamProcessorKinesisEventSourceAnalyticsStackAnalyticsStream3B2F4A1C8E6D0B27");
        EventSourceMappingConfig c = byId.mapping();
        assertThat(c.batchSize()).isEqualTo(100);
        assertThat(c.maximumBatchingWindowInSeconds()).isEqualTo(5);
        assertThat(c.parallelizationFactor()).isEqualTo(10);
        assertThat(c.bisectBatchOnFunctionError()).isTrue();
        assertThat(c.maximumRetryAttempts()).isEqualTo(3);
        assertThat(c.reportBatchItemFailures()).isTrue();
        assertThat(c.onFailureDestination()).contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq");
        assertThat(byId.functionName()).contains("analytics-stream-processor");
        assertThat(byId.timeout()).contains(Duration.ofSeconds(120));
        assertThat(byId.memorySize()).hasValue(1024);
        assertThat(byId.reservedConcurrentExecutions()).hasValue(20);
        assertThat(byId.streamName()).contains("analytics-stream");
        assertThat(byId.shardCount()).hasValue(2);
    }

    @Test
    void anEmptyLogicalIdTakesTheTemplatesOnlyMapping() {
        assertThat(TemplateFunction.read(CDK, "").mapping().batchSize()).isEqualTo(100);
        assertThat(TemplateFunction.read(SAM, "").functionName()).isEqualTo(Optional.of("analytics-stream-processor-prod"));
        assertThat(TemplateFunction.read(CFN, "").memorySize()).isEqualTo(OptionalInt.of(512));
    }
}
