package io.github.streamharness.internal.filter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The second oracle of the filter tests: AWS's own EventBridge matcher (event-ruler) judges every pattern and record
 * the tests give the harness's matcher. The record is the event {@code {"partitionKey": ..., "data": ...}} that Lambda
 * filters (rule 9.1), with data embedded when it is JSON and left out when it is not.
 */
final class RulerOracle {
    // strict: JSON followed by more content is not JSON (the harness's reading, FilterDataFormatTest)
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?[eE][-+]?\\d+|-?\\d+\\.\\d+");

    /**
     * Where the harness and event-ruler disagree by design: each one is a modelled choice written down in
     * docs/esm-rules.md (section 9, "Second oracle").
     */
    enum KnownDifference {
        /**
         * Rule 9.1: Kinesis mappings filter only on the data key, so a pattern on {@code partitionKey} (or any other
         * top-level key) never matches in the harness; event-ruler matches the event's metadata field.
         */
        ONLY_THE_DATA_KEY_IS_FILTERED {
            @Override
            boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler) {
                return !harness && Boolean.TRUE.equals(ruler)
                        && FilterCriteria.compile(patterns).nonDataKeyWarning().isPresent();
            }
        },
        /**
         * Rule 9.3: Lambda drops a record whose data is not JSON when the filter has a data pattern. event-ruler
         * sees an event without data, where {@code "exists": false} (or anything-but) matches.
         */
        NON_JSON_DATA_IS_DROPPED {
            @Override
            boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler) {
                return !harness && Boolean.TRUE.equals(ruler) && data != null && !isJson(data);
            }
        },
        /**
         * Rule 9.2: Lambda compares numbers in an exact match by their string form ({@code 300} is not
         * {@code 300.0}); event-ruler compares their values.
         */
        NUMBERS_COMPARED_BY_STRING_FORM {
            @Override
            boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler) {
                return !harness && Boolean.TRUE.equals(ruler)
                        && (DECIMAL.matcher(data).find() || patterns.stream().anyMatch(p -> DECIMAL.matcher(p).find()));
            }
        },
        /**
         * Rule 9.2: of a key given twice in a pattern, only the last value counts, the top-level {@code data} key
         * included; event-ruler keeps the first {@code data}.
         */
        DUPLICATE_DATA_KEY_KEEPS_THE_LAST {
            @Override
            boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler) {
                return ruler != null && patterns.stream()
                        .anyMatch(p -> p.indexOf("\"data\"") != p.lastIndexOf("\"data\""));
            }
        },
        /**
         * Rule 9.2: a numeric range may give its two bounds in either order ({@code ["<", 10, ">=", 2]}); event-ruler
         * rejects the upper bound first.
         */
        NUMERIC_RANGE_BOUNDS_IN_ANY_ORDER {
            @Override
            boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler) {
                return ruler == null && patterns.stream().anyMatch(p -> p.contains("\"numeric\""));
            }
        };

        abstract boolean explains(List<String> patterns, String data, boolean harness, Boolean ruler);
    }

    private RulerOracle() {
    }

    /** event-ruler's verdict, or null when it rejects the pattern. */
    static Boolean rulerMatches(List<String> patterns, String partitionKey, String data) {
        try {
            Machine machine = new Machine();
            for (int i = 0; i < patterns.size(); i++) {
                machine.addRule("filter-" + i, patterns.get(i));
            }
            return !machine.rulesForJSONEvent(event(partitionKey, data)).isEmpty();
        } catch (Exception e) { // addRule: IOException or IllegalArgumentException; rulesForJSONEvent: Exception
            return null;
        }
    }

    static String event(String partitionKey, String data) {
        ObjectNode event = JSON.createObjectNode();
        if (partitionKey != null) {
            event.put("partitionKey", partitionKey);
        }
        if (data != null) {
            try {
                JsonNode tree = JSON.readTree(data);
                if (tree != null && !tree.isMissingNode()) {
                    event.set("data", tree);
                }
            } catch (IOException notJson) {
                // Lambda filters such a record on its partition key alone (rule 9.3)
            }
        }
        return event.toString();
    }

    /** Fails unless event-ruler agrees with {@code harness}, or a documented modelled difference explains it. */
    static void check(List<String> patterns, String partitionKey, String data, boolean harness) {
        Boolean ruler = rulerMatches(patterns, partitionKey, data);
        if (ruler != null && ruler == harness) {
            return;
        }
        for (KnownDifference known : KnownDifference.values()) {
            if (known.explains(patterns, data, harness, ruler)) {
                return;
            }
        }
        throw new AssertionError("The harness and AWS's EventBridge matcher (event-ruler) disagree, and no modelled "
                + "difference explains it: patterns " + patterns + ", record " + event(partitionKey, data)
                + " (data " + data + "): harness " + harness + ", event-ruler "
                + (ruler == null ? "rejects the pattern" : ruler) + ". Fix the matcher, or write the difference "
                + "down as a modelled choice (RulerOracle.KnownDifference and docs/esm-rules.md).");
    }

    private static boolean isJson(String data) {
        try {
            JsonNode tree = JSON.readTree(data);
            return tree != null && !tree.isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }
}
