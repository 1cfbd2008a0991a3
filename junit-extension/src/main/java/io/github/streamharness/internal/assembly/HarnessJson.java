package io.github.streamharness.internal.assembly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * A harness's JSON mapper (handler responses, on-failure messages, window state): one per harness, so that no
 * configurable {@code ObjectMapper} sits in a static; the calls the engine makes go to an {@link ObjectWriter} and an
 * {@link ObjectReader} shared by every harness, which Jackson makes immutable and thread-safe, and whose serializer
 * caches are then warm for every test instead of cold in each new mapper (the per-test cost of issue 19: a fresh
 * mapper's first on-failure message cost a test about as much as its whole harness). Output and errors are those of
 * a default {@code ObjectMapper}.
 */
final class HarnessJson extends ObjectMapper {
    private static final long serialVersionUID = 1L;
    private static final ObjectWriter WRITER;
    private static final ObjectReader READER;

    static {
        ObjectMapper defaults = new ObjectMapper(); // reachable only through the two immutable views
        WRITER = defaults.writer();
        READER = defaults.reader();
    }

    @Override
    public ObjectNode createObjectNode() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public String writeValueAsString(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
        return WRITER.writeValueAsBytes(value);
    }

    @Override
    public JsonNode readTree(byte[] content) throws IOException {
        return READER.readTree(content);
    }

    @Override
    public ObjectMapper copy() {
        return new HarnessJson();
    }
}
