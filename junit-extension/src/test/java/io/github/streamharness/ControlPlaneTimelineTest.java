package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The control plane as the timeline tells it (rule 18.1, 18.2): Creating and what the mapping is after it, an update
 * with a delay naming every parameter it changes, a new ParallelizationFactor applied at once when no lane has a
 * batch, an update that enables, a delete with what stays PENDING; and the calls refused on the way (a second
 * delete, an update of TumblingWindowInSeconds).
 */
class ControlPlaneTimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RequestHandler<KinesisEvent, Void> NOTHING = (e, c) -> null;

    private static String line(TimelineEntry t) {
        return t.at() + " " + t.kind() + " " + t.text();
    }

    @Test
    void creatingUpdatingAndDeletingAreTimelineLinesNamingWhatChanged() { // rule 18.1, 18.2
        StreamHarness h = StreamHarness.builder().mappingCreationDelay(Duration.ofSeconds(30)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        MappedFunction g = h.addMapping(EventSourceMappingConfig.builder().enabled(false).build(), NOTHING);
        h.advance(Duration.ofSeconds(40));
        f.update(f.config().toBuilder().batchSize(10).maximumBatchingWindowInSeconds(1).parallelizationFactor(2)
                .bisectBatchOnFunctionError(true).maximumRetryAttempts(3).maximumRecordAgeInSeconds(60)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .filterPatterns("{\"data\":{\"keep\":[true]}}").build(), Duration.ofSeconds(10));
        h.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 6; i++) {
            h.put("pk-" + i, "{\"keep\":true}");
        }
        h.runUntilIdle();
        assertThat(f.invocations().all()).extracting(Invocation::lane).containsExactlyInAnyOrder(0, 1); // 2 lanes
        f.delete();
        assertThatThrownBy(f::delete).isInstanceOf(IllegalStateException.class).hasMessage("delete() refused: the "
                + "mapping was deleted at 2026-01-01T00:01:00Z (rule 18.1); a deleted mapping cannot be enabled, "
                + "disabled, updated or deleted again. Add a new mapping with addMapping(..) to read the stream again.");
        assertThatThrownBy(() -> g.update(g.config().toBuilder().tumblingWindowInSeconds(60).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("update(..) cannot change TumblingWindowInSeconds (0 -> 60)"); // rule 8.4
        g.update(g.config().toBuilder().enabled(true).build());

        assertThat(f.invocations().timeline()).extracting(ControlPlaneTimelineTest::line).containsExactly(
                T0 + " STATE mapping Creating until 2026-01-01T00:00:30Z: records written meanwhile are missed by "
                        + "LATEST (rule 18.2, 13.13)",
                T0.plusSeconds(30) + " STATE mapping Enabled after Creating: positions fixed now, TRIM_HORIZON "
                        + "(rule 18.2)",
                T0.plusSeconds(40) + " STATE mapping Updating: the new configuration applies at "
                        + "2026-01-01T00:00:50Z, the old one until then (rule 18.1)",
                T0.plusSeconds(50) + " STATE mapping updated: BatchSize 100 -> 10, MaximumBatchingWindowInSeconds "
                        + "0 -> 1, ParallelizationFactor 1 -> 2, BisectBatchOnFunctionError false -> true, "
                        + "MaximumRetryAttempts -1 -> 3, MaximumRecordAgeInSeconds -1 -> 60, FunctionResponseTypes [] "
                        + "-> [REPORT_BATCH_ITEM_FAILURES], FilterCriteria [] -> [{\"data\":{\"keep\":[true]}}]; "
                        + "batches in flight finish as they were invoked, checkpoints and retry counts are kept "
                        + "(rule 18.1)",
                T0.plusSeconds(50) + " STATE ParallelizationFactor 1 -> 2: the old lanes' batches are done; 0 "
                        + "waiting record(s) re-partitioned by partition key into 2 lane(s) (rule 18.1, 0.8)",
                T0.plusSeconds(60) + " CHECKPOINT checkpoint -> ...000001",
                T0.plusSeconds(60) + " CHECKPOINT checkpoint -> ...000005",
                T0.plusSeconds(60) + " STATE mapping deleted: no invocation after the batch in flight; 0 undelivered "
                        + "record(s) stay PENDING (rule 18.1)");
        assertThat(g.invocations().timeline()).extracting(ControlPlaneTimelineTest::line).startsWith(
                T0 + " STATE mapping Creating until 2026-01-01T00:00:30Z: records written meanwhile are missed by "
                        + "LATEST (rule 18.2, 13.13)",
                T0.plusSeconds(30) + " STATE mapping Disabled after Creating: positions fixed now, TRIM_HORIZON "
                        + "(rule 18.2)",
                T0.plusSeconds(60) + " STATE mapping updated: Enabled false -> true; batches in flight finish as they "
                        + "were invoked, checkpoints and retry counts are kept (rule 18.1)",
                T0.plusSeconds(60) + " STATE mapping enabled: resuming from the checkpoint");
        h.runUntilIdle();
        assertThat(g.ledger().count(RecordState.COMMITTED)).isEqualTo(6);
        f.ledger().verify();
        g.ledger().verify();
    }
}
