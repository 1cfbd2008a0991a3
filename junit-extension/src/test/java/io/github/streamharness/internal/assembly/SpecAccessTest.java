package io.github.streamharness.internal.assembly;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.traffic.RecordSpec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code putAll} reads each {@link RecordSpec}'s bytes through {@link SpecAccess}, without the copy
 * {@code RecordSpec.data()} makes: the shard's copy must stay the only one that anything can change, so the spec
 * keeps its bytes whatever a handler does to its event, for small records (copied into a block) and large ones (an
 * array of their own).
 */
class SpecAccessTest {

    @Test
    void aHandlerThatOverwritesItsEventsDataLeavesTheSpecAndTheStoredRecordAsTheyWere() {
        byte[] small = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[200_000]; // over the block's limit: the shard keeps an array of its own
        Arrays.fill(large, (byte) 'x');
        List<RecordSpec> specs = List.of(new RecordSpec("k1", small), new RecordSpec("k2", large));
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().shards(2).handler((KinesisEvent e, com.amazonaws.services
                .lambda.runtime.Context c) -> {
            for (KinesisEvent.KinesisEventRecord r : e.getRecords()) {
                ByteBuffer data = r.getKinesis().getData();
                seen.add(r.getKinesis().getPartitionKey() + ":" + data.remaining());
                Arrays.fill(data.array(), (byte) '!'); // a handler that scribbles over what it was given
            }
            return null;
        }).build()) {
            h.putAll(specs);
            h.runUntilIdle();
            h.putAll(specs); // the same specs again: their bytes must be the original ones
            h.runUntilIdle();

            assertThat(specs.get(0).data()).isEqualTo(small);
            assertThat(specs.get(1).data()).containsOnly((byte) 'x').hasSize(200_000);
            assertThat(h.shards().stream().flatMap(s -> s.records().stream()).map(r -> r.dataAsString()
                    .replace("x", "")).sorted()).containsExactly("", "", "{\"n\":1}", "{\"n\":1}");
            assertThat(seen).containsExactlyInAnyOrder("k1:7", "k2:200000", "k1:7", "k2:200000");
        }
    }

    @Test
    void onlyRecordSpecInstallsTheReaderAndOnlyOnce() {
        assertThat(SpecAccess.dataArray(RecordSpec.of("k", "abc"))).containsExactly('a', 'b', 'c');
        SpecAccess.Reader other = spec -> new byte[0];
        assertThatThrownBy(() -> SpecAccess.install(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only RecordSpec installs its reader");
        assertThatThrownBy(() -> SpecAccess.install(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
