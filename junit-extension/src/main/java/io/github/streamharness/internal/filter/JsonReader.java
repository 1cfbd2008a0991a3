package io.github.streamharness.internal.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one complete JSON document into a {@link JsonValue} with Jackson's streaming parser, keeping number text
 * exact. Strict: no comments, no trailing content, invalid UTF-8 is not JSON.
 */
final class JsonReader {
    private final JsonFactory factory = new JsonFactory();

    /** Parses record data: decoded as strict UTF-8, then as one JSON document; empty when it is not JSON (rule 9.3). */
    Optional<JsonValue> readData(byte[] data) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses one JSON document; throws IOException when the text is not exactly one JSON value. */
    JsonValue read(String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON value");
            }
            JsonValue value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value");
            }
            return value;
        }
    }

    private static JsonValue readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of input");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonValue value = readValue(parser, parser.nextToken());
                    fields.remove(name); // last duplicate wins, in its own position (rule 9.2)
                    fields.put(name, value);
                }
                // the loop ends at END_OBJECT: Jackson itself refuses an unclosed object (JsonEOFException)
                return new JsonValue.JsonObject(fields);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) { // an unclosed array: Jackson throws
                    elements.add(readValue(parser, next));
                }
                return new JsonValue.JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(parser.getText());
            case VALUE_TRUE:
                return new JsonValue.JsonBoolean(true);
            case VALUE_FALSE:
                return new JsonValue.JsonBoolean(false);
            case VALUE_NULL:
                return JsonValue.JsonNull.INSTANCE;
            default:
                throw new IOException("unexpected token " + token);
        }
    }
}
