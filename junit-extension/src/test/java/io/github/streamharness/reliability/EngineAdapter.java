package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.Invocation;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.RecordState;
import io.github.streamharness.StartingPosition;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.VirtualClock;
import io.github.streamharness.model.Change;
import io.github.streamharness.model.ItemId;
import io.github.streamharness.model.LaneInvariants;
import io.github.streamharness.model.ModelConfig;
import io.github.streamharness.model.ModelDeadLetter;
import io.github.streamharness.model.ModelInvocation;
import io.github.streamharness.model.ModelResult;
import io.github.streamharness.model.OracleCall;
import io.github.streamharness.model.Outcome;
import io.github.streamharness.model.RecordFate;
import io.github.streamharness.model.Scenario;
import io.github.streamharness.model.StreamSetup;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a reference-model {@link Scenario} through the real {@link StreamHarness} and reads what the engine did back
 * into a {@link ModelResult}, so the two can be compared field by field (issue 8).
 *
 * <p>The replay follows the model package's contract: n records on one shard at their arrival times (the clock
 * advanced between puts), a TRIM_HORIZON mapping with window 0 created at {@code startMs}, and a handler that answers
 * every invocation with the oracle's outcome. Throttles come from the harness's fault plan (rule 4.2), timeouts from a
 * sleep on the virtual clock past the function timeout (rule 0.4), partial responses from JSON built from the
 * oracle's item ids (rule 5.2, 5.4). The retry back-off is the harness default (rule 0.2).
 */
final class EngineAdapter {
    /** Model time 0. */
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Every replay sends discarded records here, so each discard is visible as a message (section 6). */
    static final String DESTINATION = "arn:aws:sqs:us-east-1:123456789012:differential-dlq";

    private EngineAdapter() {
    }

    /**
     * What the engine did with one scenario.
     *
     * @param result   the engine's run in the model's terms, or null when the engine threw
     * @param readings how the engine read each invocation's outcome, by position (see {@link #reading})
     * @param timeline the engine's own timeline, for failure reports
     * @param problems ledger, invariant and adapter problems found (empty when all is well)
     * @param observed  the function's metric totals and log line counts (section 16, 17), by name
     */
    record EngineRun(ModelResult result, List<String> readings, String timeline, List<String> problems,
                     Map<String, Double> observed) {
    }

