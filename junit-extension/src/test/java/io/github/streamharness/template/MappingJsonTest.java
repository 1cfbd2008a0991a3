package io.github.streamharness.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.InvalidTemplateException;
import io.github.streamharness.StartingPosition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventSourceMappingConfig.fromJson: the Lambda API's request and the CLI's output, AWS member names (18.3). */
class MappingJsonTest {

    @Test
    void getEventSourceMappingOutputIgnoresTheReadOnlyMembers() {
        // rule 18.3: UUID, FunctionArn, State, LastModified, ... are ignored; rule 1.9: OnFailure {} is no destination
        String cli = """
                {
                    "UUID": "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE",
                    "StartingPosition": "LATEST",
                    "BatchSize": 100,
                    "MaximumBatchingWindowInSeconds": 0,
                    "ParallelizationFactor": 1,
                    "EventSourceArn": "arn:aws:kinesis:us-east-1:123456789012:stream/analytics-stream",
                    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:analytics-stream-processor",
                    "LastModified": "2026-01-01T00:00:00.000000+00:00",
                    "LastProcessingResult": "No records processed",
                    "State": "Creating",
                    "StateTransitionReason": "User action",
                    "DestinationConfig": {
                        "OnFailure": {}
                    },
                    "MaximumRecordAgeInSeconds": -1,
                    "BisectBatchOnFunctionError": false,
                    "MaximumRetryAttempts": -1,
                    "TumblingWindowInSeconds": 0,
                    "FunctionResponseTypes": [],
                    "EventSourceMappingArn": "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:a1b2c3d4-5678-90ab-cdef-11111EXAMPLE"
                }
                """;

        EventSourceMappingConfig c = EventSourceMappingConfig.fromJson(cli);

        assertThat(c.startingPosition()).isEqualTo(StartingPosition.LATEST);
        assertThat(c.batchSize()).isEqualTo(100);
        assertThat(c.onFailureDestination()).isEmpty();
        assertThat(c.functionResponseTypes()).isEmpty();
        assertThat(c.maximumRetryAttempts()).isEqualTo(-1);
    }

    @Test
    void createEventSourceMappingRequestWithEveryModelledMember() {
        String request = """
                {"FunctionName": "analytics-stream-processor",
                 "EventSourceArn": "arn:aws:kinesis:us-east-1:123456789012:stream/analytics-stream",
                 "StartingPosition": "TRIM_HORIZON", "BatchSize": 100, "MaximumBatchingWindowInSeconds": 5,
                 "ParallelizationFactor": 10, "BisectBatchOnFunctionError": true, "MaximumRetryAttempts": 3,
                 "MaximumRecordAgeInSeconds": 3600, "FunctionResponseTypes": ["ReportBatchItemFailures"],
                 "FilterCriteria": {"Filters": [{"Pattern": "{\\"data\\":{\\"metric\\":[\\"cpu\\"]}}"}]},
                 "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:analytics-dlq"}},
                 "MetricsConfig": {"Metrics": ["EventCount"]}, "Enabled": false}
                """;

        EventSourceMappingConfig c = EventSourceMappingConfig.fromJson(request);

        assertThat(c.parallelizationFactor()).isEqualTo(10);
        assertThat(c.bisectBatchOnFunctionError()).isTrue();
        assertThat(c.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(c.reportBatchItemFailures()).isTrue();
        assertThat(c.filterPatterns()).containsExactly("{\"data\":{\"metric\":[\"cpu\"]}}");
        assertThat(c.onFailureDestination()).contains("arn:aws:sqs:us-east-1:123456789012:analytics-dlq");
        assertThat(c.enabled()).isFalse();
    }

    @Test
    void startingPositionTimestampReadsAsEpochSecondsWithAFractionOrAsIso8601() {
        // rule 18.3: CLI versions print the timestamp either way
        Instant expected = Instant.parse("2026-01-01T00:00:00.250Z");
        for (String ts : new String[] {"1767225600.25", "\"2026-01-01T00:00:00.250000+00:00\"",
                "\"2026-01-01T00:00:00.25Z\""}) {
            EventSourceMappingConfig c = EventSourceMappingConfig.fromJson(
                    "{\"StartingPosition\":\"AT_TIMESTAMP\",\"StartingPositionTimestamp\":" + ts + "}");
            assertThat(c.startingPositionTimestamp()).as(ts).contains(expected);
        }
    }

    @Test
    void aMisspeltMemberIsRefusedWithTheNearestName() {
        assertThatThrownBy(() -> EventSourceMappingConfig.fromJson(
                "{\"StartingPosition\":\"LATEST\",\n \"BisectBatchOnFunctionErrors\":true}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("event source mapping JSON:2: BisectBatchOnFunctionErrors: unknown property "
                        + "BisectBatchOnFunctionErrors; did you mean BisectBatchOnFunctionError?");
    }

    @Test
    void anInvalidValueKeepsTheAwsValidationText() {
        // rule 1.1
        assertThatThrownBy(() -> EventSourceMappingConfig.fromJson("{\"StartingPosition\":\"LATEST\",\"BatchSize\":0}"))
                .hasMessage("event source mapping JSON:1: BatchSize: 1 validation error detected: Value '0' at "
                        + "'batchSize' failed to satisfy constraint: Member must have value greater than or equal "
                        + "to 1 (BatchSize accepts 1..10000, default 100)");
    }
}
