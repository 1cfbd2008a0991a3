package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.internal.invoke.EventCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's rules at their exact edges, where an off-by-one would go unnoticed by the coarser tests: the 6 MB
 * cut at the byte, a batch filling inside a batching window whose next poll falls after the window, retention at the
 * millisecond (also for a mapping created later and for part of a bisected half).
 */
class EngineBoundariesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SIX_MB = 6_291_456L;

    private static RequestHandler<KinesisEvent, Void> collect(List<List<String>> batches) {
        return (e, c) -> {
            batches.add(e.getRecords().stream().map(r -> r.getKinesis().getPartitionKey()).toList());
            return null;
        };
    }

    private static StreamHarness largeRecordStream() {
        return StreamHarness.builder().maxRecordSizeInKiB(10_240).build(); // rule 19.1: records of ~2.4 MB
    }

    private static EventCodec codec(StreamHarness h) {
        return new EventCodec(h.streamArn(), "us-east-1", "arn:aws:iam::123456789012:role/test-function-role");
    }

    /**
     * Three records of {@code data} bytes whose keys are {@code keys} characters long; data is a multiple of 3 bytes,
     * so its base64 has no padding, and every key character is one byte of JSON.
     */
    private static List<StreamRecord> putThree(StreamHarness h, int data, int[] keys) {
        byte[] bytes = new byte[data];
        return List.of(h.put("a".repeat(keys[0]), bytes), h.put("b".repeat(keys[1]), bytes),
                h.put("c".repeat(keys[2]), bytes));
    }

    /** Data size and key lengths for which the three records' event JSON is {@code SIX_MB + over} bytes. */
    private static int[] threeOfEventSize(long over) {
        StreamHarness probe = largeRecordStream();
        long base = codec(probe).eventSize(putThree(probe, 3, new int[] {1, 1, 1})); // 3 x 4 base64 bytes
        long m = (SIX_MB - base) / 12 - 20; // 3 data bytes more per record add 12 bytes of JSON to the three
        long extra = SIX_MB + over - base - 12 * m; // the rest, in key characters
        int[] keys = {1 + (int) (extra / 3), 1 + (int) (extra / 3), 1 + (int) (extra - 2 * (extra / 3))};
        int data = (int) (3 + 3 * m);
        StreamHarness check = largeRecordStream();
        assertThat(codec(check).eventSize(putThree(check, data, keys))).isEqualTo(SIX_MB + over);
        return new int[] {data, keys[0], keys[1], keys[2]};
    }

    private static List<List<String>> deliverThree(int[] three) {
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = largeRecordStream();
        putThree(h, three[0], new int[] {three[1], three[2], three[3]});
        h.addMapping(EventSourceMappingConfig.builder().batchSize(100).build(), collect(batches));
        h.runUntilIdle();
        return batches;
    }

    @Test
    void aBatchWhoseEventJsonIsExactlySixMegabytesIsDeliveredWhole() { // rule 2.5, 0.7
        assertThat(deliverThree(threeOfEventSize(0))).extracting(List::size).containsExactly(3);
    }

    @Test
    void oneByteOverSixMegabytesCutsTheBatchBeforeTheLastRecord() { // rule 2.5, 0.7
        assertThat(deliverThree(threeOfEventSize(1))).extracting(List::size).containsExactly(2, 1);
    }

    /** Delivers the three records of {@code three} to a mapping with a 300 s batching window; their start times. */
    private static List<Instant> deliverThreeInAWindow(int[] three, List<List<String>> batches) {
        StreamHarness h = largeRecordStream();
        putThree(h, three[0], new int[] {three[1], three[2], three[3]});
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(100)
                .maximumBatchingWindowInSeconds(300).build(), collect(batches));
        h.runUntilIdle();
        return f.invocations().all().stream().map(Invocation::startedAt).toList();
    }

    @Test
    void aBatchWhoseEventJsonReachesExactlySixMegabytesDoesNotWaitForTheBatchingWindow() { // rule 2.3 (c), 0.7
        List<List<String>> batches = new ArrayList<>();
        assertThat(deliverThreeInAWindow(threeOfEventSize(0), batches)).containsExactly(T0);
        assertThat(batches).extracting(List::size).containsExactly(3);
    }

    @Test
    void aBatchOneByteShortOfSixMegabytesWaitsForTheBatchingWindow() { // rule 2.3 (b), (c)
        List<List<String>> batches = new ArrayList<>();
        assertThat(deliverThreeInAWindow(threeOfEventSize(-1), batches)).containsExactly(T0.plusSeconds(300));
        assertThat(batches).extracting(List::size).containsExactly(3);
    }

    /**
     * A mapping with BatchSize 10,000 and a 300 s window on a stream that takes records of 1 MiB (rule 19.1):
     * {@code small} one-byte records put a second apart from 0.5 s (the first is polled at 1 s and waits for the
     * window opened at creation, until 300 s), then {@code large} records of 1 MiB (~1.33 MiB of base64 each) at
     * 2.5 s, while the batch waits; run until idle. The handler adds each batch's keys to {@code batches}.
     */
    private static MappedFunction smallThenLarge(int small, int large, List<List<String>> batches) {
        StreamHarness h = StreamHarness.builder().maxRecordSizeInKiB(2_048).build(); // 1 MiB + key
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(10_000)
                .maximumBatchingWindowInSeconds(300).build(), collect(batches));
        for (int i = 0; i < small; i++) {
            h.advanceTo(T0.plusMillis(500 + 1_000L * i));
            h.put("small-" + i, "x");
        }
        h.advanceTo(T0.plusMillis(2_500));
        byte[] mebibyte = new byte[1024 * 1024];
        for (int i = 0; i < large; i++) {
            h.put("large-" + i, mebibyte);
        }
        h.runUntilIdle();
        return f;
    }

    @Test
    void aBatchWaitingInItsWindowGoesAtTheNextPollOnceRecordsJoiningItReachSixMegabytes() { // rule 2.3 (c), 0.3
        List<List<String>> batches = new ArrayList<>();
        MappedFunction f = smallThenLarge(1, 10, batches);
        // the waiting batch reaches 6 MB with the 4th large record (the 5th would pass it): it goes at the 3 s poll,
        // not at 300 s; the next cut is full at once too; the last two (~2.7 MB, short of BatchSize) wait for the
        // window again
        assertThat(batches).extracting(List::size).containsExactly(5, 4, 2);
        assertThat(f.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(3), T0.plusSeconds(303));
        f.ledger().verify();
    }

    @Test
    void aWaitingBatchOfSmallRecordsIsMeasuredAgainOnceLargeRecordsJoinIt() { // rule 2.3 (c), 0.3
        // the second small record joins the waiting batch far from 6 MB even at the shard's largest record, so it is
        // not measured; large records change that bound, and from them on the batch is measured again
        List<List<String>> batches = new ArrayList<>();
        MappedFunction f = smallThenLarge(2, 5, batches);
        // the 5th large record would take the waiting batch past 6 MB: the six before it go at the 3 s poll, not at
        // 300 s; the 5th waits for the next window
        assertThat(batches).extracting(List::size).containsExactly(6, 1);
        assertThat(f.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(303));
        f.ledger().verify();
    }

    @Test
    void withLargeRecordsInTheShardAFullBatchStillGoesAtOnceAndAShortOneWaitsForTheWindow() { // rule 2.3, 2.5
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = largeRecordStream();
        h.put("large", new byte[5 * 1024 * 1024]); // over 6 MB of JSON: from now on every batch of the shard is measured
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(2)
                .maximumBatchingWindowInSeconds(5).build(), collect(batches));
        h.runUntilIdle(); // the large one alone at once (rule 0.7: it passes 6 MB by itself, so the batch is full)
        h.advanceTo(T0.plusSeconds(1));
        h.put("s1", "x");
        h.put("s2", "x"); // BatchSize reached at the 1 s poll, inside the window opened at 0 s: it goes at once
        h.advanceTo(T0.plusSeconds(2));
        h.put("s3", "x"); // one record at the 2 s poll: it waits for the window opened at 1 s, until 6 s
        h.runUntilIdle();
        assertThat(batches).containsExactly(List.of("large"), List.of("s1", "s2"), List.of("s3"));
        assertThat(f.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(6));
    }

    @Test
    void aBatchFillingInsideTheWindowWhoseNextPollIsAfterTheWindowGoesAtTheWindowsEnd() { // rule 2.3 (a), (b)
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().build();
        VirtualClock clock = h.clock();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(3)
                .maximumBatchingWindowInSeconds(2).build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    batches.add(e.getRecords().stream().map(r -> r.getKinesis().getPartitionKey()).toList());
                    clock.sleep(Duration.ofMillis(300));
                    return null;
                });
        h.advance(Duration.ofMillis(500));
        h.put("a", "x"); // polled at 1 s, waits for the window opened at creation: invoked at 2 s, done at 2.3 s
        h.advance(Duration.ofMillis(1_600));
        h.put("b", "x"); // at 2.1 s; the window opened by the completion at 2.3 s ends at 4.3 s
        h.advance(Duration.ofMillis(2_000));
        h.put("c", "x");
        h.put("d", "x"); // full at 4.1 s, but the next poll tick (5 s) is after the window: the window's end wins
        h.runUntilIdle();
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
        assertThat(f.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(T0.plusSeconds(2), T0.plusMillis(4_300));
    }

    @Test
    void aMappingCreatedLaterStartsAtTheOldestRecordStillWithinRetention() { // rule 2.6, 4.5
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        h.put("gone", "x");
        h.advance(Duration.ofMillis(1));
        h.put("kept", "x");
        h.advance(Duration.ofHours(24)); // "gone" is 24 h + 1 ms old, "kept" exactly 24 h: retention is strict
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.TRIM_HORIZON).build(), collect(batches));
        h.runUntilIdle();
        assertThat(batches).containsExactly(List.of("kept"));
        f.ledger().verify();
    }

    @Test
    void retentionTakingPartOfABisectedHalfLeavesTheRestAsItsOwnBatch() { // rule 4.5, 0.1
        List<List<String>> batches = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().retention(Duration.ofHours(24)).build();
        StreamRecord poison = h.put("poison", "x");
        StreamRecord b = h.put("b", "x");
        StreamRecord c = h.put("c", "x");
        h.advance(Duration.ofMinutes(2));
        StreamRecord d = h.put("d", "x");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().batchSize(4)
                .maximumBatchingWindowInSeconds(300) // a new batch of one would wait; a bisected half does not
                .bisectBatchOnFunctionError(true).build(), (RequestHandler<KinesisEvent, Void>) (e, ctx) -> {
                    batches.add(e.getRecords().stream().map(r -> r.getKinesis().getPartitionKey()).toList());
                    if (e.getRecords().stream().anyMatch(r -> r.getKinesis().getPartitionKey().equals("poison"))) {
                        throw new IllegalStateException("poison");
                    }
                    return null;
                });
        // [poison,b,c,d] -> [poison,b] + [c,d] waiting -> [poison] + [b] waiting; [poison] retried until it expires
        h.advanceTo(T0.plus(Duration.ofHours(24)).plusMillis(1)); // between two retries (whole seconds)
        // the ledger's query sweeps retention at this instant: poison, b and c are 1 ms past it, d is not
        assertThat(List.of(poison, b, c)).allSatisfy(r ->
                assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.EXPIRED_BY_RETENTION));
        assertThat(f.ledger().stateOf(d)).isEqualTo(RecordState.PENDING);
        assertThat(f.checkpoint("shardId-000000000000")).contains(c.sequenceNumber()); // moved over the expired
        h.runUntilIdle();
        assertThat(f.ledger().stateOf(d)).isEqualTo(RecordState.COMMITTED);
        assertThat(batches.subList(0, 3)).containsExactly(List.of("poison", "b", "c", "d"), List.of("poison", "b"),
                List.of("poison"));
        assertThat(batches.get(batches.size() - 1)).containsExactly("d"); // what is left of its half, alone,
        List<Invocation> all = f.invocations().all(); // at the next step, as a half: not after a batching window
        assertThat(all.get(all.size() - 1).startedAt()).isBefore(T0.plus(Duration.ofHours(24)).plusSeconds(61));
        assertThat(batches).filteredOn(batch -> batch.contains("d")).hasSize(2);
        assertThat(f.checkpoint("shardId-000000000000")).contains(d.sequenceNumber());
        f.ledger().verify();
    }
}
