package io.github.streamharness.internal.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiled FilterCriteria of a mapping (spec 1.12, 9): EventBridge-style patterns, ORed, matched against the record
 * seen as {@code {"partitionKey": "<key>", "data": <the data parsed as JSON>}}.
 *
 * <p>Modelled choices where AWS is silent:
 * <ul>
 *   <li>Top-level keys other than {@code data} and {@code partitionKey} are accepted and name fields the harness's
 *       record does not have, so they match only {@code [{"exists":false}]} (spec 9.1 says Kinesis filters on data).
 *   <li>A {@code data} value that is not an object of patterns ({@code "data":["x"]}) is rejected (spec 9.3, "non-JSON
 *       data pattern"). An empty object {@code {}} anywhere and an empty array {@code []} are rejected.
 *   <li>{@code anything-but} matches every present leaf value not excluded, whatever its type (so also numbers and
 *       null for a string list); its numbers are excluded by numeric value, while plain equality compares number
 *       text (spec 9.2).
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
     * "Invalid filter pattern definition." when one is invalid (spec 1.12), followed by the reason.
     */
    public static FilterCriteria compile(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
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
     * Whether a record with this partition key and (already base64-decoded) data matches any filter. The data is
     * parsed at most once per call, and only when a pattern has a {@code data} key; a pattern on data never matches
     * data that is not valid UTF-8 JSON, while a pattern without one filters on the partition key alone (spec 9.3).
     */
    public boolean matches(String partitionKey, byte[] data) {
        if (patterns.isEmpty()) {
            return true;
        }
        Map<String, JsonValue> fields = new LinkedHashMap<>(4);
        if (partitionKey != null) {
            fields.put("partitionKey", new JsonValue.JsonString(partitionKey));
        }
        JsonValue.JsonObject record = new JsonValue.JsonObject(fields);
        Optional<JsonValue> parsedData = null;
        for (RecordPattern pattern : patterns) {
            if (pattern.usesData()) {
                if (parsedData == null) {
                    parsedData = data == null ? Optional.empty() : reader.readData(data);
                    parsedData.ifPresent(value -> fields.put(PatternCompiler.DATA_KEY, value));
                }
                if (parsedData.isEmpty()) {
                    continue; // spec 9.3: non-JSON data with a data pattern: this filter drops the record
                }
            }
            if (pattern.root().matchesObject(record)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FilterCriteria[" + patterns.size() + " pattern(s)]";
    }
}
