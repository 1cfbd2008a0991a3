package io.github.streamharness.internal.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Record data as filters see it (rule 9.3): one complete, strict JSON document, or not JSON at all. */
class JsonReaderTest {
    private final JsonReader reader = new JsonReader();

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1", "{\"a\":", "{\"a\"", "{", "[1,2", "[", "[{\"a\":[1]}", "{\"a\":[1,{}}",
        "{\"a\":1}}", "[1]]", "1 2", "", "  ", "{\"a\":1,}", "[1,]", "{'a':1}", "/* c */ 1", "nul"})
    void anIncompleteOrMalformedDocumentIsNotJson(String text) { // rule 9.3
        assertThatThrownBy(() -> reader.read(text)).isInstanceOf(IOException.class);
        assertThat(reader.readData(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void nestedContainersKeepTheirShapeAndTheLastDuplicateKeyWins() throws IOException { // rule 9.2
        JsonValue value = reader.read("{\"a\":[1,{\"b\":[]},[]],\"c\":{},\"a\":[2]}");
        assertThat(value).isInstanceOf(JsonValue.JsonObject.class);
        assertThat(value.toString()).isEqualTo(reader.read("{\"c\":{},\"a\":[2]}").toString());
    }
}
