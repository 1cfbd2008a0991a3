package io.github.streamharness;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** releaseCommittedRecords: shards drop what every mapping has checkpointed past; the ledger stays exact. */
class ReleaseCommittedRecordsTest {
    private static final int RECORDS = 10_000;

    private static StreamHarness.Builder harness(boolean release) {
        return StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(100).build())
                .handler((com.amazonaws.services.lambda.runtime.RequestHandler<
                        com.amazonaws.services.lambda.runtime.events.KinesisEvent, Void>) (e, c) -> null)
                .releaseCommittedRecords(release);
    }

    private static StreamRecord putAll(StreamHarness h) {
        StreamRecord last = null;
        for (int i = 0; i < RECORDS; i++) {
            last = h.put("pk-" + (i % 7), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return last;
    }

    @Test
    void committedRecordsAreReleasedButCountedAndTheCheckpointStays() {
        StreamHarness h = harness(true).build();
        StreamRecord last = putAll(h);
        h.runUntilIdle();

        assertThat(h.shard(0).records().size()).isLessThan(RECORDS).isPositive();
        assertThat(h.shard(0).records()).contains(last);
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(RECORDS);
        assertThat(h.ledger().count(RecordState.PENDING)).isZero();
        assertThat(h.checkpoint("shardId-000000000000")).contains(last.sequenceNumber());
    }

    @Test
    void nothingIsReleasedByDefault() {
        StreamHarness h = harness(false).build();
        putAll(h);
        h.runUntilIdle();

        assertThat(h.shard(0).records()).hasSize(RECORDS);
    }

    @Test
    void aMappingThatHasNotReadTheRecordsKeepsThemHeld() { // rule 3.4: each mapping reads every record
        StreamHarness h = harness(true).build();
        MappedFunction idle = h.addMapping(EventSourceMappingConfig.builder().batchSize(100).enabled(false).build(),
                (com.amazonaws.services.lambda.runtime.RequestHandler<
                        com.amazonaws.services.lambda.runtime.events.KinesisEvent, Void>) (e, c) -> null);
        putAll(h);
        h.runUntilIdle();

        assertThat(h.shard(0).records()).hasSize(RECORDS);
        idle.enable();
        h.runUntilIdle();
        assertThat(h.shard(0).records().size()).isLessThan(RECORDS);
        assertThat(idle.ledger().count(RecordState.COMMITTED)).isEqualTo(RECORDS);
    }
}
