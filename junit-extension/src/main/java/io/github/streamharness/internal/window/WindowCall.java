package io.github.streamharness.internal.window;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.WindowInvocation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invocation in a tumbling window carries beside its records (rule 8.2): the window, the state handed in,
 * the shard, the stream and the two flags; and, once the function answered, the state it returned. Builds the event
 * both as the JSON of the AWS docs' example (field for field, after {@code Records}) and as the
 * {@link KinesisTimeWindowEvent} of aws-lambda-java-events.
 */
public final class WindowCall {
    private final ObjectMapper mapper;
    private final long startMillis;
    private final long endMillis;
    private final ObjectNode state;
    private final String shardId;
    private final String eventSourceArn;
    private final boolean finalInvoke;
    private final boolean terminatedEarly;
    private ObjectNode returned;

    WindowCall(ObjectMapper mapper, long startMillis, long endMillis, ObjectNode state, String shardId,
               String eventSourceArn, boolean finalInvoke, boolean terminatedEarly) {
        this.mapper = mapper;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.state = state;
        this.shardId = shardId;
        this.eventSourceArn = eventSourceArn;
        this.finalInvoke = finalInvoke;
        this.terminatedEarly = terminatedEarly;
    }

    /** Rule 8.2: ISO-8601 in UTC without milliseconds, e.g. {@code 2020-12-09T07:04:00Z}. */
    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The window event JSON: the Kinesis event JSON {@code recordsJson} ({@code {"Records":[...]}}) followed by
     * {@code window}, {@code state}, {@code shardId}, {@code eventSourceARN}, {@code isFinalInvokeForWindow} and
     * {@code isWindowTerminatedEarly}, in the AWS example's order.
     */
    public byte[] json(byte[] recordsJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(recordsJson.length + 256);
        out.write(recordsJson, 0, recordsJson.length - 1); // without the closing brace
        ObjectNode tail = mapper.createObjectNode();
        tail.putObject("window").put("start", iso(startMillis)).put("end", iso(endMillis));
        tail.set("state", state);
        tail.put("shardId", shardId);
        tail.put("eventSourceARN", eventSourceArn);
        tail.put("isFinalInvokeForWindow", finalInvoke);
        tail.put("isWindowTerminatedEarly", terminatedEarly);
        byte[] fields = tail.toString().getBytes(StandardCharsets.UTF_8);
        out.write(',');
        out.write(fields, 1, fields.length - 1); // the fields and the closing brace
        return out.toByteArray();
    }

    /** The typed event: {@code base}'s records with the window fields; the state's values as strings. */
    public KinesisTimeWindowEvent event(KinesisEvent base) {
        return new KinesisTimeWindowEvent(base.getRecords(), new TimeWindow(iso(startMillis), iso(endMillis)),
                strings(state), shardId, eventSourceArn, finalInvoke, terminatedEarly);
    }

    /** Records the state the function returned (null when its response had none). */
    public void returned(ObjectNode returnedState) {
        this.returned = returnedState;
    }

    /** The state the function returned, or null. */
    ObjectNode returnedState() {
        return returned;
    }

    boolean isFinal() {
        return finalInvoke;
    }

    /** What the invocation log keeps of this call. */
    public WindowInvocation describe() {
        return new WindowInvocation(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis), finalInvoke,
                terminatedEarly, state.toString(), returned == null ? null : returned.toString());
    }

    /** Rule 8.4, 0.11b: the size the 1 MB limit is measured on: the UTF-8 bytes of the state map's JSON. */
    static long sizeOf(ObjectNode state) {
        return state.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The state as the {@code Map<String, String>} of KinesisTimeWindowEvent: a string value as it is, any other
     * value as its JSON text.
     */
    public static Map<String, String> strings(JsonNode state) {
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode v = field.getValue();
            map.put(field.getKey(), v.isTextual() ? v.asText() : v.toString());
        }
        return map;
    }

    @Override
    public String toString() {
        return "window [" + iso(startMillis) + ", " + iso(endMillis) + ")" + (finalInvoke ? " final" : "");
    }
}
