package io.github.streamharness.examples.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricRecordTest {

    @Test
    void parsesTheProducersDocumentWithAnExactValueAndItsMinute() {
        MetricRecord sample = parse("{\"metric\":\"cpu\",\"value\":0.42,\"timestamp\":\"2026-11-23T10:15:30Z\","
                + "\"host\":\"web-1\"}");

        assertThat(sample.metric()).isEqualTo("cpu");
        assertThat(sample.value()).isEqualTo(new BigDecimal("0.42"));
        assertThat(sample.timestamp()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
        assertThat(sample.minute()).isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
        assertThat(sample.host()).contains("web-1");
    }

    @Test
    void hostIsOptional() {
        assertThat(parse("{\"metric\":\"cpu\",\"value\":1,\"timestamp\":\"2026-11-23T10:15:30Z\"}").host())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "",
        "[1,2]",
        "\"cpu\"",
        "{\"value\":1,\"timestamp\":\"2026-11-23T10:15:30Z\"}",
        "{\"metric\":\" \",\"value\":1,\"timestamp\":\"2026-11-23T10:15:30Z\"}",
        "{\"metric\":\"cpu\",\"timestamp\":\"2026-11-23T10:15:30Z\"}",
        "{\"metric\":\"cpu\",\"value\":\"high\",\"timestamp\":\"2026-11-23T10:15:30Z\"}",
        "{\"metric\":\"cpu\",\"value\":1}",
        "{\"metric\":\"cpu\",\"value\":1,\"timestamp\":\"yesterday\"}",
    })
    void rejectsAnythingThatIsNotAMetricDocument(String data) {
        assertThatThrownBy(() -> parse(data)).isInstanceOf(MalformedMetricException.class);
    }

    private static MetricRecord parse(String data) {
        return MetricRecord.parse(data.getBytes(StandardCharsets.UTF_8));
    }
}
