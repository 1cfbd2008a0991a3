package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** UpdateEventSourceMapping, DeleteEventSourceMapping and the mapping's states (issue 16; rule 18.1, 18.2, 13.13). */
class ControlPlaneTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String S0 = "shardId-000000000000";
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:control-dlq";

    /** Spends {@code millis} of virtual time per invocation, then succeeds. */
    private static RequestHandler<KinesisEvent, Void> slow(StreamHarness h, long millis, List<String> seen) {
        return (event, context) -> {
            h.clock().sleep(Duration.ofMillis(millis));
            event.getRecords().forEach(r -> seen.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData())
                    .toString()));
            return null;
        };
    }

    @Test
    void anUpdateAppliesFromTheNextBatchWhileTheBatchInFlightFinishesAsInvoked() { // rule 18.1
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 16; i++) {
            h.put("k", "r" + i);
        }
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(10).build(), slow(h, 2_000, seen));
        h.advance(Duration.ofSeconds(1)); // the first batch of 10 is in flight until t = 2 s
        f.update(f.config().toBuilder().batchSize(2).build());
        assertThat(f.state()).isEqualTo(MappingState.ENABLED);
        assertThat(f.config().batchSize()).isEqualTo(2);
        h.runUntilIdle();
        assertThat(f.invocations().all()).extracting(i -> i.records().size()).containsExactly(10, 2, 2, 2);
        assertThat(seen).hasSize(16).isSortedAccordingTo((a, b) -> Integer.parseInt(a.substring(1))
                - Integer.parseInt(b.substring(1)));
        assertThat(f.invocations().timeline()).extracting(TimelineEntry::text).contains("mapping updated: BatchSize "
                + "10 -> 2; batches in flight finish as they were invoked, checkpoints and retry counts are kept "
                + "(rule 18.1)");
        f.ledger().verify();
    }

    @Test
    void aBatchWaitingForItsRetryKeepsItsAttemptCountAcrossAnUpdate() { // rule 18.1
        StreamHarness h = StreamHarness.builder().build();
        StreamRecord poison = h.put("k", "poison");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(5)
                .onFailureDestination(DLQ).build(), (RequestHandler<KinesisEvent, Void>) (event, context) -> {
                    throw new IllegalStateException("always");
                });
        h.advance(Duration.ofMillis(1_500)); // attempts at 0 s and 1 s failed; the third waits for t = 3 s
        assertThat(f.invocations().all()).hasSize(2);
        StreamRecord checkpointBefore = f.checkpointRecord(S0).orElse(null);
        f.update(f.config().toBuilder().maximumRetryAttempts(2).build());
        h.runUntilIdle();
        // attempts 1 and 2 ran under the old setting; attempt 3 is the last of MaximumRetryAttempts 2
        assertThat(f.invocations().all()).hasSize(3);
        assertThat(f.deadLetterQueue().messages()).singleElement()
                .satisfies(m -> assertThat(m.approximateInvokeCount()).isEqualTo(3));
        assertThat(f.deadLetterQueue().records()).containsExactly(poison);
        assertThat(checkpointBefore).isNull();
        assertThat(f.checkpointRecord(S0)).contains(poison);
    }

    @Test
    void anUpdateCannotChangeTheStartingPosition() { // rule 18.1; docs/bad-inputs.md
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), slow(h, 0, new ArrayList<>()));
        assertThatThrownBy(() -> f.update(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.LATEST).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update(..) cannot change StartingPosition (TRIM_HORIZON -> LATEST): "
                        + "UpdateEventSourceMapping has no StartingPosition parameter (rule 18.1). Build the new "
                        + "configuration with toBuilder() from config(), or delete the mapping and add a new one to "
                        + "start elsewhere.");
        assertThatThrownBy(() -> f.update(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.AT_TIMESTAMP).startingPositionTimestamp(T0).build()))
                .hasMessageStartingWith("update(..) cannot change StartingPosition (TRIM_HORIZON -> AT_TIMESTAMP)");
        assertThatThrownBy(() -> f.update(f.config().toBuilder().onFailureDestination(DLQ).build()))
                .hasMessageStartingWith("update(..) cannot change the on-failure destination (none -> " + DLQ + ")");
        assertThat(f.config()).hasToString(EventSourceMappingConfig.defaults().toString());
    }

    @Test
    void aStartingPositionTimestampChangeIsRefusedToo() { // rule 18.1
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.AT_TIMESTAMP).startingPositionTimestamp(T0).build(),
                slow(h, 0, new ArrayList<>()));
        assertThatThrownBy(() -> f.update(f.config().toBuilder().startingPositionTimestamp(T0.plusSeconds(60))
                .build()))
                .hasMessage("update(..) cannot change StartingPositionTimestamp (2026-01-01T00:00:00Z -> "
                        + "2026-01-01T00:01:00Z): UpdateEventSourceMapping has no such parameter (rule 18.1). Delete "
                        + "the mapping and add a new one to start elsewhere.");
    }

    @Test
    void aParallelizationFactorChangeRepartitionsKeysWithoutBreakingPerKeyOrder() { // rule 18.1, 0.8
        Map<String, List<Integer>> perKey = new HashMap<>();
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10)).build();
        RequestHandler<KinesisEvent, Void> handler = (event, context) -> {
            h.clock().sleep(Duration.ofMillis(300));
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String[] kv = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString().split("=");
                perKey.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Integer.parseInt(kv[1]));
            }
            return null;
        };
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(5).build(), handler);
        for (int i = 0; i < 200; i++) {
            h.put("key-" + (i % 23), "key-" + (i % 23) + "=" + i);
        }
        h.advance(Duration.ofMillis(100)); // one batch of 5 in flight in the only lane
        f.update(f.config().toBuilder().parallelizationFactor(4).build());
        for (int i = 200; i < 300; i++) {
            h.put("key-" + (i % 23), "key-" + (i % 23) + "=" + i);
        }
        h.runUntilIdle();
        assertThat(perKey.values()).allSatisfy(values -> assertThat(values).isSorted().doesNotHaveDuplicates());
        assertThat(perKey.values().stream().mapToInt(List::size).sum()).isEqualTo(300);
        List<Invocation> all = f.invocations().all();
        assertThat(all.get(0).lane()).isZero();
        assertThat(all).extracting(Invocation::lane).contains(0, 1, 2, 3);
        // the new lanes start only when the old lane's batch in flight completed
        Instant repartitioned = f.invocations().timeline().stream()
                .filter(e -> e.text().startsWith("ParallelizationFactor 1 -> 4")).findFirst().orElseThrow().at();
        assertThat(repartitioned).isEqualTo(all.get(0).endedAt());
        assertThat(all.stream().filter(i -> i.lane() > 0)).allSatisfy(i ->
                assertThat(i.startedAt()).isAfterOrEqualTo(repartitioned));
        f.ledger().verify();
    }

    @Test
    void duringTheUpdateDelayTheOldConfigurationStillApplies() { // rule 18.1 (modelled delay)
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mappingUpdateDelay(Duration.ofSeconds(90)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), slow(h, 0, seen));
        f.update(f.config().toBuilder().batchSize(3).build());
        assertThat(f.state()).isEqualTo(MappingState.UPDATING);
        assertThat(f.config().batchSize()).isEqualTo(1);
        assertThatThrownBy(() -> f.update(f.config())).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("update(..) refused: the mapping is Updating");
        h.put("k", "a");
        h.put("k", "b");
        h.advance(Duration.ofSeconds(89));
        h.advance(Duration.ofSeconds(1));
        assertThat(f.state()).isEqualTo(MappingState.ENABLED);
        h.put("k", "c");
        h.put("k", "d");
        h.put("k", "e");
        h.runUntilIdle();
        assertThat(f.invocations().all()).extracting(i -> i.records().size()).containsExactly(1, 1, 3);
        assertThat(f.invocations().all().get(2).startedAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void afterDeleteNothingIsInvokedAndUndeliveredRecordsStayPending() { // rule 18.1
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 6; i++) {
            h.put("k", "r" + i);
        }
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(2).build(), slow(h, 2_000, seen));
        h.advance(Duration.ofSeconds(1)); // r0, r1 in flight
        f.delete();
        assertThat(f.state()).isEqualTo(MappingState.DELETING);
        StreamRecord late = h.put("k", "after delete");
        h.runUntilIdle();
        assertThat(seen).containsExactly("r0", "r1"); // the batch in flight finished, nothing after it
        assertThat(f.invocations().all()).hasSize(1);
        assertThat(f.ledger().count(RecordState.COMMITTED)).isEqualTo(2);
        assertThat(f.ledger().count(RecordState.PENDING)).isEqualTo(5);
        assertThat(f.ledger().stateOf(late)).isEqualTo(RecordState.PENDING);
        f.ledger().verify();
        assertThat(f.invocations().timeline()).extracting(TimelineEntry::text).contains("mapping deleted: no "
                + "invocation after the batch in flight; 6 undelivered record(s) stay PENDING (rule 18.1)");
        assertThatThrownBy(f::enable).isInstanceOf(IllegalStateException.class)
                .hasMessage("enable() refused: the mapping was deleted at 2026-01-01T00:00:01Z (rule 18.1); a "
                        + "deleted mapping cannot be enabled, disabled, updated or deleted again. Add a new mapping "
                        + "with addMapping(..) to read the stream again.");
        assertThatThrownBy(() -> f.update(f.config())).hasMessageStartingWith("update(..) refused: the mapping was "
                + "deleted");
    }

    @Test
    void latestMissesRecordsWrittenWhileTheMappingIsCreating() { // rule 18.2, 13.13, 2.6
        List<String> latest = new ArrayList<>();
        List<String> trim = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mappingCreationDelay(Duration.ofSeconds(30)).build();
        h.put("k", "before");
        MappedFunction l = h.addMapping(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.LATEST).build(), slow(h, 0, latest),
                FunctionSettings.named("latest"));
        MappedFunction t = h.addMapping(EventSourceMappingConfig.defaults(), slow(h, 0, trim),
                FunctionSettings.named("trim"));
        assertThat(l.state()).isEqualTo(MappingState.CREATING);
        h.advance(Duration.ofSeconds(10));
        StreamRecord missed = h.put("k", "while creating");
        assertThat(l.ledger().stateOf(missed)).isEqualTo(RecordState.PENDING);
        assertThat(l.position(S0).checkpoint()).isEmpty();
        l.ledger().verify();
        assertThatThrownBy(() -> l.update(l.config())).hasMessageStartingWith("update(..) refused: the mapping is "
                + "still Creating (until 2026-01-01T00:00:30Z)");
        h.advance(Duration.ofSeconds(20));
        assertThat(l.state()).isEqualTo(MappingState.ENABLED);
        h.put("k", "after");
        h.runUntilIdle();
        assertThat(latest).containsExactly("after");
        assertThat(trim).containsExactly("before", "while creating", "after");
        assertThat(l.ledger().stateOf(missed)).isEqualTo(RecordState.BEFORE_STARTING_POSITION);
        assertThat(l.invocations().all().get(0).startedAt()).isAfterOrEqualTo(T0.plusSeconds(30));
        l.ledger().verify();
        t.ledger().verify();
    }

    @Test
    void aMappingCreatedDisabledLeavesCreatingAsDisabled() { // rule 18.2, 1.13
        StreamHarness h = StreamHarness.builder().mappingCreationDelay(Duration.ofSeconds(5)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().enabled(false).build(),
                slow(h, 0, new ArrayList<>()));
        h.put("k", "x");
        h.runUntilIdle();
        assertThat(f.state()).isEqualTo(MappingState.DISABLED);
        assertThat(f.invocations().all()).isEmpty();
        f.update(f.config().toBuilder().enabled(true).build());
        h.runUntilIdle();
        assertThat(f.state()).isEqualTo(MappingState.ENABLED);
        assertThat(f.invocations().all()).hasSize(1);
    }
}
