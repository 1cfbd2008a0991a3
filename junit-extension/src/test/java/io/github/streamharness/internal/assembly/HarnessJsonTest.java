package io.github.streamharness.internal.assembly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A harness's mapper writes and reads exactly as a default ObjectMapper does (issue 19 only changed its cost). */
class HarnessJsonTest {
    private final ObjectMapper plain = new ObjectMapper();
    private final ObjectMapper harness = new HarnessJson();

    @Test
    void anOnFailureMessageIsWrittenAsADefaultMapperWritesIt() throws JsonProcessingException {
        ObjectNode message = harness.createObjectNode();
        message.putObject("requestContext").put("condition", "RetryAttemptsExhausted").put("approximateInvokeCount", 4);
        message.putObject("KinesisBatchInfo").put("startSequenceNumber", "49590338271490256608559692538361571095921575989136588898")
                .put("batchSize", 1).put("streamArn", "arn:aws:kinesis:us-east-1:123456789012:stream/test-stream");
        message.put("timestamp", "2026-01-01T00:00:01.000Z").put("version", "1.0").put("ratio", new BigDecimal("1.50"));
        assertThat(harness.writeValueAsString(message)).isEqualTo(plain.writeValueAsString(message));
    }

    @Test
    void aResponseIsSerializedAndReadAsADefaultMapperDoes() throws Exception {
        Object response = Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "49590338271490256608559692538361571095921575989136588898")));
        byte[] bytes = harness.writeValueAsBytes(response);
        assertThat(bytes).isEqualTo(plain.writeValueAsBytes(response));
        assertThat(harness.readTree(bytes)).isEqualTo(plain.readTree(bytes));
        byte[] trailing = "{\"batchItemFailures\":[]} trailing".getBytes(StandardCharsets.UTF_8);
        assertThat(harness.readTree(trailing)).isEqualTo(plain.readTree(trailing));
        assertThatThrownBy(() -> harness.readTree("nul".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void eachHarnessHasItsOwnMapper() {
        assertThat(new HarnessJson()).isNotSameAs(harness);
        assertThat(harness.copy()).isInstanceOf(HarnessJson.class).isNotSameAs(harness);
    }
}
