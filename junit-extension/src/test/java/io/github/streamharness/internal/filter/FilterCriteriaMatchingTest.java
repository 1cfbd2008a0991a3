package io.github.streamharness.internal.filter;

import static io.github.streamharness.internal.filter.Filters.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equality, OR/AND, nesting and arrays (rule 9.1, 9.2). */
class FilterCriteriaMatchingTest {

    @Test
    void noPatternsDeliverEveryRecord() {
        FilterCriteria none = FilterCriteria.compile(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.matches("{not json".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void compiledPatternsAreNotEmpty() {
        assertThat(FilterCriteria.compile(List.of("{\"data\":{\"a\":[1]}}")).isEmpty()).isFalse();
    }

    @Test
    void exactStringMatchesOnlyThatString() {
        // rule 9.1: data is matched under the "data" key after decoding and JSON parsing
        String pattern = "{\"data\":{\"metric\":[\"cpu\"]}}";
        assertThat(matches(pattern, "{\"metric\":\"cpu\",\"value\":1}")).isTrue();
        assertThat(matches(pattern, "{\"metric\":\"mem\"}")).isFalse();
        assertThat(matches(pattern, "{\"metric\":\"CPU\"}")).as("no case folding, rule 9.2").isFalse();
        assertThat(matches(pattern, "{\"value\":1}")).as("missing key").isFalse();
    }

    @Test
    void exactStringDoesNotMatchANumberWithTheSameDigits() {
        assertThat(matches("{\"data\":{\"id\":[\"7\"]}}", "{\"id\":7}")).isFalse();
        assertThat(matches("{\"data\":{\"id\":[7]}}", "{\"id\":\"7\"}")).isFalse();
        assertThat(matches("{\"data\":{\"id\":[7]}}", "{\"id\":7}")).isTrue();
    }

    @Test
    void numbersInEqualityMatchByTheirTextSo300And300Point0Differ() {
        // rule 9.2 / D-FILTG: "300, 300.0, and 3.0e2 are not considered equal"
        String pattern = "{\"data\":{\"price\":[300]}}";
        assertThat(matches(pattern, "{\"price\":300}")).isTrue();
        assertThat(matches(pattern, "{\"price\":300.0}")).isFalse();
        assertThat(matches(pattern, "{\"price\":3.0e2}")).isFalse();
        assertThat(matches("{\"data\":{\"price\":[3.0e2]}}", "{\"price\":3.0e2}")).isTrue();
        assertThat(matches("{\"data\":{\"price\":[1.50]}}", "{\"price\":1.5}")).isFalse();
    }

    @Test
    void nullMatchesOnlyAnExplicitNullNotAMissingKey() {
        // rule 9.2: [null] matches a JSON null; a missing key is not null
        String pattern = "{\"data\":{\"userId\":[null]}}";
        assertThat(matches(pattern, "{\"userId\":null}")).isTrue();
        assertThat(matches(pattern, "{\"other\":1}")).isFalse();
        assertThat(matches(pattern, "{\"userId\":\"\"}")).isFalse();
        assertThat(matches(pattern, "{\"userId\":\"null\"}")).isFalse();
    }

    @Test
    void emptyStringMatchesOnlyTheEmptyString() {
        // rule 9.2: [""]
        String pattern = "{\"data\":{\"lastName\":[\"\"]}}";
        assertThat(matches(pattern, "{\"lastName\":\"\"}")).isTrue();
        assertThat(matches(pattern, "{\"lastName\":null}")).isFalse();
        assertThat(matches(pattern, "{}")).isFalse();
        assertThat(matches(pattern, "{\"lastName\":\" \"}")).isFalse();
    }

    @Test
    void booleansMatchBooleansNotStrings() {
        String pattern = "{\"data\":{\"ok\":[true]}}";
        assertThat(matches(pattern, "{\"ok\":true}")).isTrue();
        assertThat(matches(pattern, "{\"ok\":false}")).isFalse();
        assertThat(matches(pattern, "{\"ok\":\"true\"}")).isFalse();
    }

    @Test
    void valuesInOneArrayAreOred() {
        // rule 9.2: OR inside an array
        String pattern = "{\"data\":{\"paymentType\":[\"Credit\",\"Debit\"]}}";
        assertThat(matches(pattern, "{\"paymentType\":\"Credit\"}")).isTrue();
        assertThat(matches(pattern, "{\"paymentType\":\"Debit\"}")).isTrue();
        assertThat(matches(pattern, "{\"paymentType\":\"Cash\"}")).isFalse();
    }

    @Test
    void severalKeysAreAnded() {
        // rule 9.2: AND across keys
        String pattern = "{\"data\":{\"location\":[\"New York\"],\"day\":[\"Monday\"]}}";
        assertThat(matches(pattern, "{\"location\":\"New York\",\"day\":\"Monday\"}")).isTrue();
        assertThat(matches(pattern, "{\"location\":\"New York\",\"day\":\"Tuesday\"}")).isFalse();
        assertThat(matches(pattern, "{\"location\":\"New York\"}")).isFalse();
    }

    @Test
    void nestedObjectsMatchByPath() {
        // rule 9.1: {"data":{"order":{"type":["buy"]}}}
        String pattern = "{\"data\":{\"order\":{\"type\":[\"buy\"]}}}";
        assertThat(matches(pattern, "{\"order\":{\"type\":\"buy\",\"qty\":3}}")).isTrue();
        assertThat(matches(pattern, "{\"order\":{\"type\":\"sell\"}}")).isFalse();
        assertThat(matches(pattern, "{\"type\":\"buy\"}")).as("same key at the wrong depth").isFalse();
        assertThat(matches(pattern, "{\"order\":\"buy\"}")).as("scalar where an object is expected").isFalse();
    }

    @Test
    void anEventArrayMatchesWhenAnyElementMatches() {
        String pattern = "{\"data\":{\"tags\":[\"urgent\"]}}";
        assertThat(matches(pattern, "{\"tags\":[\"low\",\"urgent\"]}")).isTrue();
        assertThat(matches(pattern, "{\"tags\":[\"low\",\"normal\"]}")).isFalse();
        assertThat(matches(pattern, "{\"tags\":[[\"low\"],[\"urgent\"]]}")).as("nested arrays").isTrue();
        assertThat(matches(pattern, "{\"tags\":[]}")).isFalse();
    }

    @Test
    void objectsInAnEventArrayAreMatchedOneElementAtATime() {
        // EventBridge array consistency: both keys must come from the same element
        String pattern = "{\"data\":{\"employees\":{\"firstName\":[\"Anna\"],\"lastName\":[\"Smith\"]}}}";
        assertThat(matches(pattern, "{\"employees\":[{\"firstName\":\"John\",\"lastName\":\"Doe\"},"
                + "{\"firstName\":\"Anna\",\"lastName\":\"Smith\"}]}")).isTrue();
        assertThat(matches(pattern, "{\"employees\":[{\"firstName\":\"Anna\",\"lastName\":\"Doe\"},"
                + "{\"firstName\":\"John\",\"lastName\":\"Smith\"}]}")).isFalse();
    }

    @Test
    void anyOfSeveralFiltersIsEnough() {
        // rule 1.12 / 9.2: filters are ORed
        FilterCriteria criteria = FilterCriteria.compile(List.of(
                "{\"data\":{\"metric\":[\"cpu\"]}}",
                "{\"data\":{\"metric\":[\"mem\"]}}"));
        assertThat(criteria.matches(bytes("{\"metric\":\"cpu\"}"))).isTrue();
        assertThat(criteria.matches(bytes("{\"metric\":\"mem\"}"))).isTrue();
        assertThat(criteria.matches(bytes("{\"metric\":\"disk\"}"))).isFalse();
    }

    @Test
    void duplicateKeysInAPatternKeepTheLastValue() {
        // rule 9.2: "If a pattern has duplicate keys, only the last value counts"
        String pattern = "{\"data\":{\"metric\":[\"cpu\"],\"metric\":[\"mem\"]}}";
        assertThat(matches(pattern, "{\"metric\":\"mem\"}")).isTrue();
        assertThat(matches(pattern, "{\"metric\":\"cpu\"}")).isFalse();
    }

    @Test
    void duplicateDataKeysInAPatternKeepTheLastValue() {
        String pattern = "{\"data\":{\"a\":[1]},\"data\":{\"b\":[2]}}";
        assertThat(matches(pattern, "{\"b\":2}")).isTrue();
        assertThat(matches(pattern, "{\"a\":1}")).isFalse();
    }

    @Test
    void compiledCriteriaAreReusedAcrossRecordsWithoutCarryingState() {
        FilterCriteria criteria = FilterCriteria.compile(List.of("{\"data\":{\"n\":[{\"numeric\":[\">\",1]}]}}"));
        assertThat(criteria.matches(bytes("{\"n\":2}"))).isTrue();
        assertThat(criteria.matches(bytes("{\"n\":1}"))).isFalse();
        assertThat(criteria.matches(bytes("{\"n\":3}"))).isTrue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
