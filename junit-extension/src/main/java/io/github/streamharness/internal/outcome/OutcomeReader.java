package io.github.streamharness.internal.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that reads a function's response, the way the event source mapping does (section 5, 0.6): without
 * ReportBatchItemFailures every response is a success (rule 5.1); with it, the five empty forms succeed (5.3), a
 * malformed or foreign itemIdentifier fails the whole batch (5.4, 0.6), and valid identifiers checkpoint at the
 * lowest failed record (5.5), the batch's first record included (5.7: committing nothing).
 */
public final class OutcomeReader {
    private OutcomeReader() {
    }

    /**
     * The outcome of a response.
     *
     * @param json                    the response as a JSON tree, or null for no response (void, null, empty body)
     * @param responseText            the response as text for the log, or null
     * @param batch                   the records invoked, in order
     * @param reportBatchItemFailures whether the mapping enables ReportBatchItemFailures
     */
    public static Outcome read(JsonNode json, String responseText, List<StreamRecord> batch,
                               boolean reportBatchItemFailures) {
        if (!reportBatchItemFailures) {
            return new Outcome.Success(responseText, reportedButIgnored(json));
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            return success(responseText); // rule 5.3: no return value / null
        }
        if (json.isArray()) {
            return json.isEmpty() ? success(responseText)  // rule 5.3: []
                    : batchFailure("the response is a non-empty JSON array, not an object with batchItemFailures",
                    responseText);
        }
        if (!json.isObject()) {
            return batchFailure("the response is a JSON " + json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object with batchItemFailures (rule 0.6)", responseText);
        }
        JsonNode failures = json.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return success(responseText); // rule 5.3: {} and {"batchItemFailures":null}
        }
        if (!failures.isArray()) {
            return batchFailure("batchItemFailures is a " + failures.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", not an array", responseText);
        }
        if (failures.isEmpty()) {
            return success(responseText); // rule 5.3: {"batchItemFailures":[]}
        }
        Map<String, Integer> positions = new HashMap<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            positions.put(batch.get(i).sequenceNumber(), i);
        }
        int lowest = Integer.MAX_VALUE;
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : failures) {
            JsonNode id = entry.isObject() ? entry.get("itemIdentifier") : null;
            String problem = null;
            if (!entry.isObject()) {
                problem = "an entry of batchItemFailures is not an object: " + entry;
            } else if (id == null) {
                problem = "an entry of batchItemFailures has no itemIdentifier: " + entry;
            } else if (id.isNull()) {
                problem = "itemIdentifier is null";
            } else if (!id.isTextual()) {
                problem = "itemIdentifier " + id + " is not a string sequence number";
            } else if (id.asText().isEmpty()) {
                problem = "itemIdentifier is \"\"";
            } else if (!positions.containsKey(id.asText())) {
                problem = "itemIdentifier \"" + id.asText() + "\" is not the sequence number of a record in this "
                        + "batch (rule 0.6)";
            }
            if (problem != null) {
                return batchFailure(problem, responseText);
            }
            ids.add(id.asText());
            lowest = Math.min(lowest, positions.get(id.asText()));
        }
        // rule 5.5, 5.7: the checkpoint is the lowest reported record; when that is the batch's first record nothing
        // is committed and the whole batch is retried as it was (the failure policy counts it as an attempt)
        return new Outcome.PartialFailure(ids, batch.get(lowest).sequenceNumber(), lowest, responseText);
    }

    /**
     * What a tumbling window's invocation returned: its outcome and the state it handed on.
     *
     * @param outcome how the mapping reads the response
     * @param state   the returned state object, or null when the invocation failed for want of one
     */
    public record WindowReading(Outcome outcome, ObjectNode state) {
    }

    /**
     * Reads the response of an invocation in a tumbling window (rule 8.1): it must be an object with a {@code state}
     * object, or the invocation failed; then {@code batchItemFailures} beside it reads as in {@link #read}.
     */
    public static WindowReading readWindow(JsonNode json, String responseText, List<StreamRecord> batch,
                                           boolean reportBatchItemFailures) {
        String problem = null;
        JsonNode state = json != null && json.isObject() ? json.get("state") : null;
        if (json == null || json.isNull() || json.isMissingNode()) {
            problem = "the function returned nothing";
        } else if (!json.isObject()) {
            problem = "the response is a JSON " + json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ", not an object";
        } else if (state == null || state.isNull()) {
            problem = "the response has no state";
        } else if (!state.isObject()) {
            problem = "its state is a JSON " + state.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ", not an object";
        }
        if (problem != null) {
            return new WindowReading(new Outcome.FunctionError(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE, null,
                    "an invocation in a tumbling window must return {\"state\":{...}}, the invocation failed "
                            + "(rule 8.1): " + problem, null, responseText), null);
        }
        return new WindowReading(read(json, responseText, batch, reportBatchItemFailures), (ObjectNode) state);
    }

    private static Outcome success(String responseText) {
        return new Outcome.Success(responseText, List.of());
    }

    private static Outcome batchFailure(String why, String responseText) {
        return new Outcome.FunctionError(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE, null,
                "invalid partial batch response, the whole batch failed (rule 5.4): " + why, null, responseText);
    }

    private static List<String> reportedButIgnored(JsonNode json) {
        JsonNode failures = json != null && json.isObject() ? json.get("batchItemFailures") : null;
        if (failures == null || !failures.isArray() || failures.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : failures) {
            JsonNode id = entry.get("itemIdentifier");
            ids.add(id == null ? String.valueOf(entry) : id.asText());
        }
        return ids;
    }
}
