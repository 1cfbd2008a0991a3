package io.github.streamharness.internal.filter;

import static io.github.streamharness.internal.filter.Filters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format matrix of rule 9.3 and the metadata filter of rule 9.1. */
class FilterDataFormatTest {
    private static final String DATA_PATTERN = "{\"data\":{\"metric\":[\"cpu\"]}}";

    @Test
    void nonJsonDataIsDroppedByADataPattern() {
        // rule 9.3: non-JSON data + JSON data pattern -> record dropped
        assertThat(matches(DATA_PATTERN, "{not json")).isFalse();
        assertThat(matches(DATA_PATTERN, "metric=cpu")).isFalse();
        assertThat(matches(DATA_PATTERN, "")).isFalse();
    }

    @Test
    void nonJsonDataIsDroppedEvenByADataPatternThatOnlyAsksForAbsence() {
        // rule 9.3: the record is dropped before any rule is looked at
        assertThat(matches("{\"data\":{\"metric\":[{\"exists\":false}]}}", "plain text")).isFalse();
        assertThat(matches("{\"data\":{\"metric\":[{\"exists\":false}]}}", "{\"other\":1}")).isTrue();
    }

    @Test
    void jsonFollowedByMoreContentIsNotJson() {
        assertThat(matches(DATA_PATTERN, "{\"metric\":\"cpu\"} trailing")).isFalse();
        assertThat(matches(DATA_PATTERN, "{\"metric\":\"cpu\"}{\"metric\":\"cpu\"}")).isFalse();
        assertThat(matches(DATA_PATTERN, "  {\"metric\":\"cpu\"}\n")).as("whitespace is fine").isTrue();
    }

    @Test
    void invalidUtf8IsNotJson() {
        FilterCriteria criteria = FilterCriteria.compile(List.of("{\"data\":{\"name\":[{\"exists\":true}]}}"));
        byte[] valid = "{\"name\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(criteria.matches(valid)).isTrue();
        assertThat(criteria.matches(invalid)).isFalse();
    }

    @Test
    void jsonScalarDataHasNoFields() {
        assertThat(matches(DATA_PATTERN, "\"cpu\"")).isFalse();
        assertThat(matches(DATA_PATTERN, "42")).isFalse();
    }

    @Test
    void jsonArrayDataMatchesWhenAnyObjectInItMatches() {
        assertThat(matches(DATA_PATTERN, "[{\"metric\":\"mem\"},{\"metric\":\"cpu\"}]")).isTrue();
        assertThat(matches(DATA_PATTERN, "[{\"metric\":\"mem\"}]")).isFalse();
    }

    @Test
    void aPartitionKeyPatternNeverMatchesBecauseKinesisFiltersOnlyOnData() { // rule 9.1
        // AWS: "Kinesis event source mappings only support filtering on the data key"
        String pattern = "{\"partitionKey\":[\"user-7\"]}";
        assertThat(matches(pattern, "{\"metric\":\"cpu\"}")).isFalse();
        assertThat(matches("{\"partitionKey\":[{\"prefix\":\"pk-\"}]}", "{\"metric\":\"cpu\"}")).isFalse();
        assertThat(FilterCriteria.compile(List.of(pattern)).nonDataKeyWarning()).contains("filter pattern 1 filters "
                + "on the top-level key \"partitionKey\", but \"Kinesis event source mappings only support filtering "
                + "on the data key\": such a pattern never matches on AWS, so the records it would select are "
                + "filtered out (rule 9.1). Put the condition under \"data\" (the record's JSON payload).");
    }

    @Test
    void theOldDocsPartitionKeyAndDataExampleNeverMatches() { // rule 9.1
        // the 2023 docs' { "partitionKey": [ "1" ], "data": { "Location": [ "Los Angeles" ] } }
        String pattern = "{\"partitionKey\":[\"1\"],\"data\":{\"Location\":[\"Los Angeles\"]}}";
        assertThat(matches(pattern, "{\"Location\":\"Los Angeles\"}")).isFalse();
    }

    @Test
    void aDataFilterStillMatchesBesideAPatternOnAnotherKey() { // rule 9.1, filters are ORed (rule 1.12)
        FilterCriteria criteria = FilterCriteria.compile(List.of("{\"partitionKey\":[\"raw\"]}", DATA_PATTERN,
                "{\"eventSource\":[{\"exists\":false}]}"));
        assertThat(criteria.matches("{\"metric\":\"cpu\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(criteria.matches("{\"metric\":\"mem\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(criteria.matches("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(criteria.nonDataKeyWarning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("filter patterns 1, 3 filter on the top-level key \"partitionKey\", \"eventSource\","));
        assertThat(FilterCriteria.compile(List.of(DATA_PATTERN)).nonDataKeyWarning()).isEmpty();
    }

    @Test
    void dataPatternKeyIsNotConfusedWithADataFieldInsideTheRecord() {
        assertThat(matches("{\"data\":{\"data\":[\"x\"]}}", "{\"data\":\"x\"}")).isTrue();
        assertThat(matches("{\"data\":{\"data\":[\"x\"]}}", "{\"value\":\"x\"}")).isFalse();
    }

    @Test
    void duplicateKeysInTheDataKeepTheLastValue() {
        assertThat(matches(DATA_PATTERN, "{\"metric\":\"mem\",\"metric\":\"cpu\"}")).isTrue();
        assertThat(matches(DATA_PATTERN, "{\"metric\":\"cpu\",\"metric\":\"mem\"}")).isFalse();
    }
}
