package io.github.streamharness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
    void theCompactFormHashesAsItsFullSequenceNumberForEveryCounterLength() {
        // the compact hash is computed from the digits without building the string: check it digit count by count
        long[] counters = {0, 1, 9, 10, 99, 100, 1234, 999_999, 1_000_000, 27_000_000, 999_999_999_999_999_999L};
        for (long counter : counters) {
            StreamRecord compact = new StreamRecord("shardId-000000000000", PREFIX, counter, 18, "pk", DATA, 0L);
            StreamRecord full = new StreamRecord("shardId-000000000000", compact.sequenceNumber(), "pk", DATA, 0L);
            assertThat(compact.hashCode()).as("counter %d", counter).isEqualTo(full.hashCode());
        }
        StreamRecord shortCounter = new StreamRecord("s", PREFIX, 42, 3, "pk", DATA, 0L);
        assertThat(shortCounter.sequenceNumber()).isEqualTo(PREFIX + "042");
        assertThat(shortCounter).hasSameHashCodeAs(new StreamRecord("s", PREFIX + "042", "pk", DATA, 0L));
    }

    @Test
    void theEnginesBlockSharingFormIsNotPublic() {
        // users build records with their own data (copied); only the engine's store shares a block, not copied
        assertThat(StreamRecord.class.getConstructors()).extracting(c -> List.of(c.getParameterTypes()))
                .containsExactlyInAnyOrder(
                        List.of(String.class, String.class, String.class, byte[].class, Instant.class),
                        List.of(String.class, String.class, String.class, byte[].class, long.class),
                        List.of(String.class, String.class, long.class, int.class, String.class, byte[].class,
                                long.class));
    }

    @Test
    void aCompactRecordBuildsItsSequenceNumberOnceAndCopiesItsData() {
        byte[] bytes = {1, 2};
        StreamRecord r = new StreamRecord("s", PREFIX, 5, 18, "pk", bytes, 0L);
        bytes[0] = 9;
        assertThat(r.dataBytes()).containsExactly(1, 2);
        assertThat(r.sequenceNumber()).isSameAs(r.sequenceNumber()).isEqualTo(PREFIX + "000000000000000005");
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
