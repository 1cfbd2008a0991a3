package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.InvalidTemplateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The properties of an AWS::Lambda::EventSourceMapping read with AWS's names and rules (rule 18.3). */
class MappingReaderTest {
    /** A mapping M with {@code properties} (YAML lines indented by six) after its StartingPosition on line 7. */
    private static EventSourceMappingConfig mapping(String properties) {
        String text = """
                Resources:
                  M:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: orders-fn
                      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
                      StartingPosition: LATEST
                """ + properties;
        return TemplateReader.read(text, "m.yaml", "M", Map.of(), "us-east-1", "123456789012").mapping();
    }

    @Test
    void anUnresolvableIntrinsicInAListIsReportedAtItsItem() {
        // rule 18.3: the path names the list item
        assertThatThrownBy(() -> mapping("""
                      FilterCriteria:
                        Filters:
                          - Pattern: '{"data": {"metric": ["cpu"]}}'
                          - Pattern: !Ref MetricFilter
                """)).isInstanceOf(InvalidTemplateException.class)
                .hasMessage("m.yaml:11: Resources.M.Properties.FilterCriteria.Filters[1].Pattern: !Ref MetricFilter: "
                        + "the template has no parameter or resource MetricFilter (parameters: ; resources: M)");
    }

    @Test
    void aStartingPositionTimestampMayBeALeapSecond() {
        // rule 18.3: ISO-8601 allows 23:59:60; it is read as the second before
        String text = "Resources:\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      StartingPosition: AT_TIMESTAMP\n      StartingPositionTimestamp: \"2016-12-31T23:59:60Z\"\n";
        assertThat(TemplateReader.read(text, "m.yaml", "M", Map.of(), "us-east-1", "123456789012").mapping()
                .startingPositionTimestamp()).contains(java.time.Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    void filterCriteriaWithoutFiltersFiltersNothing() {
        // rule 18.3, rule 9.1
        assertThat(mapping("      FilterCriteria: {}\n").filterPatterns()).isEmpty();
    }

    @Test
    void aDestinationConfigWithoutAnOnFailureDestinationSetsNoDestination() {
        // rule 18.3, rule 1.9
        assertThat(mapping("      DestinationConfig: {}\n").onFailureDestination()).isEmpty();
        assertThat(mapping("      DestinationConfig: {OnFailure: {}}\n").onFailureDestination()).isEmpty();
    }

    @Test
    void anOnSuccessDestinationIsRefusedWithAwsText() {
        // rule 1.9: a Kinesis mapping has an on-failure destination only
        // (a template's schema has no OnSuccess; the API's JSON has, as CreateEventSourceMapping takes it)
        assertThatThrownBy(() -> MappingReader.readApiJson("{\"StartingPosition\": \"LATEST\", \"DestinationConfig\": "
                + "{\"OnSuccess\": {\"Destination\": \"arn:aws:sqs:us-east-1:123456789012:done\"}}}"))
                .hasMessage("event source mapping JSON:1: DestinationConfig.OnSuccess: Unsupported "
                        + "DestinationConfig parameter for given event source mapping type. (a Kinesis mapping has an "
                        + "on-failure destination only, rule 1.9)");
    }

    @Test
    void anUnknownNestedPropertyListsTheValidNames() {
        // rule 18.3
        assertThatThrownBy(() -> mapping("      DestinationConfig: {Bogus: x}\n"))
                .hasMessage("m.yaml:8: Resources.M.Properties.DestinationConfig.Bogus: unknown property Bogus. The "
                        + "valid names here are [OnFailure].");
    }
}
