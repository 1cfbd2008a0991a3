package io.github.streamharness.internal.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles one filter pattern (a JSON string in EventBridge syntax, rule 9.2) into a {@link RecordPattern}, once,
 * at mapping creation. Every rejection is an IllegalArgumentException whose message starts with AWS's text
 * "Invalid filter pattern definition." (rule 1.12) followed by the reason in parentheses.
 */
final class PatternCompiler {
    /** AWS's message for any rejected pattern (rule 1.12). */
    static final String MESSAGE = "Invalid filter pattern definition.";
    /** The key under which Kinesis record data is matched (rule 9.1). */
    static final String DATA_KEY = "data";

    private final JsonReader reader;

    PatternCompiler(JsonReader reader) {
        this.reader = reader;
    }

    /** Compiles a pattern; {@code label} names it in error details (for example "pattern 2"). */
    RecordPattern compile(String pattern, String label) {
        if (pattern == null) {
            throw invalid(label, "the pattern is null");
        }
        JsonValue root;
        try {
            root = reader.read(pattern);
        } catch (JsonProcessingException e) {
            throw invalid(label, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(label, "not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof JsonValue.JsonObject object)) {
            throw invalid(label, "a pattern must be a JSON object, e.g. {\"data\":{\"metric\":[\"cpu\"]}}");
        }
        JsonValue data = object.fields().get(DATA_KEY);
        if (data != null && !(data instanceof JsonValue.JsonObject)) {
            // rule 9.3: a data pattern that is not JSON (a plain value array) is rejected at Create/Update
            throw invalid(label, "\"data\" must hold an object of field patterns, e.g. {\"data\":{\"metric\":[\"cpu\"]}};"
                    + " Kinesis filters on the JSON content of the record data (rule 9.3)");
        }
        FieldPattern.ObjectPattern compiled = new Compilation(label).object("", object);
        List<String> nonDataKeys = object.fields().keySet().stream().filter(k -> !k.equals(DATA_KEY)).toList();
        return new RecordPattern(compiled, nonDataKeys);
    }

    private static IllegalArgumentException invalid(String label, String detail) {
        return new IllegalArgumentException(MESSAGE + " (" + label + ": " + detail + ")");
    }

    /** One pattern's compilation; knows the pattern's label for error messages. */
    private static final class Compilation {
        private final String label;

        Compilation(String label) {
            this.label = label;
        }

        private IllegalArgumentException invalid(String path, String detail) {
            return PatternCompiler.invalid(label, (path.isEmpty() ? "" : "at " + path + ": ") + detail);
        }

        FieldPattern.ObjectPattern object(String path, JsonValue.JsonObject object) {
            if (object.fields().isEmpty()) {
                throw invalid(path, "an empty object {} matches nothing in particular; give at least one key");
            }
            List<Map.Entry<String, FieldPattern>> fields = new ArrayList<>();
            for (Map.Entry<String, JsonValue> entry : object.fields().entrySet()) {
                String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                fields.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), field(childPath, entry.getValue())));
            }
            return new FieldPattern.ObjectPattern(List.copyOf(fields));
        }

        private FieldPattern field(String path, JsonValue value) {
            if (value instanceof JsonValue.JsonObject object) {
                return object(path, object);
            }
            if (value instanceof JsonValue.JsonArray array) {
                return leaf(path, array);
            }
            throw invalid(path, "a value must be an array of rules such as [\"v\"] or an object of nested patterns");
        }

        private FieldPattern leaf(String path, JsonValue.JsonArray array) {
            if (array.elements().isEmpty()) {
                // AWS rejects [] (aws-cdk#31701: FilterRule.null() produced [] and failed with this message)
                throw invalid(path, "an empty array matches nothing; use [null] to match null");
            }
            List<ValueRule> rules = new ArrayList<>();
            boolean existsTrue = false;
            boolean existsFalse = false;
            for (JsonValue element : array.elements()) {
                if (element instanceof JsonValue.JsonArray) {
                    throw invalid(path, "arrays may not be nested inside a rule array");
                }
                if (!(element instanceof JsonValue.JsonObject operator)) {
                    rules.add(new ValueRule.Exact(element));
                    continue;
                }
                if (operator.fields().size() != 1) {
                    throw invalid(path, "an operator object must have exactly one key, got " + operator.fields().keySet());
                }
                Map.Entry<String, JsonValue> op = operator.fields().entrySet().iterator().next();
                switch (op.getKey()) {
                    case "exists" -> {
                        if (!(op.getValue() instanceof JsonValue.JsonBoolean b)) {
                            throw invalid(path, "exists takes true or false");
                        }
                        existsTrue |= b.value();
                        existsFalse |= !b.value();
                    }
                    case "prefix" -> rules.add(new ValueRule.Prefix(
                            string(path, "prefix", op.getValue(), true), isIgnoreCase(op.getValue())));
                    case "suffix" -> rules.add(new ValueRule.Suffix(
                            string(path, "suffix", op.getValue(), true), isIgnoreCase(op.getValue())));
                    case "equals-ignore-case" -> rules.add(
                            new ValueRule.EqualsIgnoreCase(string(path, "equals-ignore-case", op.getValue(), false)));
                    case "numeric" -> rules.add(numeric(path, op.getValue()));
                    case "anything-but" -> rules.add(new ValueRule.AnythingBut(anythingBut(path, op.getValue())));
                    default -> throw invalid(path, "unknown operator \"" + op.getKey() + "\"; supported: prefix, "
                            + "suffix, equals-ignore-case, anything-but, numeric, exists");
                }
            }
            return new FieldPattern.LeafPattern(List.copyOf(rules), existsTrue, existsFalse);
        }

