package io.github.streamharness.internal.filter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value, for filter patterns and record data alike. Numbers keep their exact text, because Lambda
 * compares numbers in equality matches by their string representation (rule 9.2: 300, 300.0 and 3.0e2 differ).
 */
sealed interface JsonValue {

    /** A JSON object; with duplicate keys the last value wins (rule 9.2). */
    record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
        static final JsonObject EMPTY = new JsonObject(Map.of());
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
    }

    /** A JSON number, as written. */
    record JsonNumber(String text) implements JsonValue {
        /** The exact numeric value (JSON number syntax is a subset of BigDecimal's). */
        BigDecimal decimal() {
            return new BigDecimal(text);
        }
    }

    /** A JSON true or false. */
    record JsonBoolean(boolean value) implements JsonValue {
    }

    /** The JSON null literal. */
    enum JsonNull implements JsonValue {
        INSTANCE
    }
}
