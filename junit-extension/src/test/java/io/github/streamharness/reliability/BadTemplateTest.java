package io.github.streamharness.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.InvalidEventSourceMappingException;
import io.github.streamharness.InvalidTemplateException;
import io.github.streamharness.TemplateFunction;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bad templates fail with the file, the line, the property path and what to do (rule 18.3); values AWS would
 * reject keep the builder's AWS texts (rule 1). The exact texts are listed in docs/bad-inputs.md.
 */
class BadTemplateTest {
    private static final Path SAM = Path.of("src/test/resources/templates/sam-analytics.yaml");

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                Arguments.of("unknown-property", "src/test/resources/templates/bad/unknown-property.yaml:22: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.BisectBatchOnFunctionErrors: "
                        + "unknown property BisectBatchOnFunctionErrors; did you mean BisectBatchOnFunctionError? It is "
                        + "not a property of a SAM Kinesis event, so AWS would refuse it; the valid names are [BatchSize, "
                        + "BisectBatchOnFunctionError, DestinationConfig, Enabled, FilterCriteria, FunctionResponseTypes, "
                        + "KmsKeyArn, MaximumBatchingWindowInSeconds, MaximumRecordAgeInSeconds, MaximumRetryAttempts, "
                        + "MetricsConfig, ParallelizationFactor, StartingPosition, StartingPositionTimestamp, Stream, "
                        + "TumblingWindowInSeconds]."),
                Arguments.of("unresolvable-parameter", "src/test/resources/templates/bad/unresolvable-parameter.yaml:25: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.BatchSize: !Ref "
                        + "BatchSize: parameter BatchSize has no Default and no value was passed. Pass its value with the "
                        + "parameter values, e.g. Map.of(\"BatchSize\", \"...\") (or templateParameters = "
                        + "\"BatchSize=...\" on the annotation)."),
                Arguments.of("import-value-destination", "src/test/resources/templates/bad/import-value-destination.yaml:25: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.DestinationConfig.OnFailure.Destination: "
                        + "!ImportValue shared-analytics-dlq-arn reads an export of another stack, which the harness "
                        + "cannot see. Make it a parameter of this template and pass its value, or write the value "
                        + "literally."),
                Arguments.of("wrong-type", "src/test/resources/templates/bad/wrong-type.yaml:22: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.BatchSize: expected an "
                        + "integer, got 'one hundred'."),
                Arguments.of("invalid-value", "src/test/resources/templates/bad/invalid-value.yaml:22: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.MaximumRecordAgeInSeconds: "
                        + "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                Arguments.of("sqs-ref-destination", "src/test/resources/templates/bad/sqs-ref-destination.yaml:25: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties.DestinationConfig.OnFailure.Destination: "
                        + "Invalid on-failure destination 'https://sqs.us-east-1.amazonaws.com/123456789012/AnalyticsDlq': "
                        + "a Kinesis event source mapping accepts an SQS queue ARN "
                        + "(arn:aws:sqs:us-east-1:123456789012:my-dlq), an SNS topic ARN "
                        + "(arn:aws:sns:us-east-1:123456789012:my-topic) or an S3 bucket ARN (arn:aws:s3:::my-bucket); "
                        + "Kafka topics are for Kafka mappings only (rule 1.9). !Ref AnalyticsDlq is the queue's URL, as "
                        + "CloudFormation returns it for an AWS::SQS::Queue; the destination needs its ARN: !GetAtt "
                        + "AnalyticsDlq.Arn"),
                Arguments.of("unknown-function-property", "src/test/resources/templates/bad/unknown-function-property.yaml:15: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Timout: unknown property Timout; did you mean "
                        + "Timeout? It is not a property of an AWS::Serverless::Function, so AWS would not deploy it."),
                Arguments.of("missing-starting-position", "src/test/resources/templates/bad/missing-starting-position.yaml:20: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events.Stream.Properties: 1 validation error "
                        + "detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be "
                        + "null. (a Kinesis mapping needs StartingPosition: add StartingPosition: TRIM_HORIZON, LATEST or "
                        + "AT_TIMESTAMP)"),
                Arguments.of("unknown-tag", "src/test/resources/templates/bad/unknown-tag.yaml:25: unknown tag !GetAttr; CloudFormation's "
                        + "short forms are [!And, !Base64, !Cidr, !Condition, !Equals, !FindInMap, !GetAZs, !GetAtt, !If, "
                        + "!ImportValue, !Join, !Length, !Not, !Or, !Ref, !Select, !Split, !Sub, !ToJsonString, !Transform]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void badTemplateFailsWithFileLinePathAndWhatToDo(String name, String message) {
        Path file = Path.of("src/test/resources/templates/bad/" + name + ".yaml");
        assertThatThrownBy(() -> TemplateFunction.read(file, "AnalyticsStreamProcessor/Stream"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessage(message);
    }

    @Test
    void aValueAwsWouldRejectKeepsTheBuildersExceptionAsItsCause() {
        // rule 1.8: the builder's own validation decides, with its text
        assertThatThrownBy(() -> EventSourceMappingConfig.fromTemplate(
                Path.of("src/test/resources/templates/bad/invalid-value.yaml"), "AnalyticsStreamProcessor/Stream"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(22);
                    assertThat(e.path()).endsWith(".MaximumRecordAgeInSeconds");
                    assertThat(e.getCause()).isInstanceOf(InvalidEventSourceMappingException.class)
                            .hasMessage("MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and "
                                    + "604800 (inclusive)");
                });
    }

    @Test
    void aMissingLogicalIdListsTheMappingsAndFunctionsThatExist() {
        assertThatThrownBy(() -> TemplateFunction.read(SAM, "AnalyticsStreamProccessor"))
                .hasMessage("src/test/resources/templates/sam-analytics.yaml: no mapping or function "
                        + "AnalyticsStreamProccessor in the template; did you mean AnalyticsStreamProcessor? The mappings "
                        + "it defines: AnalyticsStreamProcessor/Stream; its functions: [AnalyticsStreamProcessor].");
        assertThatThrownBy(() -> TemplateFunction.read(SAM, "AnalyticsStreamProcessor/Strem"))
                .hasMessage("src/test/resources/templates/sam-analytics.yaml:53: "
                        + "Resources.AnalyticsStreamProcessor.Properties.Events: function AnalyticsStreamProcessor has no "
                        + "Kinesis event Strem; its Kinesis events: AnalyticsStreamProcessor/Stream; did you mean "
                        + "AnalyticsStreamProcessor/Stream?");
        assertThatThrownBy(() -> TemplateFunction.read(SAM, "AnalyticsDlq"))
                .hasMessage("src/test/resources/templates/sam-analytics.yaml:36: Resources.AnalyticsDlq: AnalyticsDlq is an "
                        + "AWS::SQS::Queue, not an event source mapping or a function; the mappings the template defines: "
                        + "AnalyticsStreamProcessor/Stream");
    }
}
