package io.github.streamharness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.internal.window.WindowCall;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The tumbling-window part of one invocation (rule 8.2): the window it belonged to, whether it was the window's final
 * invocation, and the state handed in and returned.
 *
 * @param windowStart             the window's start (inclusive), aligned to a multiple of its length (rule 8.3)
 * @param windowEnd               the window's end (exclusive)
 * @param isFinalInvokeForWindow  whether this was the window's final invocation (rule 8.4)
 * @param isWindowTerminatedEarly whether the window ended early because its state grew over 1 MB (rule 8.4)
 * @param stateJson               the {@code state} the function received, as JSON
 * @param returnedStateJson       the {@code state} the function returned, as JSON, or null when it returned none (a
 *                                failed invocation, rule 8.1) or failed otherwise
 */
public record WindowInvocation(Instant windowStart, Instant windowEnd, boolean isFinalInvokeForWindow,
                               boolean isWindowTerminatedEarly, String stateJson, String returnedStateJson) {

    /** The state received, as the {@code Map<String, String>} a KinesisTimeWindowEvent handler sees. */
    public Map<String, String> state() {
        return map(stateJson);
    }

    /** The state returned, as a {@code Map<String, String>} (non-string values as their JSON text). */
    public Optional<Map<String, String>> returnedState() {
        return Optional.ofNullable(returnedStateJson).map(WindowInvocation::map);
    }

    private static Map<String, String> map(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return WindowCall.strings(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a state object: " + json, e);
        }
    }
}