    /** Replays the scenario; never throws for an engine failure, which lands in {@link EngineRun#problems()}. */
    static EngineRun replay(Scenario scenario) {
        ModelConfig c = scenario.config();
        StreamSetup setup = scenario.setup();
        List<Long> arrivals = scenario.arrivalsMs();
        Change change = scenario.change(); // issue 16: only on a plain one-lane setup
        int shards = change != null && change.kind() == Change.Kind.MERGE ? 2 : setup.shards();
        int parent = scenario.parentRecordCount();
        // with AT_TIMESTAMP the mapping is made (disabled) before any record, so the timestamp is in the future
        long createdAt = setup.atTimestamp() ? arrivals.get(0) - setup.recordsBeforeTimestamp() - 1 : arrivals.get(0);
        StreamHarness.Builder builder = StreamHarness.builder().startTime(T0.plusMillis(createdAt))
                .shards(shards)
                .retention(Duration.ofDays(365)) // the model has no retention (its package-info)
                .functionTimeout(Duration.ofMillis(c.functionTimeoutMs()))
                // section 15, 0.14, 0.15: the function's environments and limits
                .provisionedConcurrentExecutions(scenario.function().provisionedConcurrency())
                .initDuration(Duration.ofMillis(scenario.function().initDurationMs()))
                .keepWarm(Duration.ofMillis(scenario.function().keepWarmMs()));
        if (scenario.function().reservedConcurrency() >= 0) {
            builder.reservedConcurrentExecutions(scenario.function().reservedConcurrency());
        }
        try (StreamHarness h = builder.build()) {
            EventSourceMappingConfig.Builder config = EventSourceMappingConfig.builder()
                    .batchSize(c.batchSize())
                    .parallelizationFactor(setup.parallelizationFactor())
                    .bisectBatchOnFunctionError(c.bisectBatchOnFunctionError())
                    .maximumRetryAttempts(c.maximumRetryAttempts())
                    .maximumRecordAgeInSeconds(c.maximumRecordAgeInSeconds())
                    .tumblingWindowInSeconds(c.tumblingWindowInSeconds())
                    .onFailureDestination(DESTINATION);
            if (c.reportBatchItemFailures()) {
                config.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            }
            boolean filtered = !setup.filteredBefore().isEmpty();
            if (filtered) {
                config.filterPatterns(setup.partitionKeyFilter()
                        ? new String[] {KEEP_PATTERN, "{\"partitionKey\":[\"" + StreamSetup.FILTERED_KEY + "\"]}"}
                        : new String[] {KEEP_PATTERN});
            }
            List<StreamRecord> extras = new ArrayList<>();
            List<RecordState> extraStates = new ArrayList<>();
            List<StreamRecord> records = new ArrayList<>(arrivals.size());
            OracleDriver driver = new OracleDriver(scenario, records, h.clock());
            MappedFunction f = null;
            if (setup.atTimestamp()) {
                config.startingPosition(StartingPosition.AT_TIMESTAMP)
                        .startingPositionTimestamp(T0.plusMillis(arrivals.get(0))).enabled(false);
                f = h.addMapping(config.build(), driver);
                for (int i = setup.recordsBeforeTimestamp(); i > 0; i--) { // rule 2.6: before the timestamp
                    moveTo(h, arrivals.get(0) - i);
                    extras.add(h.put(setup.partitionKeys().get(0), data(true, -i)));
                    extraStates.add(RecordState.BEFORE_STARTING_POSITION);
                }
            }
            for (int i = 0; i < parent; i++) {
                moveTo(h, arrivals.get(i));
                for (int before : setup.filteredBefore()) {
                    if (before == i) { // rule 9.1, 9.4: fails the data filter; a partitionKey pattern never matches
                        extras.add(h.put(StreamSetup.FILTERED_KEY, data(false, i)));
                        extraStates.add(RecordState.FILTERED);
                    }
                }
                records.add(h.put(setup.partitionKeys().get(i), filtered ? data(true, i) : "r" + i));
            }
            moveTo(h, scenario.startMs());
            h.faults().onBatch(driver::throttleNext).throttle();
            if (f == null) {
                f = h.addMapping(config.build(), driver);
            } else {
                f.enable();
            }
            driver.attach(f);
            List<String> problems = new ArrayList<>();
            try {
                if (change != null) {
                    h.advanceTo(T0.plusMillis(change.atMs())); // what is due at that instant runs first
                    change(h, f, change, records, arrivals.size() - parent);
                    records.subList(parent, records.size()).forEach(driver::add);
                }
                h.runUntilIdle();
            } catch (RuntimeException | Error e) {
                problems.add("the engine threw " + e);
                return new EngineRun(null, List.of(), f.invocations().describe(200), problems, Map.of());
            }
            problems.addAll(driver.problems);
            for (int i = 0; i < extras.size(); i++) {
                RecordState state = f.ledger().stateOf(extras.get(i));
                if (state != extraStates.get(i)) {
                    problems.add("record " + extras.get(i).partitionKey() + "/" + extras.get(i).dataAsString() + " outside the "
                            + "lane ended " + state + ", expected " + extraStates.get(i) + " (rule 2.6, 9.1)");
                }
            }
            int shard = setup.shard();
            int lane = setup.lane();
            for (Invocation i : f.invocations().all()) {
                boolean child = change != null && change.reshards() && !i.shardId().equals(h.shard(shard).id())
                        && !h.shard(i.shardId()).parentShardIds().isEmpty(); // rule 0.10: the keys' child shard
                if (!child && (!i.shardId().equals(h.shard(shard).id()) || i.lane() != lane)) {
                    problems.add("invocation #" + i.number() + " ran on " + i.shardId() + " lane " + i.lane()
                            + ", but its keys route to shard " + shard + " lane " + lane + " (rule 0.8)");
                }
            }
            try {
                f.ledger().verify();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
            ModelResult result = read(h, f, records, driver.issued, problems);
            problems.addAll(LaneInvariants.violations(scenario, result));
            List<String> readings = f.invocations().all().stream().map(i -> reading(i.outcome())).toList();
            return new EngineRun(result, readings, f.invocations().describe(400), problems, observed(f));
        }
    }

    /** The data filter of setups with filtered-out records (rule 9.1). */
    private static final String KEEP_PATTERN = "{\"data\":{\"keep\":[true]}}";

    private static String data(boolean keep, int i) {
        return "{\"keep\":" + keep + ",\"r\":" + i + "}";
    }

    /** Totals of the metrics and log lines the differential test derives from the model's invocations. */
    private static Map<String, Double> observed(MappedFunction f) {
        Map<String, Double> totals = new java.util.TreeMap<>();
        for (String metric : List.of("Invocations", "Throttles", "Errors", "InvokedEventCount",
                "OnFailureDestinationDeliveredEventCount", "DroppedEventCount")) {
            totals.put(metric, f.metrics().total(metric, io.github.streamharness.Statistic.SUM));
        }
        List<String> lines = f.logs().messages();
        totals.put("START lines", (double) lines.stream().filter(m -> m.startsWith("START RequestId: ")).count());
        totals.put("timeout lines", (double) lines.stream().filter(m -> m.contains(" Task timed out after ")).count());
        return totals;
    }

    /**
     * Rule 11.1, 18.1: splits the records' shard, merges it with the other shard, or updates the mapping, now; after a
     * reshard the remaining {@code childRecords} records are put (they route to the child).
     */
    private static void change(StreamHarness h, MappedFunction f, Change change, List<StreamRecord> records,
                               int childRecords) {
        if (change.kind() == Change.Kind.UPDATE) {
            ModelConfig u = change.updated();
            f.update(f.config().toBuilder().batchSize(u.batchSize())
                    .bisectBatchOnFunctionError(u.bisectBatchOnFunctionError())
                    .maximumRetryAttempts(u.maximumRetryAttempts())
                    .maximumRecordAgeInSeconds(u.maximumRecordAgeInSeconds())
                    .functionResponseTypes(u.reportBatchItemFailures()
                            ? new FunctionResponseType[] {FunctionResponseType.REPORT_BATCH_ITEM_FAILURES}
                            : new FunctionResponseType[0]).build());
            return;
        }
        String recordsShard = shardOfKey(h, "pk");
        if (change.kind() == Change.Kind.MERGE) {
            String other = recordsShard.equals(h.shard(0).id()) ? h.shard(1).id() : h.shard(0).id();
            if (change.givenFirst()) {
                h.mergeShards(recordsShard, other);
            } else {
                h.mergeShards(other, recordsShard);
            }
        } else {
            h.splitShard(recordsShard);
        }
        int base = records.size();
        for (int i = 0; i < childRecords; i++) {
            records.add(h.put("pk", "r" + (base + i)));
        }
    }

    /** The open shard a partition key routes to (MD5, as Kinesis). */
    private static String shardOfKey(StreamHarness h, String partitionKey) {
        BigInteger hash;
        try {
            hash = new BigInteger(1, java.security.MessageDigest.getInstance("MD5")
                    .digest(partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return h.openShards().stream().filter(s -> s.startingHashKey().compareTo(hash) <= 0
                && hash.compareTo(s.endingHashKey()) <= 0).findFirst().orElseThrow().id();
    }

    private static void moveTo(StreamHarness h, long modelMs) {
        Instant target = T0.plusMillis(modelMs);
        if (target.isAfter(h.clock().now())) {
            h.advanceTo(target);
        }
    }

    /** The engine's run in the model's vocabulary: invocations, messages, commits, fates and checkpoint. */
    private static ModelResult read(StreamHarness h, MappedFunction f, List<StreamRecord> records,
                                    Map<Integer, Outcome> issued, List<String> problems) {
        Map<String, Integer> index = indexBySequenceNumber(records);
        List<ModelInvocation> invocations = new ArrayList<>();
        for (Invocation i : f.invocations().all()) {
            List<Integer> batch = i.records().stream().map(r -> index.get(r.sequenceNumber())).toList();
            if (batch.contains(null)) {
                problems.add("invocation #" + i.number() + " delivered a record that is not the lane's: " + i);
                continue;
            }
            Outcome outcome = issued.get(i.number());
            if (outcome == null && i.outcome() instanceof io.github.streamharness.Outcome.Throttled t
                    && t.reason().contains("ReservedFunctionConcurrentInvocationLimitExceeded")) {
                outcome = Outcome.THROTTLE; // rule 15.3: throttled before the handler, the oracle never asked
            }
            if (outcome == null) {
                problems.add("invocation #" + i.number() + " was logged but the oracle was never asked about it");
                outcome = Outcome.SUCCESS;
            }
            invocations.add(new ModelInvocation(i.number(), batch, i.attempt(), outcome, ms(i.startedAt()),
                    ms(i.endedAt()), i.coldStart()));
        }
        List<ModelDeadLetter> deadLetters = new ArrayList<>();
        RecordFate[] fates = new RecordFate[records.size()];
        for (DeadLetter d : f.deadLetterQueue().messages()) {
            if (d.records().stream().anyMatch(r -> !index.containsKey(r.sequenceNumber()))) {
                problems.add("an on-failure message holds a record that is not the lane's: " + d);
                continue;
            }
            ModelDeadLetter.Condition condition = d.condition() == OnFailureCondition.RecordAgeExceeded
                    ? ModelDeadLetter.Condition.RecordAgeExceeded : ModelDeadLetter.Condition.RetryAttemptsExhausted;
            deadLetters.add(new ModelDeadLetter(condition, d.approximateInvokeCount(),
                    index.get(d.startSequenceNumber()), index.get(d.endSequenceNumber()), d.batchSize(),
                    d.functionError(), ms(d.timestamp())));
            for (StreamRecord r : d.records()) {
                fates[index.get(r.sequenceNumber())] = condition == ModelDeadLetter.Condition.RecordAgeExceeded
                        ? RecordFate.RECORD_AGE_EXCEEDED : RecordFate.RETRY_ATTEMPTS_EXHAUSTED;
            }
        }
        List<Integer> committed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordState state = f.ledger().stateOf(records.get(i));
            if (state == RecordState.COMMITTED) {
                committed.add(i);
                fates[i] = RecordFate.COMMITTED;
            } else if (state != RecordState.SENT_TO_DESTINATION) {
                problems.add("record " + i + " ended " + state);
            }
        }
        int checkpoint = h.shards().stream().map(s -> f.checkpoint(s.id())).flatMap(java.util.Optional::stream)
                .map(index::get).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(-1);
        // rule 8.4: a window's final invocation ends the lane's work too (it succeeds and checkpoints, or is given
        // up), even with no records to move past
        long end = f.invocations().timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.CHECKPOINT
                        || e.kind() == TimelineEntry.Kind.WINDOW && e.text().startsWith("final invocation"))
                .mapToLong(e -> ms(e.at())).max().orElse(Long.MIN_VALUE);
        return new ModelResult(invocations, deadLetters, committed, java.util.Arrays.asList(fates), checkpoint, end);
    }

    private static Map<String, Integer> indexBySequenceNumber(List<StreamRecord> records) {
        Map<String, Integer> index = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).sequenceNumber(), i);
        }
        return index;
    }

    private static long ms(Instant at) {
        return Duration.between(T0, at).toMillis();
    }

    /** How the engine read an outcome, in the words {@link #expectedReading} uses. */
    static String reading(io.github.streamharness.Outcome outcome) {
        if (outcome instanceof io.github.streamharness.Outcome.Success) {
            return "OK";
        }
        if (outcome instanceof io.github.streamharness.Outcome.Throttled) {
            return "THROTTLED";
        }
        if (outcome instanceof io.github.streamharness.Outcome.PartialFailure p) {
            return "PARTIAL " + p.committedRecords();
        }
        io.github.streamharness.Outcome.FunctionError e = (io.github.streamharness.Outcome.FunctionError) outcome;
        return e.kind() + " " + e.functionError();
    }

    /**
     * How the spec reads the oracle's outcome for this batch: rule 4.1 (function errors, "Unhandled"), 4.2
     * (throttles), 5.1 (no ReportBatchItemFailures: success), 5.3 (empty: success), 5.4 and 0.6 (an invalid or
     * foreign id fails the whole batch with functionError null), 5.5 and 5.7 (commit before the lowest id; the first
     * record commits nothing).
     */
    static String expectedReading(ModelInvocation invocation, boolean reportBatchItemFailures) {
        Outcome outcome = invocation.outcome();
        if (outcome instanceof Outcome.Throttle) {
            return "THROTTLED";
        }
        if (outcome instanceof Outcome.FunctionException) {
            return "EXCEPTION Unhandled";
        }
        if (outcome instanceof Outcome.Timeout) {
            return "TIMEOUT Unhandled";
        }
        if (outcome instanceof Outcome.Success || !reportBatchItemFailures
                || ((Outcome.Partial) outcome).failures().isEmpty()) {
            return "OK";
        }
        int lowest = Integer.MAX_VALUE;
        for (ItemId id : ((Outcome.Partial) outcome).failures()) {
            if (!(id instanceof ItemId.Record r) || !invocation.records().contains(r.index())) {
                return "BATCH_FAILURE_RESPONSE null";
            }
            lowest = Math.min(lowest, invocation.records().indexOf(r.index()));
        }
        return "PARTIAL " + lowest; // rule 5.7: 0 when the first record is reported (the whole batch is retried)
    }

    /**
     * The function under test: asks the oracle about each invocation when the fault plan looks at it (so throttles
     * can be decided before the function is reached), then plays the outcome in the handler.
     */
    private static final class OracleDriver implements RequestHandler<KinesisEvent, Object> {
        private final Scenario scenario;
        private final List<StreamRecord> records;
        private Map<String, Integer> index; // set by attach, once every record is written
        private final VirtualClock clock;
        private final int[] deliveries;
        private final Map<Integer, Outcome> issued = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private MappedFunction function;
        private int invocationNumber;
        private Outcome pending;
        private List<Integer> pendingBatch;

        OracleDriver(Scenario scenario, List<StreamRecord> records, VirtualClock clock) {
            this.scenario = scenario;
            this.records = records;
            this.clock = clock;
            this.deliveries = new int[scenario.recordCount()];
        }

        void attach(MappedFunction f) {
            this.function = f;
            this.index = new HashMap<>(indexBySequenceNumber(records));
        }

        /** A record put after the mapping was created (a child's, after a reshard). */
        void add(StreamRecord record) {
            index.put(record.sequenceNumber(), index.size());
        }

        /** Called by the fault plan once per invocation, throttled or not: decides it and says whether to throttle. */
        boolean throttleNext(List<StreamRecord> batch) {
            List<Integer> indices = batch.stream().map(r -> index.get(r.sequenceNumber())).toList();
            if (indices.contains(null)) {
                problems.add("a batch holds a record that is not the lane's: " + batch);
                return false;
            }
            int number = ++invocationNumber;
            List<Integer> counts = indices.stream().map(i -> deliveries[i]).toList();
            Outcome outcome = scenario.oracle().decide(new OracleCall(number, indices, attempt(indices), counts));
            issued.put(number, outcome);
            if (outcome instanceof Outcome.Throttle) {
                return true;
            }
            indices.forEach(i -> deliveries[i]++);
            pending = outcome;
            pendingBatch = indices;
            return false;
        }

        /**
         * The attempt number of the OracleCall contract, worked out from what the lane did last: the same batch (or
         * what is left of it after an expired prefix, rule 4.6) after a throttle, or after a function error that was
         * not bisected, continues its count; anything else is a new batch (rule 0.1, 4.2, 5.6).
         */
        private int attempt(List<Integer> batch) {
            List<Invocation> done = function.invocations().all();
            if (done.isEmpty()) {
                return 1;
            }
            Invocation previous = done.get(done.size() - 1);
            List<Integer> before = previous.records().stream().map(r -> index.get(r.sequenceNumber())).toList();
            boolean suffix = batch.size() <= before.size()
                    && before.subList(before.size() - batch.size(), before.size()).equals(batch);
            io.github.streamharness.Outcome o = previous.outcome();
            boolean throttled = o instanceof io.github.streamharness.Outcome.Throttled;
            boolean noProgress = o instanceof io.github.streamharness.Outcome.PartialFailure p
                    && p.committedRecords() == 0; // rule 5.7: the whole batch again, its count going on
            boolean retried = throttled || noProgress || o instanceof io.github.streamharness.Outcome.FunctionError
                    && !(scenario.configAt(ms(previous.startedAt())).bisectBatchOnFunctionError()
                    && before.size() > 1 && !previous.isFinalInvokeForWindow()); // rule 0.11b: a final is never split
            if (batch.isEmpty() && !before.isEmpty()) {
                return 1; // rule 0.11b: a final invocation with no records after its records were given up
            }
            if (!retried || !suffix) {
                return 1;
            }
            return previous.attempt() + (throttled ? 0 : 1);
        }

        @Override
        public Object handleRequest(KinesisEvent event, Context context) {
            List<Integer> batch = event.getRecords().stream()
                    .map(r -> index.get(r.getKinesis().getSequenceNumber())).toList();
            if (!batch.equals(pendingBatch)) {
                problems.add("the handler got " + batch + " but the fault plan was asked about " + pendingBatch);
            }
            Outcome outcome = pending;
            pending = null;
            ModelConfig c = scenario.config();
            if (outcome instanceof Outcome.Timeout) {
                clock.sleep(Duration.ofMillis(c.functionTimeoutMs() + 1)); // throws: the invocation timed out
                throw new AssertionError("a sleep past the function timeout returned");
            }
            if (c.invocationDurationMs() > 0) {
                clock.sleep(Duration.ofMillis(c.invocationDurationMs()));
            }
            if (outcome instanceof Outcome.FunctionException) {
                throw new IllegalStateException("oracle: the handler fails");
            }
            ObjectNode response = outcome instanceof Outcome.Partial partial ? response(partial) : null;
            if (c.tumbling()) { // rule 8.1: an invocation in a window returns its state
                response = response == null ? JsonNodeFactory.instance.objectNode() : response;
                response.putObject("state").put("records", event.getRecords().size());
            }
            return response;
        }

        /** The {@code batchItemFailures} response for the oracle's ids (rule 5.2, 5.4). */
        private ObjectNode response(Outcome.Partial partial) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            ObjectNode root = json.objectNode();
            ArrayNode failures = root.putArray("batchItemFailures");
            for (ItemId id : partial.failures()) {
                ObjectNode entry = failures.addObject();
                if (id instanceof ItemId.Record r) {
                    entry.put("itemIdentifier", sequenceNumberOf(r.index()));
                } else if (id instanceof ItemId.EmptyString) {
                    entry.put("itemIdentifier", "");
                } else if (id instanceof ItemId.NullValue) {
                    entry.putNull("itemIdentifier");
                } else if (id instanceof ItemId.MissingKey) {
                    entry.put("foo", "bar");
                } else if (id instanceof ItemId.NumberValue n) {
                    entry.put("itemIdentifier", n.value());
                }
            }
            return root;
        }

        /** A record's sequence number; past the last record, a well-formed number no record has (rule 12.1). */
        private String sequenceNumberOf(int recordIndex) {
            if (recordIndex >= 0 && recordIndex < records.size()) {
                return records.get(recordIndex).sequenceNumber();
            }
            String last = records.get(records.size() - 1).sequenceNumber();
            return new BigInteger(last).add(BigInteger.valueOf(1L + Math.abs((long) recordIndex - records.size())))
                    .toString();
        }
    }
}
