package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.InvalidEventSourceMappingException;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every invalid mapping parameter fails at build time with AWS's text (section 1) or one naming the parameter, the
 * value and the valid range; each row of docs/bad-inputs.md "Mapping parameters" is one case here.
 */
class InvalidMappingParameterTest {
    private static final String MUST_BE_GE = "' failed to satisfy constraint: Member must have value greater than or "
            + "equal to ";
    private static final String MUST_BE_LE = "' failed to satisfy constraint: Member must have value less than or "
            + "equal to ";

    private static Arguments invalid(String parameter, UnaryOperator<EventSourceMappingConfig.Builder> change,
                                     String message) {
        return Arguments.of(parameter, change, message);
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                invalid("StartingPosition", b -> b.startingPosition((StartingPosition) null),
                        "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: "
                                + "Member must not be null."),
                invalid("BatchSize", b -> b.batchSize(0), "1 validation error detected: Value '0' at 'batchSize"
                        + MUST_BE_GE + "1 (BatchSize accepts 1..10000, default 100)"),
                invalid("BatchSize", b -> b.batchSize(10_001), "1 validation error detected: Value '10001' at "
                        + "'batchSize" + MUST_BE_LE + "10000 (BatchSize accepts 1..10000, default 100)"),
                invalid("MaximumBatchingWindowInSeconds", b -> b.maximumBatchingWindowInSeconds(-1),
                        "1 validation error detected: Value '-1' at 'maximumBatchingWindowInSeconds" + MUST_BE_GE
                                + "0 (MaximumBatchingWindowInSeconds accepts 0..300, whole seconds, default 0)"),
                invalid("MaximumBatchingWindowInSeconds", b -> b.maximumBatchingWindowInSeconds(301),
                        "1 validation error detected: Value '301' at 'maximumBatchingWindowInSeconds" + MUST_BE_LE
                                + "300 (MaximumBatchingWindowInSeconds accepts 0..300, whole seconds, default 0)"),
                invalid("ParallelizationFactor", b -> b.parallelizationFactor(0), "1 validation error detected: "
                        + "Value '0' at 'parallelizationFactor" + MUST_BE_GE
                        + "1 (ParallelizationFactor accepts 1..10, default 1)"),
                invalid("ParallelizationFactor", b -> b.parallelizationFactor(11), "1 validation error detected: "
                        + "Value '11' at 'parallelizationFactor" + MUST_BE_LE
                        + "10 (ParallelizationFactor accepts 1..10, default 1)"),
                invalid("MaximumRetryAttempts", b -> b.maximumRetryAttempts(-2), "1 validation error detected: "
                        + "Value '-2' at 'maximumRetryAttempts" + MUST_BE_GE
                        + "-1 (MaximumRetryAttempts accepts -1..10000, -1 retries until the record expires)"),
                invalid("MaximumRetryAttempts", b -> b.maximumRetryAttempts(10_001), "1 validation error detected: "
                        + "Value '10001' at 'maximumRetryAttempts" + MUST_BE_LE
                        + "10000 (MaximumRetryAttempts accepts -1..10000, -1 retries until the record expires)"),
                invalid("MaximumRecordAgeInSeconds", b -> b.maximumRecordAgeInSeconds(-2),
                        "1 validation error detected: Value '-2' at 'maximumRecordAgeInSeconds" + MUST_BE_GE
                                + "-1 (MaximumRecordAgeInSeconds accepts -1..604800, -1 means no limit)"),
                invalid("MaximumRecordAgeInSeconds", b -> b.maximumRecordAgeInSeconds(0),
                        "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                invalid("MaximumRecordAgeInSeconds", b -> b.maximumRecordAgeInSeconds(59),
                        "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)"),
                invalid("MaximumRecordAgeInSeconds", b -> b.maximumRecordAgeInSeconds(604_801),
                        "1 validation error detected: Value '604801' at 'maximumRecordAgeInSeconds" + MUST_BE_LE
                                + "604800 (MaximumRecordAgeInSeconds accepts -1..604800, -1 means no limit)"),
                invalid("TumblingWindowInSeconds", b -> b.tumblingWindowInSeconds(-1), "1 validation error "
                        + "detected: Value '-1' at 'tumblingWindowInSeconds" + MUST_BE_GE
                        + "0 (TumblingWindowInSeconds accepts 0..900, 0 turns tumbling windows off)"),
                invalid("TumblingWindowInSeconds", b -> b.tumblingWindowInSeconds(901), "1 validation error "
                        + "detected: Value '901' at 'tumblingWindowInSeconds" + MUST_BE_LE
                        + "900 (TumblingWindowInSeconds accepts 0..900, 0 turns tumbling windows off)"),
                invalid("StartingPositionTimestamp", b -> b.startingPosition(StartingPosition.AT_TIMESTAMP),
                        "Need to specify a timestamp"),
                invalid("StartingPositionTimestamp",
                        b -> b.startingPositionTimestamp(Instant.parse("2026-01-01T00:00:00Z")),
                        "StartingPositionTimestamp 2026-01-01T00:00:00Z was given with StartingPosition TRIM_HORIZON;"
                                + " it is only valid with StartingPosition AT_TIMESTAMP (rule 1.5). Set "
                                + "startingPosition(AT_TIMESTAMP) or remove the timestamp."),
                invalid("DestinationConfig", b -> b.onFailureDestination("arn:aws:kafka:us-east-1:123456789012:"
                        + "topic/t"), "Invalid on-failure destination 'arn:aws:kafka:us-east-1:123456789012:topic/t'"
                        + ": a Kinesis event source mapping accepts an SQS queue ARN "
                        + "(arn:aws:sqs:us-east-1:123456789012:my-dlq), an SNS topic ARN "
                        + "(arn:aws:sns:us-east-1:123456789012:my-topic) or an S3 bucket ARN (arn:aws:s3:::my-bucket); "
                        + "Kafka topics are for Kafka mappings only (rule 1.9)."),
                invalid("DestinationConfig", b -> b.onFailureDestination("my-dlq"), "Invalid on-failure "
                        + "destination 'my-dlq': a Kinesis event source mapping accepts an SQS queue ARN "
                        + "(arn:aws:sqs:us-east-1:123456789012:my-dlq), an SNS topic ARN "
                        + "(arn:aws:sns:us-east-1:123456789012:my-topic) or an S3 bucket ARN (arn:aws:s3:::my-bucket); "
                        + "Kafka topics are for Kafka mappings only (rule 1.9)."),
                invalid("FilterCriteria", b -> b.filterPatterns("{\"data\":{\"a\":[1]}}", "{\"data\":{\"a\":[2]}}",
                        "{\"data\":{\"a\":[3]}}", "{\"data\":{\"a\":[4]}}", "{\"data\":{\"a\":[5]}}",
                        "{\"data\":{\"a\":[6]}}"), "FilterCriteria has 6 filters; a mapping accepts at most 5 "
                        + "(rule 1.12; AWS raises the quota to 10 on request)."),
                invalid("FilterCriteria", b -> b.filterPatterns("{\"data\":{\"a\":[\"" + "x".repeat(4_090) + "\"]}}"),
                        "Invalid filter pattern definition. (a pattern must be a JSON object of at most 4096 "
                                + "characters; got 4109 characters)"),
                invalid("FilterCriteria", b -> b.filterPatterns((String) null), "Invalid filter pattern definition. "
                        + "(a pattern must be a JSON object of at most 4096 characters; got null)"),
                invalid("FilterCriteria", b -> b.filterPatterns("{\"data\":"), "Invalid filter pattern definition. "
                        + "(pattern 1: not valid JSON: "),
                invalid("FilterCriteria", b -> b.filterPatterns("{\"data\":[\"buy\"]}"), "Invalid filter pattern "
                        + "definition. (pattern 1: \"data\" must hold an object of field patterns, e.g. "
                        + "{\"data\":{\"metric\":[\"cpu\"]}}; Kinesis filters on the JSON content of the record data "
                        + "(rule 9.3))"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidParameters")
    void invalidParameterFailsAtBuildWithTheAwsStyleMessage(String parameter,
                                                            UnaryOperator<EventSourceMappingConfig.Builder> change,
                                                            String message) {
        assertThatThrownBy(() -> change.apply(EventSourceMappingConfig.builder()).build())
                .isInstanceOf(InvalidEventSourceMappingException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> org.assertj.core.api.Assertions
                        .assertThat(((InvalidEventSourceMappingException) e).parameter()).isEqualTo(parameter));
    }

    @Test
    void unknownStartingPositionNameFailsAtTheSetterWithAwsText() { // rule 1.4
        assertThatThrownBy(() -> EventSourceMappingConfig.builder().startingPosition("invalid"))
                .isInstanceOf(InvalidEventSourceMappingException.class)
                .hasMessage("1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
    }

    @Test
    void aSecondMappingForTheSameFunctionIsAConflict() { // rule 1.15
        try (StreamHarness h = StreamHarness.builder().build()) {
            RequestHandler<KinesisEvent, Void> handler = (e, c) -> null;
            h.addMapping(EventSourceMappingConfig.defaults(), handler, FunctionSettings.named("f"));
            assertThatThrownBy(() -> h.addMapping(EventSourceMappingConfig.defaults(), handler, FunctionSettings.named("f")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The event source arn (\" arn:aws:kinesis:us-east-1:123456789012:stream/"
                            + "test-stream \") and function (\" f \") provided mapping already exists. Please update "
                            + "or delete the existing mapping with UUID ")
                    .hasMessageMatching(".* with UUID [0-9a-f-]{36} \\(rule 1\\.15; in the harness: give the second "
                            + "mapping another function name\\)");
        }
    }
}
