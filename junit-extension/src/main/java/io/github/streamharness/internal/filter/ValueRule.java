package io.github.streamharness.internal.filter;

import java.math.BigDecimal;
import java.util.List;

/**
 * One comparison inside a leaf pattern's array, tested against one leaf value of the record (a string, number,
 * boolean or null; never an object or array). The rules of a leaf are ORed (rule 9.2).
 */
sealed interface ValueRule {

    /** Whether this leaf value satisfies the rule. */
    boolean test(JsonValue leaf);

    /**
     * Equality: `["v"]`, `[5]`, `[null]`, `[true]`, `[""]`. Strings match character by character; numbers match by
     * their JSON text, so 300, 300.0 and 3.0e2 are different values (rule 9.2).
     */
    record Exact(JsonValue literal) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            return literal.equals(leaf);
        }
    }

    /** `{"prefix":"us-"}`, or `{"prefix":{"equals-ignore-case":"us-"}}`; strings only (rule 9.2). */
    record Prefix(String prefix, boolean ignoreCase) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            return leaf instanceof JsonValue.JsonString s
                    && s.value().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    /** `{"suffix":".png"}`, or `{"suffix":{"equals-ignore-case":".png"}}`; strings only (EventBridge syntax). */
    record Suffix(String suffix, boolean ignoreCase) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            if (!(leaf instanceof JsonValue.JsonString s)) {
                return false;
            }
            int start = s.value().length() - suffix.length();
            return start >= 0 && s.value().regionMatches(ignoreCase, start, suffix, 0, suffix.length());
        }
    }

    /** `{"equals-ignore-case":"alice"}`; strings only (EventBridge syntax). */
    record EqualsIgnoreCase(String value) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            return leaf instanceof JsonValue.JsonString s && s.value().equalsIgnoreCase(value);
        }
    }

    /**
     * `{"numeric":[">",0,"<=",5]}` or `{"numeric":["=",5]}`: JSON numbers only, compared by value (so 5 and 5.0 are
     * equal here, unlike in {@link Exact}). A null bound is open.
     */
    record Numeric(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
            implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            if (!(leaf instanceof JsonValue.JsonNumber n)) {
                return false;
            }
            BigDecimal v = n.decimal();
            if (lower != null) {
                int c = v.compareTo(lower);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = v.compareTo(upper);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }
    }

    /** Any of several rules; used for the value lists of anything-but. */
    record AnyOf(List<ValueRule> rules) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            for (ValueRule rule : rules) {
                if (rule.test(leaf)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * `{"anything-but": ...}`: a present leaf value that the excluded rule does not match. Applies to every leaf
     * type, so `{"anything-but":"x"}` also matches 5, true and null (modelled choice, see FilterCriteria).
     */
    record AnythingBut(ValueRule excluded) implements ValueRule {
        @Override
        public boolean test(JsonValue leaf) {
            return !excluded.test(leaf);
        }
    }
}
