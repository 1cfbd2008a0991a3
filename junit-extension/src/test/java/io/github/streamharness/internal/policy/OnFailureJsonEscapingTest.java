package io.github.streamharness.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The on-failure message is written by hand (rule 6.1, issue 19); its strings are escaped exactly as the Jackson
 * mapper that wrote it before did (its timestamps: UtcTextTest), so a message's text (and its MD5 in
 * the SQS event) does not change.
 */
class OnFailureJsonEscapingTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-east-1:123456789012:function:f", "a \"quoted\" \\ back/slash",
            "tab\tnew\nline\rcr\bback\fform", "\u0000\u0001\u001f\u007f", "héllo wörld \u20ac", "\ud83d\ude00 pair",
            "lone \ud83d surrogate", "{\"Records\":[{\"kinesis\":{\"data\":\"e30=\"}}]}", ""})
    void aFieldIsWrittenAsJacksonWritesIt(String value) throws Exception {
        ObjectNode node = JACKSON.createObjectNode();
        node.put("k", value);
        assertEquals(JACKSON.writeValueAsString(node),
                OnFailureMessages.field(new StringBuilder("{"), "k", value).append('}').toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"functionError"})
    void aNullFieldIsJsonNull(String name) throws Exception {
        ObjectNode node = JACKSON.createObjectNode();
        node.putNull(name);
        assertEquals(JACKSON.writeValueAsString(node),
                OnFailureMessages.field(new StringBuilder("{"), name, null).append('}').toString());
    }
}
