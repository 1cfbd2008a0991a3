package io.github.streamharness.internal.filter;

import java.util.List;

/** Compiled FilterCriteria of a mapping (spec 9). Shell: the implementation lands with the filtering work. */
public final class FilterCriteria {
    private final List<String> patterns;

    private FilterCriteria(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Compiles the patterns; throws IllegalArgumentException("Invalid filter pattern definition.") when invalid. */
    public static FilterCriteria compile(List<String> patterns) {
        if (!patterns.isEmpty()) {
            throw new UnsupportedOperationException("filter patterns are not implemented yet");
        }
        return new FilterCriteria(patterns);
    }

    /** True when there are no filters: every record is delivered. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether a record with this partition key and data matches any filter. */
    public boolean matches(String partitionKey, byte[] data) {
        return patterns.isEmpty();
    }
}
