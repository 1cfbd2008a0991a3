package io.github.streamharness.internal.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiled FilterCriteria of a mapping (rule 1.12, 9): EventBridge-style patterns, ORed, matched against the record
 * seen as {@code {"data": <the data parsed as JSON>}}.
 *
 * <p>Kinesis event source mappings only support filtering on the data key (rule 9.1): a pattern with any other
 * top-level key ({@code partitionKey}, {@code eventSource}, ...) is accepted, as the API accepts it, but never
 * matches, so the records it would select are filtered out as in production; {@link #nonDataKeyWarning()} says so.
 *
 * <p>Modelled choices where AWS is silent:
 * <ul>
 *   <li>A {@code data} value that is not an object of patterns ({@code "data":["x"]}) is rejected (rule 9.3, "non-JSON
 *       data pattern"). An empty object {@code {}} anywhere and an empty array {@code []} are rejected.
 *   <li>{@code anything-but} matches every present leaf value not excluded, whatever its type (so also numbers and
 *       null for a string list); its numbers are excluded by numeric value, while plain equality compares number
 *       text (rule 9.2).
 *   <li>Operators beyond Lambda's list plus suffix and equals-ignore-case ({@code wildcard}, {@code cidr},
 *       {@code $or}) are rejected as unknown.
 * </ul>
 */
public final class FilterCriteria {
    private final List<RecordPattern> patterns;
    private final JsonReader reader;

    private FilterCriteria(List<RecordPattern> patterns, JsonReader reader) {
        this.patterns = List.copyOf(patterns);
        this.reader = reader;
    }

    /**
     * Compiles the patterns once; throws IllegalArgumentException whose message starts with AWS's
     * "Invalid filter pattern definition." when one is invalid (rule 1.12), followed by the reason.
     */
    public static FilterCriteria compile(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        if (patterns.isEmpty()) {
            return new FilterCriteria(List.of(), null); // no reader: matches never parses (issue 19, per test)
        }
        JsonReader reader = new JsonReader();
        PatternCompiler compiler = new PatternCompiler(reader);
        List<RecordPattern> compiled = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            compiled.add(compiler.compile(patterns.get(i), "pattern " + (i + 1)));
        }
        return new FilterCriteria(compiled, reader);
    }

    /** True when there are no filters: every record is delivered. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * Whether a record with this (already base64-decoded) data matches any filter. The data is parsed at most once
     * per call; data that is not valid UTF-8 JSON matches no filter (rule 9.3), and a filter with a top-level key
     * other than {@code data} matches nothing (rule 9.1).
     */
    public boolean matches(byte[] data) {
        if (patterns.isEmpty()) {
            return true;
        }
        Optional<JsonValue.JsonObject> record = null;
        for (RecordPattern pattern : patterns) {
            if (!pattern.nonDataKeys().isEmpty()) {
                continue; // rule 9.1: Kinesis filters only on the data key
            }
            if (record == null) {
                record = (data == null ? Optional.<JsonValue>empty() : reader.readData(data))
                        .map(value -> new JsonValue.JsonObject(Map.of(PatternCompiler.DATA_KEY, value)));
            }
            if (record.isEmpty()) {
                return false; // rule 9.3: non-JSON data with a data pattern: the record is dropped
            }
            if (pattern.root().matchesObject(record.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The warning for patterns that filter on a top-level key other than {@code data} (rule 9.1), naming the keys
     * and the patterns; empty when every pattern filters on data only.
     */
    public Optional<String> nonDataKeyWarning() {
        Set<String> keys = new LinkedHashSet<>();
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (!patterns.get(i).nonDataKeys().isEmpty()) {
                keys.addAll(patterns.get(i).nonDataKeys());
                which.add(i + 1);
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String quoted = keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
        return Optional.of((which.size() == 1 ? "filter pattern " : "filter patterns ") + which.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (which.size() == 1 ? " filters" : " filter") + " on the top-level key " + quoted + ", but \"Kinesis event source mappings only support "
                + "filtering on the data key\": such a pattern never matches on AWS, so the records it would select are "
                + "filtered out (rule 9.1). Put the condition under \"data\" (the record's JSON payload).");
    }

    @Override
    public String toString() {
        return "FilterCriteria[" + patterns.size() + " pattern(s)]";
    }
}
