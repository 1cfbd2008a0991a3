package io.github.streamharness.internal.filter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test shorthand: compile one pattern and match one record, with event-ruler as a second oracle. */
final class Filters {
    private Filters() {
    }

    static boolean matches(String pattern, String data) {
        return matches(pattern, "pk-1", data);
    }

    /** The harness's verdict, checked against AWS's EventBridge matcher ({@link RulerOracle}). */
    static boolean matches(String pattern, String partitionKey, String data) {
        boolean harness = FilterCriteria.compile(List.of(pattern))
                .matches(data.getBytes(StandardCharsets.UTF_8));
        RulerOracle.check(List.of(pattern), partitionKey, data, harness);
        return harness;
    }
}
