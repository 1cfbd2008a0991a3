package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.Invocation;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression for the bug "read-only event data buffer": the KinesisEvent handed to a {@code RequestHandler} carried
 * {@code data} as a read-only ByteBuffer, so the most common handler idiom, {@code new
 * String(record.getKinesis().getData().array())}, threw ReadOnlyBufferException in the harness while it works on
 * Lambda, whose runtime deserializes {@code data} into a writable, array-backed buffer (rule 7.3).
 */
class ReadOnlyEventDataBufferRegressionTest {

    @Test
    void handlerReadingDataThroughArrayWorksAsOnLambda() {
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    (event, context) -> {
                        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                            seen.add(new String(r.getKinesis().getData().array(), StandardCharsets.UTF_8));
                        }
                        return null;
                    });
            h.put("pk", "{\"order\":1}");
            h.runUntilIdle();

            assertThat(seen).containsExactly("{\"order\":1}");
            assertThat(h.invocations().all()).extracting(Invocation::outcome)
                    .allMatch(io.github.streamharness.Outcome::isSuccess);
            assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(1);
        }
    }

    @Test
    void eventDataHasTheBufferPropertiesTheLambdaRuntimeGives() {
        // what the Lambda Java runtime's serializer makes of the exact event JSON the harness writes (rule 7.3)
        List<String> json = new ArrayList<>();
        List<ByteBuffer> harnessData = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (in, out, c) ->
                    json.add(new String(in.readAllBytes(), StandardCharsets.UTF_8)), FunctionSettings.named("raw"));
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                harnessData.add(event.getRecords().get(0).getKinesis().getData());
                return null;
            }, FunctionSettings.named("typed"));
            h.put("pk", "abc");
            h.runUntilIdle();
        }
        ByteBuffer runtime = LambdaEventSerializers.serializerFor(KinesisEvent.class, getClass().getClassLoader())
                .fromJson(json.get(0)).getRecords().get(0).getKinesis().getData();
        ByteBuffer harness = harnessData.get(0);

        assertThat(harness.isReadOnly()).isEqualTo(runtime.isReadOnly()).isFalse();
        assertThat(harness.hasArray()).isEqualTo(runtime.hasArray()).isTrue();
        assertThat(harness.arrayOffset()).isEqualTo(runtime.arrayOffset());
        assertThat(harness).isEqualTo(runtime);
    }
}
