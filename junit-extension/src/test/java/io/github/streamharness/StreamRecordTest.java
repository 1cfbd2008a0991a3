package io.github.streamharness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Record identity (rule 12.2) in both forms: a full sequence number, or the engine's compact prefix + counter. */
class StreamRecordTest {
    private static final String PREFIX = "49" + "1".repeat(36);
    private static final byte[] DATA = "x".getBytes(StandardCharsets.UTF_8);

    @Test
    void theCompactFormBuildsTheSameSequenceNumberAndIsEqualToTheFullForm() {
        StreamRecord compact = new StreamRecord("shardId-000000000000", PREFIX, 1234, 18, "pk", DATA, 0L);
        String full = PREFIX + "000000000000001234";
        assertThat(compact.sequenceNumber()).isEqualTo(full).hasSize(56);
        StreamRecord expanded = new StreamRecord("shardId-000000000000", full, "other-key", new byte[0], 99L);
        assertThat(compact).isEqualTo(expanded).hasSameHashCodeAs(expanded);
        assertThat(expanded).isEqualTo(compact);
        assertThat(Set.of(compact)).contains(expanded);
        assertThat(compact.eventId()).isEqualTo("shardId-000000000000:" + full);
    }

    @Test
    void identityIsShardAndSequenceNumber() {
        StreamRecord a = new StreamRecord("shardId-000000000000", PREFIX, 7, 18, "pk", DATA, 0L);
        assertThat(a).isNotEqualTo(new StreamRecord("shardId-000000000001", PREFIX, 7, 18, "pk", DATA, 0L));
        assertThat(a).isNotEqualTo(new StreamRecord("shardId-000000000000", PREFIX, 8, 18, "pk", DATA, 0L));
        assertThat(a).isEqualTo(new StreamRecord("shardId-000000000000", PREFIX, 7, 18, "pk2", new byte[0], 5L));
    }

    @Test
    void aCounterThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> new StreamRecord("s", PREFIX, 100, 2, "pk", DATA, 0L))
                .hasMessageContaining("does not fit in 2 digits");
    }

    @Test
    void dataIsCopiedInAndOutAndPrintedAsText() {
        byte[] bytes = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
        StreamRecord r = new StreamRecord("shardId-000000000000", PREFIX + "000000000000000003", "user-7", bytes, 0L);
        bytes[0] = 'X';
        assertThat(r.dataAsString()).isEqualTo("{\"id\":7}");
        r.dataBytes()[0] = 'Y';
        assertThat(r.dataAsString()).isEqualTo("{\"id\":7}");
        assertThat(r.data().isReadOnly()).isTrue();
        assertThat(r).hasToString("shardId-000000000000/" + PREFIX + "000000000000000003 pk=user-7 data={\"id\":7}");
    }
}
