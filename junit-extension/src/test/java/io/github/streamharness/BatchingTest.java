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

/** Batch formation, cadence and starting positions (section 2, 0.3, 0.7). */
class BatchingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Records every batch it receives as the list of its data strings. */
    static final class Recorder implements RequestHandler<KinesisEvent, Void> {
        final List<List<String>> batches = new ArrayList<>();
        final List<Instant> startedAt = new ArrayList<>();
        private final VirtualClockRef clock;
        private final Duration spend;

        Recorder(VirtualClockRef clock, Duration spend) {
            this.clock = clock;
            this.spend = spend;
        }

        @Override
        public Void handleRequest(KinesisEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            startedAt.add(clock.get().now());
            batches.add(event.getRecords().stream()
                    .map(r -> StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString()).toList());
            if (!spend.isZero()) {
                clock.get().sleep(spend);
            }
            return null;
        }
    }

    /** Lets a handler built before the harness reach the harness's clock. */
    static final class VirtualClockRef {
        private VirtualClock clock;

        VirtualClock get() {
            return clock;
        }

        void set(VirtualClock clock) {
            this.clock = clock;
        }
    }

    private static StreamHarness harness(EventSourceMappingConfig config, Recorder recorder, VirtualClockRef ref) {
        StreamHarness h = StreamHarness.builder().mapping(config).handler(recorder).build();
        ref.set(h.clock());
        return h;
    }

    @Test
    void tenRecordsPutAtOnceArriveAsOneBatchInPutOrder() { // rule 2.3 (a), 3.1
        VirtualClockRef ref = new VirtualClockRef();
        Recorder recorder = new Recorder(ref, Duration.ZERO);
        StreamHarness h = harness(EventSourceMappingConfig.builder().batchSize(100).build(), recorder, ref);
        List<String> put = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            put.add("r" + i);
            h.put("pk-" + i, "r" + i);
        }
        h.runUntilIdle();
        assertThat(recorder.batches).containsExactly(put);
        assertThat(h.invocations().all()).singleElement().satisfies(i -> {
            assertThat(i.attempt()).isEqualTo(1);
            assertThat(i.outcome().isSuccess()).isTrue();
            assertThat(i.startedAt()).isEqualTo(T0);
        });
        h.ledger().verify();
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(10);
    }

    @Test
    void batchSizeTenCutsTwentyRecordsIntoTwoBatchesAndTheSecondWaitsForTheFirst() { // rule 2.3, 3.1
        VirtualClockRef ref = new VirtualClockRef();
        Recorder recorder = new Recorder(ref, Duration.ofSeconds(5));
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(10).build())
                .handler(recorder).functionTimeout(Duration.ofSeconds(30)).build();
        ref.set(h.clock());
        for (int i = 0; i < 20; i++) {
            h.put("pk", "r" + i);
        }
        h.runUntilIdle();
        assertThat(recorder.batches).hasSize(2);
        assertThat(recorder.batches.get(0)).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8",
                "r9");
        assertThat(recorder.batches.get(1)).startsWith("r10").endsWith("r19").hasSize(10);
        List<Invocation> inv = h.invocations().all();
        assertThat(inv.get(0).startedAt()).isEqualTo(T0);
        assertThat(inv.get(0).endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(inv.get(1).startedAt()).isEqualTo(T0.plusSeconds(5)); // back-to-back while behind (rule 2.2)
        assertThat(h.clock().now()).isEqualTo(T0.plusSeconds(10));
        h.ledger().verify();
    }

    @Test
    void aCaughtUpShardPollsOncePerVirtualSecond() { // rule 2.2, 0.3
        VirtualClockRef ref = new VirtualClockRef();
        Recorder recorder = new Recorder(ref, Duration.ZERO);
        StreamHarness h = harness(EventSourceMappingConfig.defaults(), recorder, ref);
        h.runUntilIdle(); // the first poll at T0 finds nothing: idle from T0
        h.advance(Duration.ofMillis(300));
        h.put("pk", "late");
        h.runUntilIdle();
        assertThat(h.invocations().all()).singleElement()
                .satisfies(i -> assertThat(i.startedAt()).isEqualTo(T0.plusSeconds(1)));
    }

    @Test
    void batchingWindowGathersRecordsUntilItEnds() { // rule 2.3 (b), 0.3
        VirtualClockRef ref = new VirtualClockRef();
        Recorder recorder = new Recorder(ref, Duration.ZERO);
        StreamHarness h = harness(EventSourceMappingConfig.builder().batchSize(100)
                .maximumBatchingWindowInSeconds(5).build(), recorder, ref);
        h.put("pk", "a");
        h.advance(Duration.ofSeconds(2));
        h.put("pk", "b");
        h.advance(Duration.ofSeconds(2));
        h.put("pk", "c");
        h.runUntilIdle();
        assertThat(recorder.batches).containsExactly(List.of("a", "b", "c"));
        assertThat(recorder.startedAt).containsExactly(T0.plusSeconds(5));
    }

    @Test
    void batchingWindowEndsEarlyWhenBatchSizeIsReached() { // rule 2.3 (a) before (b)
        VirtualClockRef ref = new VirtualClockRef();
        Recorder recorder = new Recorder(ref, Duration.ZERO);
        StreamHarness h = harness(EventSourceMappingConfig.builder().batchSize(3)
                .maximumBatchingWindowInSeconds(60).build(), recorder, ref);
        h.advance(Duration.ofMillis(500));
        h.put("pk", "a");
        h.put("pk", "b");
        h.put("pk", "c");
        h.put("pk", "d");
        h.advance(Duration.ofSeconds(2));
        assertThat(recorder.batches).containsExactly(List.of("a", "b", "c"));
        assertThat(recorder.startedAt).containsExactly(T0.plusSeconds(1));
    }

    @Test
    void startingPositionsChooseAmongRecordsWrittenBeforeTheMapping() { // rule 2.6
        StreamHarness stream = StreamHarness.builder().build();
        stream.put("pk", "old-1");
        stream.advance(Duration.ofMinutes(1));
        Instant between = stream.clock().now();
        stream.put("pk", "old-2");
        stream.advance(Duration.ofMinutes(1));

        List<String> trim = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        List<String> atTimestamp = new ArrayList<>();
        stream.addMapping(EventSourceMappingConfig.builder().startingPosition(StartingPosition.TRIM_HORIZON).build(),
                collect(trim), FunctionSettings.named("trim"));
        stream.addMapping(EventSourceMappingConfig.builder().startingPosition(StartingPosition.LATEST).build(),
                collect(latest), FunctionSettings.named("latest"));
        MappedFunction at = stream.addMapping(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.AT_TIMESTAMP).startingPositionTimestamp(between).build(),
                collect(atTimestamp), FunctionSettings.named("at-timestamp"));
        stream.put("pk", "new");
        stream.runUntilIdle();

        assertThat(trim).containsExactly("old-1", "old-2", "new");
        assertThat(latest).containsExactly("new");
        assertThat(atTimestamp).containsExactly("old-2", "new");
        assertThat(stream.mappings().get(1).ledger().count(RecordState.BEFORE_STARTING_POSITION)).isEqualTo(2);
        stream.mappings().forEach(m -> m.ledger().verify());
        assertThat(at.ledger().count(RecordState.COMMITTED)).isEqualTo(2);
    }

    @Test
    void aFutureAtTimestampStartsAtTheFirstRecordArrivingAtOrAfterIt() { // rule 2.6
        StreamHarness stream = StreamHarness.builder().build();
        Instant start = stream.clock().now().plus(Duration.ofHours(1));
        List<String> seen = new ArrayList<>();
        MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder()
                .startingPosition(StartingPosition.AT_TIMESTAMP).startingPositionTimestamp(start).build(),
                collect(seen));
        StreamRecord early = stream.put("pk", "before");
        stream.advance(Duration.ofMinutes(59));
        StreamRecord late = stream.put("pk", "a minute before");
        stream.advanceTo(start);
        stream.put("pk", "at");
        stream.advance(Duration.ofSeconds(1));
        stream.put("pk", "after");
        stream.runUntilIdle();

        assertThat(seen).containsExactly("at", "after");
        assertThat(f.ledger().stateOf(early)).isEqualTo(RecordState.BEFORE_STARTING_POSITION);
        assertThat(f.ledger().stateOf(late)).isEqualTo(RecordState.BEFORE_STARTING_POSITION);
        assertThat(f.ledger().count(RecordState.COMMITTED)).isEqualTo(2);
        f.ledger().verify();
    }

    @Test
    void aMappingCreatedDisabledPollsWhenItIsEnabledNotOnTheTickOfItsCreation() { // rule 1.13, 0.3
        StreamHarness stream = StreamHarness.builder().build();
        Instant created = stream.clock().now();
        MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder().enabled(false).build(),
                collect(new ArrayList<>()));
        stream.advance(Duration.ofMillis(500));
        stream.put("pk", "waiting");
        stream.advance(Duration.ofMillis(1_000));
        assertThat(f.invocations().isEmpty()).isTrue();
        f.enable();
        stream.runUntilIdle();
        assertThat(f.invocations().all()).singleElement().extracting(Invocation::startedAt)
                .isEqualTo(created.plusMillis(1_500));
    }

    @Test
    void twoMappingsOnOneStreamEachGetEveryRecord() { // rule 3.4
        StreamHarness stream = StreamHarness.builder().shards(2).build();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        MappedFunction fa = stream.addMapping(EventSourceMappingConfig.defaults(), collect(a), FunctionSettings.named("a"));
        MappedFunction fb = stream.addMapping(EventSourceMappingConfig.builder().batchSize(1).build(), collect(b),
                FunctionSettings.named("b"));
        for (int i = 0; i < 20; i++) {
            stream.put("key-" + i, "r" + i);
        }
        stream.runUntilIdle();
        assertThat(a).hasSize(20).containsExactlyInAnyOrderElementsOf(b);
        assertThat(fb.invocations().count()).isEqualTo(20);
        assertThat(fa.invocations().count()).isEqualTo(2); // one batch per shard
        fa.ledger().verify();
        fb.ledger().verify();
    }

    @Test
    void disabledMappingStopsAndResumesFromItsCheckpoint() { // rule 1.13
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler(collect(seen)).build();
        h.put("pk", "one");
        h.runUntilIdle();
        String checkpoint = h.checkpoint("shardId-000000000000").orElseThrow();
        h.mapping().disable();
        h.put("pk", "two");
        h.put("pk", "three");
        h.advance(Duration.ofMinutes(10));
        assertThat(seen).containsExactly("one");
        assertThat(h.checkpoint("shardId-000000000000")).contains(checkpoint);
        h.mapping().enable();
        h.runUntilIdle();
        assertThat(seen).containsExactly("one", "two", "three");
        h.ledger().verify();
    }

    @Test
    void aMappingCreatedDisabledDoesNotPoll() { // rule 1.13
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().enabled(false).build())
                .handler(collect(seen)).build();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(seen).isEmpty();
        assertThat(h.ledger().count(RecordState.PENDING)).isEqualTo(1);
        h.mapping().enable();
        h.runUntilIdle();
        assertThat(seen).containsExactly("x");
    }

    @Test
    void batchesAreCutBeforeTheRecordThatWouldPassSixMegabytesOfEventJson() { // rule 2.5, 0.7
        List<Integer> sizes = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(100).build())
                .maxRecordSizeInKiB(2_048) // rule 19.1: 1 MiB of data plus its key is over the default limit
                .handler((event, context) -> {
                    sizes.add(event.getRecords().size());
                    return null;
                }).build();
        byte[] data = new byte[1024 * 1024]; // 1 MiB of data is ~1.33 MiB of base64 in the event
        for (int i = 0; i < 10; i++) {
            h.put("pk", data);
        }
        h.runUntilIdle();
        // 4 records: ~5.6 MB of JSON; a 5th would pass 6,291,456 bytes
        assertThat(sizes).containsExactly(4, 4, 2);
        for (Invocation inv : h.invocations().all()) {
            assertThat(eventJsonSize(h, inv)).isLessThanOrEqualTo(6_291_456);
        }
    }

    @Test
    void aSingleRecordLargerThanTheLimitIsDeliveredAlone() { // rule 0.7
        List<Integer> sizes = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .maxRecordSizeInKiB(10_240) // rule 19.1: a 5 MiB record needs the raised limit
                .handler((event, context) -> {
                    sizes.add(event.getRecords().size());
                    return null;
                }).build();
        h.put("pk", "small");
        h.put("pk", new byte[5 * 1024 * 1024]);
        h.put("pk", "small");
        h.runUntilIdle();
        assertThat(sizes).containsExactly(1, 1, 1);
    }

    private static int eventJsonSize(StreamHarness h, Invocation inv) {
        var codec = new io.github.streamharness.internal.invoke.EventCodec(h.streamArn(), "us-east-1", "arn:aws:iam::123456789012:role/test-function-role");
        return codec.toJson(inv.records()).length;
    }

    static RequestHandler<KinesisEvent, Void> collect(List<String> into) {
        return (event, context) -> {
            event.getRecords().forEach(r -> into.add(StandardCharsets.UTF_8.decode(r.getKinesis().getData())
                    .toString()));
            return null;
        };
    }

    @Test
    void theSameFunctionCannotBeMappedTwiceToOneStream() { // rule 1.15
        StreamHarness stream = StreamHarness.builder().build();
        MappedFunction first = stream.addMapping(EventSourceMappingConfig.defaults(), collect(new ArrayList<>()), FunctionSettings.named("f"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.addMapping(EventSourceMappingConfig.defaults(),
                        collect(new ArrayList<>()), FunctionSettings.named("f")))
                .hasMessage("The event source arn (\" arn:aws:kinesis:us-east-1:123456789012:stream/test-stream \") "
                        + "and function (\" f \") provided mapping already exists. Please update or delete the "
                        + "existing mapping with UUID " + first.uuid() + " (rule 1.15; in the harness: give the "
                        + "second mapping another function name)");
    }
}