        /** A string operand, or (when allowed) {"equals-ignore-case": "..."} around it, as prefix and suffix take. */
        private String string(String path, String operator, JsonValue operand, boolean ignoreCaseForm) {
            if (operand instanceof JsonValue.JsonString s) {
                return s.value();
            }
            if (ignoreCaseForm && operand instanceof JsonValue.JsonObject o && o.fields().size() == 1
                    && o.fields().get("equals-ignore-case") instanceof JsonValue.JsonString s) {
                return s.value();
            }
            throw invalid(path, operator + " takes a string"
                    + (ignoreCaseForm ? " or {\"equals-ignore-case\": \"...\"}" : ""));
        }

        private static boolean isIgnoreCase(JsonValue operand) {
            return operand instanceof JsonValue.JsonObject;
        }

        private ValueRule anythingBut(String path, JsonValue operand) {
            if (operand instanceof JsonValue.JsonString || operand instanceof JsonValue.JsonNumber) {
                return excludedValue(operand);
            }
            if (operand instanceof JsonValue.JsonArray list) {
                if (list.elements().isEmpty()) {
                    throw invalid(path, "anything-but needs at least one value");
                }
                boolean strings = list.elements().stream().allMatch(v -> v instanceof JsonValue.JsonString);
                boolean numbers = list.elements().stream().allMatch(v -> v instanceof JsonValue.JsonNumber);
                if (!strings && !numbers) {
                    throw invalid(path, "an anything-but list holds only strings or only numbers");
                }
                return new ValueRule.AnyOf(list.elements().stream().map(Compilation::excludedValue).toList());
            }
            if (operand instanceof JsonValue.JsonObject o && o.fields().size() == 1) {
                Map.Entry<String, JsonValue> inner = o.fields().entrySet().iterator().next();
                switch (inner.getKey()) {
                    case "prefix":
                        return new ValueRule.Prefix(string(path, "anything-but prefix", inner.getValue(), false), false);
                    case "suffix":
                        return new ValueRule.Suffix(string(path, "anything-but suffix", inner.getValue(), false), false);
                    case "equals-ignore-case":
                        return equalsIgnoreCaseList(path, inner.getValue());
                    default:
                        break;
                }
            }
            throw invalid(path, "anything-but takes a string, a number, a list of strings or of numbers, or "
                    + "{\"prefix\"|\"suffix\"|\"equals-ignore-case\": ...}");
        }

        /** Strings are excluded by exact text; numbers by numeric value (5 also excludes 5.0). */
        private static ValueRule excludedValue(JsonValue value) {
            if (value instanceof JsonValue.JsonNumber n) {
                return new ValueRule.Numeric(n.decimal(), true, n.decimal(), true);
            }
            return new ValueRule.Exact(value);
        }

        private ValueRule equalsIgnoreCaseList(String path, JsonValue operand) {
            if (operand instanceof JsonValue.JsonString s) {
                return new ValueRule.EqualsIgnoreCase(s.value());
            }
            if (operand instanceof JsonValue.JsonArray list && !list.elements().isEmpty()
                    && list.elements().stream().allMatch(v -> v instanceof JsonValue.JsonString)) {
                return new ValueRule.AnyOf(list.elements().stream()
                        .map(v -> (ValueRule) new ValueRule.EqualsIgnoreCase(((JsonValue.JsonString) v).value()))
                        .toList());
            }
            throw invalid(path, "anything-but equals-ignore-case takes a string or a non-empty list of strings");
        }

        /**
         * {@code ["=", n]}, {@code [op, n]} with op one of {@code < <= > >=}, or a lower and an upper bound in either
         * order ({@code [">", 0, "<=", 5]}). Operands are JSON numbers; an empty range is rejected.
         */
        private ValueRule numeric(String path, JsonValue operand) {
            if (!(operand instanceof JsonValue.JsonArray array)
                    || (array.elements().size() != 2 && array.elements().size() != 4)) {
                throw invalid(path, "numeric takes [op, number] or [op, number, op, number]");
            }
            List<JsonValue> e = array.elements();
            BigDecimal lower = null;
            BigDecimal upper = null;
            boolean lowerInclusive = false;
            boolean upperInclusive = false;
            for (int i = 0; i < e.size(); i += 2) {
                if (!(e.get(i) instanceof JsonValue.JsonString op)) {
                    throw invalid(path, "numeric operators are strings: =, <, <=, >, >=");
                }
                if (!(e.get(i + 1) instanceof JsonValue.JsonNumber number)) {
                    throw invalid(path, "numeric operand after \"" + op.value() + "\" must be a JSON number");
                }
                BigDecimal value = number.decimal();
                switch (op.value()) {
                    case "=" -> {
                        if (e.size() != 2) {
                            throw invalid(path, "numeric \"=\" cannot be combined with another bound");
                        }
                        return new ValueRule.Numeric(value, true, value, true);
                    }
                    case ">", ">=" -> {
                        if (lower != null) {
                            throw invalid(path, "numeric has two lower bounds");
                        }
                        lower = value;
                        lowerInclusive = op.value().equals(">=");
                    }
                    case "<", "<=" -> {
                        if (upper != null) {
                            throw invalid(path, "numeric has two upper bounds");
                        }
                        upper = value;
                        upperInclusive = op.value().equals("<=");
                    }
                    default -> throw invalid(path, "unknown numeric operator \"" + op.value()
                            + "\"; use =, <, <=, >, >=");
                }
            }
            if (lower != null && upper != null) {
                int c = lower.compareTo(upper);
                if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
                    throw invalid(path, "numeric range is empty: no number is above " + lower + " and below " + upper);
                }
            }
            return new ValueRule.Numeric(lower, lowerInclusive, upper, upperInclusive);
        }
    }
}
