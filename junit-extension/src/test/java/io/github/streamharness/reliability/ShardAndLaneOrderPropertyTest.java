package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Ordering and size properties across shards and lanes on seeded random streams (issue 8): ParallelizationFactor
 * 1..10, 1..4 shards, random partition keys, poison and flaky records, a few records large enough to hit the 6 MB
 * cut. Every run must keep per-shard order with ParallelizationFactor 1 (rule 3.1), per-key order with N lanes
 * (rule 3.2, 0.8), never deliver a record after a later record of its key was committed, and never build a batch
 * over BatchSize or over 6 MB (rule 2.3, 2.5, 0.7).
 */
class ShardAndLaneOrderPropertyTest {
    private static final long BASE_SEED = 8_100_000_000L;
    private static final int CASES = 150;
    private static final long SIX_MB = 6_291_456L;
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:order-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shardsAndLanesKeepOrderAndBatchLimitsOnRandomStreams() {
        String replay = System.getProperty("streamharness.seed");
        long first = replay != null ? Long.parseLong(replay.trim()) : BASE_SEED;
        int cases = replay != null ? 1 : CASES;
        long[] nearLimit = new long[1];
        for (long seed = first; seed < first + cases; seed++) {
            List<String> violations = new ArrayList<>();
            String timeline;
            try (StreamHarness h = run(seed, violations, nearLimit)) {
                timeline = h.describe(80);
            }
            if (!violations.isEmpty()) {
                fail("seed " + seed + " (replay: -Dstreamharness.seed=" + seed + "): " + violations.subList(0,
                        Math.min(5, violations.size())) + "\n" + timeline);
            }
        }
        if (replay == null) {
            // the generator must reach the 6 MB cut, or the size check above proves nothing
            assertThat(nearLimit[0]).as("multi-record batches over 4 MB").isPositive();
        }
    }

    @Test
    void theCheckerSeesAReorderedDelivery() {
        // the order checks must be able to fail: a record delivered after a later record of its key was committed
        StreamRecord a;
        StreamRecord b;
        try (StreamHarness h = StreamHarness.builder().build()) {
            a = h.put("k", "a");
            b = h.put("k", "b");
        }
        Invocation second = invocation(1, List.of(b), new Outcome.Success(null, List.of()));
        Invocation first = invocation(2, List.of(a), new Outcome.Success(null, List.of()));
        List<String> violations = new ArrayList<>();
        checkKeyOrder(List.of(second, first), violations);
        assertThat(violations).singleElement().asString().contains("after a later record of key k");
    }

    private static Invocation invocation(int number, List<StreamRecord> records, Outcome outcome) {
        java.time.Instant t = EngineAdapter.T0;
        return new Invocation(number, "f", records.get(0).shardId(), 0, records, 1, outcome, t, t, Duration.ZERO,
                Duration.ZERO, "req-" + number, "env-1", false, List.of());
    }

    /** One random stream, run to the end; the violations found are added to {@code violations}. */
    private static StreamHarness run(long seed, List<String> violations, long[] nearLimit) {
        SplittableRandom random = new SplittableRandom(seed);
        int shards = 1 + random.nextInt(4);
        int factor = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(10);
        int batchSize = random.nextInt(3) == 0 ? 1 + random.nextInt(10) : 1 + random.nextInt(300);
        int retries = random.nextInt(4) == 0 ? -1 : random.nextInt(4);
        int age = retries == -1 || random.nextBoolean() ? 60 + random.nextInt(300) : -1;
        boolean rbif = random.nextBoolean();
        EventSourceMappingConfig.Builder config = EventSourceMappingConfig.builder().batchSize(batchSize)
                .parallelizationFactor(factor).bisectBatchOnFunctionError(random.nextBoolean())
                .maximumRetryAttempts(retries).maximumRecordAgeInSeconds(age)
                .maximumBatchingWindowInSeconds(random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0)
                .onFailureDestination(DLQ);
        if (rbif) {
            config.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        }
        int records = 20 + random.nextInt(300);
        int keys = 1 + random.nextInt(40);
        // a fifth of the streams hold a run of five ~1.9 MB records: three fit in 6 MB, four do not (rule 0.7)
        int largeFrom = random.nextInt(5) == 0 ? random.nextInt(records - 5) : -1;
        Map<Integer, int[]> faults = new HashMap<>(); // index -> {failures, style}
        for (int i = random.nextInt(6); i > 0; i--) {
            int style = random.nextInt(rbif ? 3 : 2);
            faults.put(random.nextInt(records), new int[] {random.nextInt(3) == 0 ? Integer.MAX_VALUE
                    : 1 + random.nextInt(3), style});
        }
        long spend = random.nextInt(3) == 0 ? random.nextInt(800) : 0;
        // rule 19.1: the 1.5 MB records need a stream whose maximum record size is raised (up to 10 MiB)
        StreamHarness h = StreamHarness.builder().shards(shards).seed(seed).maxRecordSizeInKiB(10_240).build();
        Recorder recorder = new Recorder(h.clock(), faults, spend);
        h.addMapping(config.build(), recorder);
        List<StreamRecord> written = new ArrayList<>();
        // issue 16: half the streams are resharded once while records flow (drawn from a second stream of the seed,
        // so each seed's records and faults stay what they were)
        SplittableRandom changes = new SplittableRandom(seed ^ 0x16L);
        int reshardAt = changes.nextBoolean() ? changes.nextInt(records) : -1;
        for (int i = 0; i < records; i++) {
            if (i == reshardAt) {
                reshard(h, changes);
            }
            if (random.nextInt(3) == 0) {
                h.advance(Duration.ofMillis(random.nextInt(1500)));
            }
            String key = "key-" + random.nextInt(keys);
            byte[] data = ("i=" + i + ";").getBytes(StandardCharsets.UTF_8);
            if (largeFrom >= 0 && i >= largeFrom && i < largeFrom + 5) {
                data = Arrays.copyOf(data, 1_400_000 + random.nextInt(100_000));
            }
            written.add(h.put(key, data));
        }
        h.runUntilIdle();
        check(h, written, batchSize, factor, recorder, violations);
        nearLimit[0] += h.invocations().all().stream().filter(i -> i.batchSize() > 1
                && recorder.eventBytes.getOrDefault(i.awsRequestId(), 0L) > 4_000_000L).count();
        return h;
    }

