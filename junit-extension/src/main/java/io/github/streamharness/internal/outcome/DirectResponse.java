package io.github.streamharness.internal.outcome;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON of the one response type most handlers return, a plain {@link StreamsEventResponse} (section 5), written
 * directly instead of through the runtime's serializer and parsed back: the same text the harness's mapper writes
 * ({@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}) and the same tree it reads from it.
 * Anything else (a subclass, a null list, entry or identifier, a character JSON would escape) is left to the mapper.
 */
public final class DirectResponse {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The response's JSON text and tree. */
    public record Json(String text, JsonNode tree) {
    }

    private DirectResponse() {
    }

    /** The JSON of {@code response}, or null when the mapper must write it. */
    public static Json of(Object response) {
        if (response == null || response.getClass() != StreamsEventResponse.class) {
            return null;
        }
        List<BatchItemFailure> failures = ((StreamsEventResponse) response).getBatchItemFailures();
        if (failures == null) {
            return null;
        }
        ObjectNode tree = NODES.objectNode();
        StringBuilder text = new StringBuilder(24 + 64 * failures.size()).append("{\"batchItemFailures\":[");
        ArrayNode array = tree.putArray("batchItemFailures");
        for (int i = 0; i < failures.size(); i++) {
            BatchItemFailure failure = failures.get(i);
            String id = failure == null || failure.getClass() != BatchItemFailure.class ? null
                    : failure.getItemIdentifier();
            if (id == null || !plain(id)) {
                return null;
            }
            text.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(id).append("\"}");
            array.addObject().put("itemIdentifier", id);
        }
        return new Json(text.append("]}").toString(), tree);
    }

    /** Printable ASCII without a quote or backslash: JSON writes it as it is, one byte per character. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
