package io.github.streamharness.internal.filter;

import java.util.List;
import java.util.Map;

/**
 * The compiled pattern for one key of a JSON object: either a nested object of patterns or a leaf array of rules.
 * {@code matches} receives the record's value for the key, or null when the key is absent.
 */
sealed interface FieldPattern {

    /** Whether the record's value for this key (null when absent) satisfies the pattern. */
    boolean matches(JsonValue value);

    /** A nested pattern object; all its keys must match (AND, rule 9.2). */
    record ObjectPattern(List<Map.Entry<String, FieldPattern>> fields) implements FieldPattern {

        /** Whether every key of this pattern matches the object's value for that key. */
        boolean matchesObject(JsonValue.JsonObject object) {
            for (Map.Entry<String, FieldPattern> field : fields) {
                if (!field.getValue().matches(object.fields().get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * An object is matched directly; an array matches when any object inside it matches on its own (array
         * consistent, as EventBridge: two keys may not be satisfied by two different elements). Anything else
         * (absent, a scalar, an array without objects) has none of the nested keys, which only exists:false accepts.
         */
        @Override
        public boolean matches(JsonValue value) {
            if (value instanceof JsonValue.JsonObject object) {
                return matchesObject(object);
            }
            if (value instanceof JsonValue.JsonArray array && containsObject(array)) {
                return anyObjectMatches(array);
            }
            return matchesObject(JsonValue.JsonObject.EMPTY);
        }

        private boolean anyObjectMatches(JsonValue.JsonArray array) {
            for (JsonValue element : array.elements()) {
                if (element instanceof JsonValue.JsonObject object && matchesObject(object)) {
                    return true;
                }
                if (element instanceof JsonValue.JsonArray inner && anyObjectMatches(inner)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsObject(JsonValue.JsonArray array) {
            for (JsonValue element : array.elements()) {
                if (element instanceof JsonValue.JsonObject
                        || element instanceof JsonValue.JsonArray inner && containsObject(inner)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A leaf array: its entries are ORed (rule 9.2). The leaves of a record value are the value itself when it is a
     * scalar, or the scalars inside it when it is an array (any one may match); an object has no leaves, so
     * exists:true does not match it and exists:false does (EventBridge: exists works on leaf nodes only).
     */
    record LeafPattern(List<ValueRule> rules, boolean existsTrue, boolean existsFalse) implements FieldPattern {
        @Override
        public boolean matches(JsonValue value) {
            boolean hasLeaf = hasLeaf(value);
            if (hasLeaf ? existsTrue : existsFalse) {
                return true;
            }
            return hasLeaf && !rules.isEmpty() && anyLeafMatches(value);
        }

        private boolean anyLeafMatches(JsonValue value) {
            if (value instanceof JsonValue.JsonArray array) {
                for (JsonValue element : array.elements()) {
                    if (anyLeafMatches(element)) {
                        return true;
                    }
                }
                return false;
            }
            if (value instanceof JsonValue.JsonObject) {
                return false;
            }
            for (ValueRule rule : rules) {
                if (rule.test(value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasLeaf(JsonValue value) {
            if (value == null || value instanceof JsonValue.JsonObject) {
                return false;
            }
            if (value instanceof JsonValue.JsonArray array) {
                for (JsonValue element : array.elements()) {
                    if (hasLeaf(element)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
    }
}
