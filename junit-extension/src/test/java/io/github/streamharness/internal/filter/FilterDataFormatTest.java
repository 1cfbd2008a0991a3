package io.github.streamharness.internal.filter;

import static io.github.streamharness.internal.filter.Filters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format matrix of spec 9.3 and the metadata filter of spec 9.1. */
class FilterDataFormatTest {
    private static final String DATA_PATTERN = "{\"data\":{\"metric\":[\"cpu\"]}}";

    @Test
    void nonJsonDataIsDroppedByADataPattern() {
        // spec 9.3: non-JSON data + JSON data pattern -> record dropped
        assertThat(matches(DATA_PATTERN, "{not json")).isFalse();
        assertThat(matches(DATA_PATTERN, "metric=cpu")).isFalse();
        assertThat(matches(DATA_PATTERN, "")).isFalse();
    }

    @Test
    void nonJsonDataIsDroppedEvenByADataPatternThatOnlyAsksForAbsence() {
        // spec 9.3: the record is dropped before any rule is looked at
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
        assertThat(criteria.matches("pk", valid)).isTrue();
        assertThat(criteria.matches("pk", invalid)).isFalse();
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
    void partitionKeyPatternFiltersOnMetadataWhateverTheData() {
        // spec 9.1 (OLD docs: "partitionKey":["1"]) and spec 9.3: no data pattern -> metadata only
        String pattern = "{\"partitionKey\":[\"user-7\"]}";
        assertThat(matches(pattern, "user-7", "{not json")).isTrue();
        assertThat(matches(pattern, "user-7", "{\"metric\":\"cpu\"}")).isTrue();
        assertThat(matches(pattern, "user-8", "{\"metric\":\"cpu\"}")).isFalse();
    }

    @Test
    void partitionKeyTakesOperators() {
        assertThat(matches("{\"partitionKey\":[{\"prefix\":\"user-\"}]}", "user-7", "x")).isTrue();
        assertThat(matches("{\"partitionKey\":[{\"prefix\":\"user-\"}]}", "device-7", "x")).isFalse();
    }

    @Test
    void partitionKeyAndDataAreAnded() {
        // OLD D-FILTG example: { "partitionKey": [ "1" ], "data": { "Location": [ "Los Angeles" ] } }
        String pattern = "{\"partitionKey\":[\"1\"],\"data\":{\"Location\":[\"Los Angeles\"]}}";
        assertThat(matches(pattern, "1", "{\"Location\":\"Los Angeles\"}")).isTrue();
        assertThat(matches(pattern, "2", "{\"Location\":\"Los Angeles\"}")).isFalse();
        assertThat(matches(pattern, "1", "{\"Location\":\"Seattle\"}")).isFalse();
        assertThat(matches(pattern, "1", "Los Angeles")).as("non-JSON data, spec 9.3").isFalse();
    }

    @Test
    void aMetadataFilterStillDeliversNonJsonDataWhenAnotherFilterIsOnData() {
        // spec 9.3: each filter is judged on its own; filters are ORed (spec 1.12)
        FilterCriteria criteria = FilterCriteria.compile(List.of(DATA_PATTERN, "{\"partitionKey\":[\"raw\"]}"));
        assertThat(criteria.matches("raw", "not json".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(criteria.matches("other", "not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(criteria.matches("other", "{\"metric\":\"cpu\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void unknownTopLevelKeysNameFieldsTheRecordDoesNotHave() {
        // modelled: spec 9.1 filters Kinesis on data (and partitionKey); other keys are absent fields
        assertThat(matches("{\"eventSource\":[\"aws:kinesis\"]}", "{}")).isFalse();
        assertThat(matches("{\"eventSource\":[{\"exists\":false}]}", "{}")).isTrue();
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
