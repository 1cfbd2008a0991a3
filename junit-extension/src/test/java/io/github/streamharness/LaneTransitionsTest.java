package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane's state machine at its edges: a batch filling inside a batching window, disable and enable around an
 * invocation in flight, attempt numbers of throttled invocations, iterator ages, and retention reaching records
 * that wait in bisected halves (rule 0.1, 0.3, 0.5, 1.13, 2.3, 4.2, 4.5).
 */
class LaneTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static RequestHandler<KinesisEvent, Void> collect(List<List<String>> batches) {
        return (e, c) -> {
            batches.add(e.getRecords().stream()
                    .map(r -> StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString()).toList());
            return null;
        };
    }

    @Test
    void aBatchThatFillsWhileTheWindowIsOpenGoesAtTheNextPollNotAtTheWindowsEnd() { // rule 2.3 (a) before (b)
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(3)
                .maximumBatchingWindowInSeconds(10).build()).handler(collect(batches)).build();
        h.advance(Duration.ofMillis(500));
        h.put("pk", "a"); // polled at 1 s: not full, so the window (opened at creation) runs to 10 s
        h.advance(Duration.ofMillis(1_700));
        h.put("pk", "b");
        h.advance(Duration.ofMillis(1_200));
        h.put("pk", "c"); // full at 3.4 s: dispatched on the next poll tick, 4 s
        h.runUntilIdle();
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        assertThat(h.invocations().all()).extracting(Invocation::startedAt).containsExactly(T0.plusSeconds(4));
    }

    @Test
    void aMappingDisabledDuringAnInvocationFinishesItThenStopsAndResumesOnEnable() { // rule 1.13
        List<List<String>> batches = new ArrayList<>();
        MappedFunction[] self = new MappedFunction[1];
        StreamHarness h = StreamHarness.builder().build();
        self[0] = h.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(),
                (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    batches.add(List.of(StandardCharsets.UTF_8.decode(e.getRecords().get(0).getKinesis().getData())
                            .toString()));
                    self[0].disable(); // while this invocation is in flight
                    self[0].disable(); // twice: no second transition
                    return null;
                });
        StreamRecord first = h.put("pk", "one");
        h.put("pk", "two");
        h.advance(Duration.ofMinutes(5));
        assertThat(batches).containsExactly(List.of("one"));
        assertThat(self[0].ledger().stateOf(first)).isEqualTo(RecordState.COMMITTED);
        assertThat(self[0].isEnabled()).isFalse();
        assertThat(h.invocations().timeline()).filteredOn(t -> t.kind() == TimelineEntry.Kind.STATE).hasSize(1);
        self[0].enable();
        self[0].enable();
        h.runUntilIdle();
        assertThat(batches).containsExactly(List.of("one"), List.of("two")); // resumed from the checkpoint
        assertThat(h.invocations().timeline()).filteredOn(t -> t.kind() == TimelineEntry.Kind.STATE)
                .extracting(TimelineEntry::text).containsExactly("mapping disabled: polling stops, the checkpoint is kept",
                        "mapping enabled: resuming from the checkpoint",
                        "mapping disabled: polling stops, the checkpoint is kept");
        self[0].ledger().verify();
    }

    @Test
    void throttledInvocationsShowTheAttemptTheyWouldHaveBeenAndDoNotCountIt() { // rule 4.2, 1.7
        StreamHarness h = StreamHarness.builder().build();
        h.faults().onInvocation(1).fail("first attempt fails");
        h.faults().onInvocation(2).throttle();
        h.faults().onInvocation(3).throttle();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).build(),
                collect(new ArrayList<>()));
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(f.invocations().all()).extracting(i -> i.outcome().label() + " " + i.attempt())
                .containsExactly("ERROR java.lang.RuntimeException 1", "THROTTLED 2", "THROTTLED 2", "OK 2");
        assertThat(f.ledger().count(RecordState.COMMITTED)).isEqualTo(1);
    }

    @Test
    void iteratorAgesAtInvokeStartAndEndAreMeasuredFromTheBatchsLastRecord() { // rule 10.1, 0.5
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10)).build();
        h.put("pk", "old");
        h.advance(Duration.ofSeconds(2));
        h.put("pk", "newer");
        h.advance(Duration.ofSeconds(3));
        VirtualClock clock = h.clock();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
            clock.sleep(Duration.ofSeconds(4));
            return null;
        });
        assertThat(f.iteratorAge("shardId-000000000000")).isEqualTo(Duration.ofSeconds(5)); // oldest pending
        h.runUntilIdle();
        Invocation i = f.invocations().all().get(0);
        assertThat(i.iteratorAgeAtStart()).isEqualTo(Duration.ofSeconds(3)); // the newest record of the batch
        assertThat(i.iteratorAgeAtEnd()).isEqualTo(Duration.ofSeconds(7));
        assertThat(f.iteratorAge("shardId-000000000000")).isZero();
    }

    @Test
    void retentionIsStrictlyOlderAndMovesTheCheckpointOverTheExpiredRecords() { // rule 4.5
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().enabled(false).build(),
                collect(new ArrayList<>()));
        StreamRecord r = h.put("pk", "x");
        h.advance(Duration.ofHours(24));
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.PENDING);
        h.advance(Duration.ofMillis(1));
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
        assertThat(f.checkpoint("shardId-000000000000")).contains(r.sequenceNumber());
        f.ledger().verify();
    }

    @Test
    void retentionReachesRecordsWaitingInBisectedHalves() { // rule 4.5, 0.1
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(4)
                .bisectBatchOnFunctionError(true).build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    batches.add(e.getRecords().stream()
                            .map(r -> StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString()).toList());
                    if (e.getRecords().stream().anyMatch(r -> r.getKinesis().getPartitionKey().equals("poison"))) {
                        throw new IllegalStateException("poison");
                    }
                    return null;
                });
        List<StreamRecord> records = List.of(h.put("poison", "p"), h.put("pk", "b"), h.put("pk", "c"),
                h.put("pk", "d"));
        StreamRecord later = null;
        h.advance(Duration.ofHours(23));
        later = h.put("pk", "later"); // arrives after the four: still retained when they expire
        h.advance(Duration.ofHours(2));
        h.runUntilIdle();
        // [p,b,c,d] -> [p,b] + [c,d] waiting -> [p] + [b] waiting, then [p] retried until all four leave the stream
        assertThat(batches.subList(0, 3)).containsExactly(List.of("p", "b", "c", "d"), List.of("p", "b"),
                List.of("p"));
        assertThat(batches).doesNotContain(List.of("b"), List.of("c", "d")).endsWith(List.of("later"));
        records.forEach(r -> assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.EXPIRED_BY_RETENTION));
        assertThat(f.ledger().stateOf(later)).isEqualTo(RecordState.COMMITTED);
        f.ledger().verify();
    }
}
