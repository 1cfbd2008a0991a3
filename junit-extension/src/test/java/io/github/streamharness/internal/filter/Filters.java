package io.github.streamharness.internal.filter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test shorthand: compile one pattern and match one record. */
final class Filters {
    private Filters() {
    }

    static boolean matches(String pattern, String data) {
        return FilterCriteria.compile(List.of(pattern)).matches(data.getBytes(StandardCharsets.UTF_8));
    }
}
