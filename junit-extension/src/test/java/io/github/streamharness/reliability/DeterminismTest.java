package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.RetryBackoff;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.VirtualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same scenario gives byte-identical invocation logs and on-failure JSON, run after run and when four copies run
 * at once on four threads (architecture: deterministic; issue 8). The scenario exercises every seeded choice: request
 * ids, S3 object keys, jittered back-off, cold starts, several shards and lanes, timeouts, throttles, bisection and
 * partial responses.
 */
class DeterminismTest {
    private static final long SCENARIO_SEED = 8_200_000_001L;

    @Test
    void theSameScenarioTwiceGivesByteIdenticalLogsAndDeadLetters() {
        String first = render(SCENARIO_SEED);
        String second = render(SCENARIO_SEED);

        assertThat(second).isEqualTo(first);
        // the rendering is rich enough to notice a difference: it holds failures, retries and S3 messages
        assertThat(first).contains("TIMEOUT", "THROTTLED", "BISECT", "PARTIAL", "\"payload\"", "lane-");
        assertThat(render(SCENARIO_SEED + 1)).isNotEqualTo(first);
    }

    @Test
    void fourConcurrentRunsOfTheSameScenarioGiveByteIdenticalLogs() throws Exception {
        String expected = render(SCENARIO_SEED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return render(SCENARIO_SEED);
                }));
            }
            start.countDown();
            for (Future<String> run : runs) {
                assertThat(run.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the seeded scenario and renders everything it did: the full timeline and every message's JSON. */
    static String render(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (StreamHarness h = StreamHarness.builder().shards(3).seed(seed)
                .retryBackoff(RetryBackoff.DEFAULT.withJitter(0.3)).functionTimeout(Duration.ofSeconds(5))
                // rule 15.3, 15.4, 0.14: 12 lanes share 6 slots, 2 provisioned; throttles and arbitration are seeded too
                .reservedConcurrentExecutions(6).provisionedConcurrentExecutions(2).keepWarm(Duration.ofSeconds(20))
                .build()) {
            Flaky handler = new Flaky(h.clock());
            h.addMapping(EventSourceMappingConfig.builder().batchSize(25).parallelizationFactor(4)
                    .bisectBatchOnFunctionError(true).maximumRetryAttempts(2).maximumRecordAgeInSeconds(600)
                    .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                    .onFailureDestination("arn:aws:s3:::determinism-bucket").build(), handler);
            h.faults().coldStarts(Duration.ofMillis(700));
            h.faults().onInvocation(7).times(1).throttle();
            h.faults().onInvocation(9).times(1).throttle();
            for (int i = 0; i < 400; i++) {
                if (random.nextInt(4) == 0) {
                    h.advance(Duration.ofMillis(random.nextInt(2_000)));
                }
                h.put("user-" + random.nextInt(60), "{\"n\":" + i + "}");
            }
            h.runUntilIdle();
            h.ledger().verify();
            StringBuilder out = new StringBuilder(h.invocations().describe(Integer.MAX_VALUE));
            for (DeadLetter d : h.deadLetterQueue().messages()) {
                out.append('\n').append(d.json()).append(' ').append(d.s3ObjectKey().orElse(""));
            }
            out.append('\n').append(h.logs()); // section 16: byte-identical logs for equal seeds
            for (String metric : List.of("IteratorAge", "Duration", "ConcurrentExecutions", "Errors")) {
                out.append('\n').append(metric).append(' ').append(h.metrics().statistics(metric,
                        io.github.streamharness.Statistic.MAXIMUM, Duration.ofSeconds(10)));
            }
            return out.toString();
        }
    }

    /**
     * Fails by record number: every 37th record always throws, every 53rd times out once, every 41st is reported as
     * a partial failure once; everything else spends 150 ms of virtual time.
     */
    private static final class Flaky implements RequestHandler<KinesisEvent, StreamsEventResponse> {
        private final VirtualClock clock;
        private final Map<Integer, Integer> seen = new HashMap<>();

        Flaky(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public StreamsEventResponse handleRequest(KinesisEvent event, com.amazonaws.services.lambda.runtime.Context c) {
            clock.sleep(Duration.ofMillis(150));
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String text = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                int n = Integer.parseInt(text.replaceAll("\\D", ""));
                int count = seen.merge(n, 1, Integer::sum);
                if (n % 37 == 1) {
                    throw new IllegalStateException("record " + n + " is poison");
                }
                if (n % 53 == 2 && count == 1) {
                    clock.sleep(Duration.ofSeconds(6));
                }
                if (n % 41 == 3 && count == 1) {
                    failures.add(StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(r.getKinesis().getSequenceNumber()).build());
                }
            }
            return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
        }
    }
}
