package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.Shard;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 19.2: a Kinesis client is thread-safe, so {@code put} is. Every put from any number of threads is atomic:
 * it gets a sequence number of its own, numbers increase strictly in each shard's order, and the ledger counts each
 * record once. Isolated: its 16 threads saturate the CPU, which would slow the real-time watchdog tests beside it.
 */
@Isolated
class ConcurrentPutTest {
    private static final int THREADS = 16;
    private static final int PUTS_PER_THREAD = 500;

    private static void assertEveryRecordOnceWithIncreasingSequenceNumbers(StreamHarness h, List<StreamRecord> put,
                                                                          int expected) {
        assertThat(put).hasSize(expected);
        long held = 0;
        Set<String> identities = new HashSet<>();
        for (Shard shard : h.shards()) {
            List<StreamRecord> records = shard.records();
            held += records.size();
            BigInteger previous = BigInteger.valueOf(-1);
            for (StreamRecord r : records) {
                BigInteger n = new BigInteger(r.sequenceNumber());
                assertThat(n).as("sequence numbers of %s increase strictly", shard.id()).isGreaterThan(previous);
                previous = n;
                assertThat(identities.add(r.shardId() + "/" + r.sequenceNumber())).isTrue();
            }
        }
        assertThat(held).isEqualTo(expected);
        Set<String> returned = new HashSet<>();
        for (StreamRecord r : put) {
            returned.add(r.shardId() + "/" + r.sequenceNumber());
        }
        assertThat(returned).isEqualTo(identities); // each put got back its own record
    }

    @Test
    void sixteenThreadsPuttingAtOnceGetUniqueIncreasingSequenceNumbersAndLoseNothing() throws Exception { // rule 19.2
        try (StreamHarness h = StreamHarness.builder().shards(4).build()) {
            h.addMapping(EventSourceMappingConfig.builder().batchSize(1_000).build(),
                    (event, context) -> null);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<StreamRecord>>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<StreamRecord> mine = new ArrayList<>();
                        for (int i = 0; i < PUTS_PER_THREAD; i++) {
                            mine.add(h.put("key-" + ((thread * 7 + i) % 97), "t" + thread + "-" + i));
                        }
                        return mine;
                    }));
                }
                start.countDown(); // every thread starts putting at once
                List<StreamRecord> put = new ArrayList<>();
                for (Future<List<StreamRecord>> f : futures) {
                    put.addAll(f.get(60, TimeUnit.SECONDS));
                }

                int expected = THREADS * PUTS_PER_THREAD;
                assertEveryRecordOnceWithIncreasingSequenceNumbers(h, put, expected);
                assertThat(h.ledger().total()).isEqualTo(expected);
                assertThat(h.ledger().count(RecordState.PENDING)).isEqualTo(expected);
                h.ledger().verify();

                h.runUntilIdle();
                assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(expected);
                assertThat(h.invocations().all().stream().mapToInt(i -> i.records().size()).sum())
                        .isEqualTo(expected);
                h.ledger().verify();
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void handlerFanningOutPutsWithParallelStreamLosesNothing() { // rule 19.2
        int fanOut = 20_000;
        AtomicReference<StreamHarness> ref = new AtomicReference<>();
        ConcurrentLinkedQueue<StreamRecord> fannedOut = new ConcurrentLinkedQueue<>();
        try (StreamHarness h = StreamHarness.builder().shards(2).build()) {
            ref.set(h);
            h.addMapping(EventSourceMappingConfig.builder().batchSize(10_000).build(),
                    (event, context) -> {
                        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                            if (r.getKinesis().getPartitionKey().equals("order")) {
                                // the usual idiom for a wider parallel stream than the machine's cores
                                ForkJoinPool pool = new ForkJoinPool(THREADS);
                                try {
                                    pool.submit(() -> IntStream.range(0, fanOut).parallel().forEach(i ->
                                            fannedOut.add(ref.get().put("item-" + i, "line " + i)))).join();
                                } finally {
                                    pool.shutdownNow();
                                }
                            }
                        }
                        return null;
                    });
            StreamRecord order = h.put("order", "an order of 20000 lines");
            h.runUntilIdle();

            List<StreamRecord> put = new ArrayList<>(fannedOut);
            put.add(order);
            assertEveryRecordOnceWithIncreasingSequenceNumbers(h, put, fanOut + 1);
            assertThat(h.ledger().total()).isEqualTo(fanOut + 1);
            assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(fanOut + 1);
            h.ledger().verify();
        }
    }
}
