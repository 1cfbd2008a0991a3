package io.github.streamharness.internal.filter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second oracle itself: it agrees with the harness, catches a disagreement, and knows each modelled one. */
class RulerOracleTest {

    @Test
    void eventRulerAgreesOnAPlainMatchAndTheOracleCatchesAWrongVerdict() { // rule 9.2
        String pattern = "{\"data\":{\"metric\":[\"cpu\"]}}";
        assertThat(RulerOracle.rulerMatches(List.of(pattern), "pk", "{\"metric\":\"cpu\"}")).isTrue();
        assertThat(RulerOracle.rulerMatches(List.of(pattern), "pk", "{\"metric\":\"mem\"}")).isFalse();
        assertThatThrownBy(() -> RulerOracle.check(List.of(pattern), "pk", "{\"metric\":\"mem\"}", true))
                .hasMessageStartingWith("The harness and AWS's EventBridge matcher (event-ruler) disagree")
                .hasMessageContaining("harness true, event-ruler false");
    }

    @Test
    void eachModelledDifferenceIsRealAndExplained() {
        // rule 9.2: numbers by string form
        assertThat(RulerOracle.rulerMatches(List.of("{\"data\":{\"price\":[300]}}"), "pk", "{\"price\":300.0}"))
                .isTrue();
        assertThat(Filters.matches("{\"data\":{\"price\":[300]}}", "{\"price\":300.0}")).isFalse();
        // rule 9.3: non-JSON data with a data pattern is dropped
        assertThat(RulerOracle.rulerMatches(List.of("{\"data\":{\"m\":[{\"exists\":false}]}}"), "pk", "text"))
                .isTrue();
        assertThat(Filters.matches("{\"data\":{\"m\":[{\"exists\":false}]}}", "text")).isFalse();
        // rule 9.2: a duplicate data key keeps the last value
        assertThat(RulerOracle.rulerMatches(List.of("{\"data\":{\"a\":[1]},\"data\":{\"b\":[2]}}"), "pk",
                "{\"b\":2}")).isFalse();
        // rule 9.2: numeric bounds in either order
        assertThat(RulerOracle.rulerMatches(List.of("{\"data\":{\"t\":[{\"numeric\":[\"<\",10,\">=\",2]}]}}"),
                "pk", "{\"t\":2}")).isNull();
        assertThat(Filters.matches("{\"data\":{\"t\":[{\"numeric\":[\"<\",10,\">=\",2]}]}}", "{\"t\":2}")).isTrue();
    }
}