    /** A split of a random open shard, a merge of two adjacent ones, or a uniform scaling (rule 11.1). */
    private static void reshard(StreamHarness h, SplittableRandom random) {
        List<io.github.streamharness.Shard> open = h.openShards();
        int kind = random.nextInt(3);
        if (kind == 1 && open.size() > 1) {
            int at = random.nextInt(open.size() - 1);
            h.mergeShards(open.get(at).id(), open.get(at + 1).id());
        } else if (kind == 2) {
            int low = (open.size() + 1) / 2;
            h.updateShardCount(low + random.nextInt(open.size() * 2 - low + 1));
        } else {
            h.splitShard(open.get(random.nextInt(open.size())).id());
        }
    }

    private static void check(StreamHarness h, List<StreamRecord> written, int batchSize, int factor,
                              Recorder recorder, List<String> violations) {
        try {
            h.ledger().verify();
        } catch (IllegalStateException e) {
            violations.add(e.getMessage());
        }
        long open = written.stream().map(h.ledger()::stateOf)
                .filter(s -> s != RecordState.COMMITTED && s != RecordState.SENT_TO_DESTINATION).count();
        if (open > 0) {
            violations.add(open + " record(s) neither committed nor sent to the destination");
        }
        List<Invocation> log = h.invocations().all();
        Map<String, Integer> laneOfKey = new HashMap<>();
        for (Invocation i : log) {
            if (i.batchSize() > batchSize) {
                violations.add("#" + i.number() + " holds " + i.batchSize() + " records, BatchSize " + batchSize);
            }
            Long bytes = recorder.eventBytes.get(i.awsRequestId());
            if (bytes != null && bytes > SIX_MB && i.batchSize() > 1) {
                violations.add("#" + i.number() + " event of " + bytes + " bytes over 6 MB (rule 2.5, 0.7)");
            }
            for (int k = 0; k < i.records().size(); k++) {
                StreamRecord r = i.records().get(k);
                if (!r.shardId().equals(i.shardId())) {
                    violations.add("#" + i.number() + " mixes shards (rule 2.1)");
                }
                if (k > 0 && seq(r).compareTo(seq(i.records().get(k - 1))) <= 0) {
                    violations.add("#" + i.number() + " is not in sequence order (rule 3.1)");
                }
                Integer lane = laneOfKey.putIfAbsent(r.shardId() + "/" + r.partitionKey(), i.lane());
                if (lane != null && lane != i.lane()) {
                    violations.add("key " + r.partitionKey() + " read by lanes " + lane + " and " + i.lane()
                            + " (rule 0.8)");
                }
            }
        }
        if (factor == 1) {
            checkShardOrder(h, log, violations);
        }
        checkKeyOrder(log, violations);
    }

