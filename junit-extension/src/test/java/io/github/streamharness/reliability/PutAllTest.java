package io.github.streamharness.reliability;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.traffic.KinesisRecords;
import io.github.streamharness.traffic.RecordSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code putAll} is one producer call, as a Kinesis PutRecords request: the records go in in order at the current
 * virtual time under one lock, exactly as the same records put one by one would (same shards, sequence numbers and
 * invocations); a call with a refused record writes none of them (rule 19.1); and a call from one thread is atomic
 * against the puts of others (rule 19.2). Isolated: the threads of the last test would slow the real-time watchdog
 * tests beside it.
 */
@Isolated
class PutAllTest {
    private static final EventSourceMappingConfig LANES = EventSourceMappingConfig.builder().batchSize(7)
            .parallelizationFactor(3).build();

    private static List<String> invocations(StreamHarness h) {
        List<String> seen = new ArrayList<>();
        for (Invocation i : h.invocations().all()) {
            seen.add(i.shardId() + " " + i.startedAt() + " " + i.records().stream()
                    .map(StreamRecord::sequenceNumber).toList());
        }
        return seen;
    }

    @Test
    void putAllWritesWhatPuttingOneByOneWritesAndInvokesTheSame() { // rules 19.2, 0.8
        List<RecordSpec> records = new ArrayList<>(KinesisRecords.withSeed(5).skewedKeys(9, 0.3).take(200));
        records.set(17, records.get(17).withExplicitHashKey("0")); // an explicit hash key routes to shard 0
        try (StreamHarness one = StreamHarness.builder().shards(4).mapping(LANES).handler((e, c) -> null).build();
             StreamHarness all = StreamHarness.builder().shards(4).mapping(LANES).handler((e, c) -> null).build()) {
            List<StreamRecord> byOne = new ArrayList<>();
            for (RecordSpec r : records) {
                byOne.add(one.put(r));
            }
            List<StreamRecord> together = all.putAll(records);
            one.runUntilIdle();
            all.runUntilIdle();

            assertThat(together).isEqualTo(byOne);
            assertThat(together.get(17).shardId()).isEqualTo("shardId-000000000000");
            assertThat(invocations(all)).isEqualTo(invocations(one)).isNotEmpty();
        }
    }

    @Test
    void anyIterableIsTakenInOrderAndTheListReturnedCannotBeChanged() {
        try (StreamHarness h = StreamHarness.builder().build()) {
            List<RecordSpec> linked = new LinkedList<>(KinesisRecords.withSeed(1).take(3));
            List<StreamRecord> put = h.putAll(linked::iterator);

            assertThat(put).extracting(StreamRecord::partitionKey)
                    .containsExactly(linked.get(0).partitionKey(), linked.get(1).partitionKey(),
                            linked.get(2).partitionKey());
            assertThat(h.putAll(List.of())).isEmpty();
            assertThatThrownBy(() -> put.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void theListReturnedMakesEachRecordWhenReadEvenAfterTheShardReleasedIt() { // rule 12.2
        List<RecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // past 4,096 in each shard: it releases them once they are read
            records.add(new RecordSpec("pk-" + i % 7, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        try (StreamHarness h = StreamHarness.builder().shards(2).mapping(LANES).handler((e, c) -> null)
                .releaseCommittedRecords(true).build()) {
            List<StreamRecord> put = h.putAll(records);
            List<List<StreamRecord>> held = List.of(h.shard(0).records(), h.shard(1).records());
            h.runUntilIdle();

            assertThat(h.shard(0).records().size() + h.shard(1).records().size()).isLessThan(10_000); // released
            assertThat(put).hasSize(10_000);
            for (List<StreamRecord> shard : held) { // each shard's records, in the order they were put
                String id = shard.get(0).shardId();
                assertThat(put.stream().filter(r -> r.shardId().equals(id)).toList()).isEqualTo(shard);
            }
            assertThat(put.get(9_999).dataAsString()).isEqualTo("{\"n\":9999}");
            assertThat(put.get(9_999).partitionKey()).isEqualTo("pk-" + 9_999 % 7);
            assertThat(put.get(3)).isEqualTo(put.get(3)).isNotSameAs(put.get(3)); // made anew on each read
            assertThatThrownBy(() -> put.get(10_000)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("record 10000 of the 10000 put together");
            assertThatThrownBy(() -> put.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aRecordOverTheLimitRefusesTheWholeCallAndNamesTheRecord() { // rule 19.1
        try (StreamHarness h = StreamHarness.builder().mapping(LANES).handler((e, c) -> null).build()) {
            List<RecordSpec> call = List.of(RecordSpec.of("a", "{}"), new RecordSpec("b", new byte[1_048_576]),
                    RecordSpec.of("c", "{}"));

            assertThatThrownBy(() -> h.putAll(call))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("record 1 (0-based) of the 3 put together was refused, so none of them was written: "
                            + "InvalidArgumentException: the record is 1048577 bytes (data 1048576 + partition key "
                            + "1), over the stream's maximum record size of 1048576 bytes (MaxRecordSizeInKiB 1024); "
                            + "nothing was written (rule 19.1: data plus partition key count; raise the limit, up to "
                            + "10240 KiB, with StreamHarness.builder().maxRecordSizeInKiB(..))");
            assertThat(h.shard(0).records()).isEmpty();
            assertThat(h.ledger().counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
        }
    }

    @Test
    void aBadExplicitHashKeyOrANullRecordRefusesTheWholeCall() {
        try (StreamHarness h = StreamHarness.builder().shards(2).build()) {
            List<RecordSpec> badKey = List.of(RecordSpec.of("a", "{}"),
                    RecordSpec.of("b", "{}").withExplicitHashKey("-1"));
            assertThatThrownBy(() -> h.putAll(badKey))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("record 1 (0-based) of the 2 put together was refused, so none of them "
                            + "was written: ");

            List<RecordSpec> withNull = new ArrayList<>(List.of(RecordSpec.of("a", "{}")));
            withNull.add(null);
            assertThatThrownBy(() -> h.putAll(withNull))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("putAll: record 1 (0-based) is null; nothing was written");

            assertThat(h.shards()).allSatisfy(s -> assertThat(s.records()).isEmpty());
        }
    }

    @Test
    void aCallIsAtomicAgainstOtherThreadsPuttingAtOnce() throws Exception { // rule 19.2
        int threads = 4;
        int calls = 50;
        int perCall = 20;
        try (StreamHarness h = StreamHarness.builder().build()) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    String thread = "t" + t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int c = 0; c < calls; c++) {
                            List<RecordSpec> call = new ArrayList<>();
                            for (int i = 0; i < perCall; i++) {
                                call.add(RecordSpec.of(thread, thread + "/" + c + "/" + i));
                            }
                            h.putAll(call);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            List<StreamRecord> records = h.shard(0).records();
            assertThat(records).hasSize(threads * calls * perCall);
            for (int k = 0; k < records.size(); k += perCall) { // each call's records lie together, in order
                String call = records.get(k).dataAsString().replaceAll("/0$", "/");
                for (int i = 0; i < perCall; i++) {
                    assertThat(records.get(k + i).dataAsString()).isEqualTo(call + i);
                }
            }
        }
    }
}