    /** With ParallelizationFactor 1 each batch is the next run of its shard, and never goes back (rule 3.1). */
    private static void checkShardOrder(StreamHarness h, List<Invocation> log, List<String> violations) {
        Map<String, BigInteger> lastFirst = new HashMap<>();
        Map<String, BigInteger> committed = new HashMap<>();
        for (Invocation i : log) {
            List<StreamRecord> shard = h.shard(i.shardId()).records();
            int at = shard.indexOf(i.records().get(0));
            if (!shard.subList(at, at + i.batchSize()).equals(i.records())) {
                violations.add("#" + i.number() + " is not a contiguous run of " + i.shardId() + " (rule 3.1)");
            }
            BigInteger first = seq(i.records().get(0));
            BigInteger before = lastFirst.put(i.shardId(), first);
            if (before != null && first.compareTo(before) < 0) {
                violations.add("#" + i.number() + " goes back in " + i.shardId() + " (rule 3.1)");
            }
            BigInteger done = committed.get(i.shardId());
            if (done != null && first.compareTo(done) <= 0) {
                violations.add("#" + i.number() + " delivers a record of " + i.shardId() + " at or before the "
                        + "committed " + done + " (rule 3.1)");
            }
            List<StreamRecord> commits = commits(i);
            if (!commits.isEmpty()) {
                committed.put(i.shardId(), seq(commits.get(commits.size() - 1)));
            }
        }
    }

    /**
     * No record is delivered after a later (or the same) record of its key was committed (rule 3.2, 0.8), also
     * across a reshard: a key's records in a child shard (numbered after its parents) come after those in the
     * parent (rule 0.10).
     */
    static void checkKeyOrder(List<Invocation> log, List<String> violations) {
        java.util.Comparator<StreamRecord> order = java.util.Comparator.comparing((StreamRecord r) ->
                Long.parseLong(r.shardId().substring("shardId-".length()))).thenComparing(r -> seq(r));
        Map<String, StreamRecord> committed = new HashMap<>();
        for (Invocation i : log) {
            for (StreamRecord r : i.records()) {
                StreamRecord done = committed.get(r.partitionKey());
                if (done != null && order.compare(r, done) <= 0) {
                    violations.add("#" + i.number() + " delivers " + r.shardId() + "/" + r.sequenceNumber()
                            + " after a later record of key " + r.partitionKey() + " was committed");
                }
            }
            for (StreamRecord r : commits(i)) {
                committed.merge(r.partitionKey(), r, (a, b) -> order.compare(a, b) >= 0 ? a : b);
            }
        }
    }

    /** The records an invocation committed: all after a success, the prefix after a partial response (rule 5.5). */
    private static List<StreamRecord> commits(Invocation i) {
        if (i.outcome() instanceof Outcome.Success) {
            return i.records();
        }
        if (i.outcome() instanceof Outcome.PartialFailure p) {
            return i.records().subList(0, p.committedRecords());
        }
        return List.of();
    }

    private static BigInteger seq(StreamRecord r) {
        return new BigInteger(r.sequenceNumber()); // rule 12.1: compare numerically
    }

    /**
     * A stream handler that measures each event, fails records by plan (exception, timeout or a partial response),
     * and may spend virtual time so lanes overlap.
     */
    private static final class Recorder implements RequestStreamHandler {
        final Map<String, Long> eventBytes = new HashMap<>();
        private final VirtualClock clock;
        private final Map<Integer, int[]> faults;
        private final long spendMs;
        private final Map<Integer, Integer> deliveries = new HashMap<>();

        Recorder(VirtualClock clock, Map<Integer, int[]> faults, long spendMs) {
            this.clock = clock;
            this.faults = faults;
            this.spendMs = spendMs;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] event = input.readAllBytes();
            eventBytes.put(context.getAwsRequestId(), (long) event.length);
            if (spendMs > 0) {
                clock.sleep(Duration.ofMillis(spendMs));
            }
            List<String> failing = new ArrayList<>();
            int style = -1;
            for (JsonNode record : JSON.readTree(event).get("Records")) {
                JsonNode kinesis = record.get("kinesis");
                int index = indexOf(Base64.getDecoder().decode(kinesis.get("data").asText()));
                int seen = deliveries.merge(index, 1, Integer::sum);
                int[] fault = faults.get(index);
                if (fault != null && seen <= fault[0]) {
                    failing.add(kinesis.get("sequenceNumber").asText());
                    style = style < 0 ? fault[1] : style;
                }
            }
            if (failing.isEmpty()) {
                return;
            }
            if (style == 0) {
                throw new IllegalStateException("poison");
            }
            if (style == 1) {
                clock.sleep(Duration.ofSeconds(4)); // past the 3 s timeout
            }
            ObjectNode response = JSON.createObjectNode();
            var failures = response.putArray("batchItemFailures");
            failing.forEach(s -> failures.addObject().put("itemIdentifier", s));
            output.write(JSON.writeValueAsBytes(response));
        }

        private static int indexOf(byte[] data) {
            int end = 2;
            while (data[end] != ';') {
                end++;
            }
            return Integer.parseInt(new String(data, 2, end - 2, StandardCharsets.US_ASCII));
        }
    }
}
