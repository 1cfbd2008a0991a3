package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamRecord;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

import static io.github.streamharness.assertj.KinesisRepresentation.KINESIS_REPRESENTATION;
import static io.github.streamharness.assertj.ShouldHaveBatchSizes.shouldHaveNoBatchLargerThan;
import static io.github.streamharness.assertj.ShouldHaveBatchSizes.shouldHaveNoBatchOver;
import static io.github.streamharness.assertj.ShouldHaveDeliveries.shouldBeDeliveredTimes;
import static io.github.streamharness.assertj.ShouldHaveDeliveries.shouldBeRedeliveredOnlyAfter;
import static io.github.streamharness.assertj.ShouldHaveDeliveries.shouldHaveInvocationCount;
import static io.github.streamharness.assertj.ShouldKeepOrder.shouldKeepOrder;

/**
 * Assertions on what a mapping invoked: how often, which record reached the function how many times, whether
 * records came again only after a failure, whether order was kept, and batch sizes. A delivery is an invocation that
 * reached the function: throttled attempts (rule 4.2) do not count. Failure messages end with the log's timeline.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractInvocationLogAssert<SELF extends AbstractInvocationLogAssert<SELF>>
        extends AbstractStreamAssert<SELF, InvocationLog> {
    /** The synchronous invoke payload limit: 6 MB (rule 2.5). */
    private static final long SIX_MB = 6_291_456L;


    /** Creates the assertion; the log is its own timeline. */
    protected AbstractInvocationLogAssert(InvocationLog actual, Class<?> selfType) {
        super(actual, selfType);
        this.timeline = actual;
    }

    /** Verifies the number of invocations ever made, throttled attempts included. */
    public SELF hasInvocationCount(int expected) {
        isNotNull();
        if (actual.count() != expected) {
            throwAssertionErrorWithDiff(shouldHaveInvocationCount(actual.functionName(), expected, actual.count(), story()), expected, actual.count());
        }
        return myself;
    }

    /** Verifies how many invocations timed out (rule 0.4), injected timeouts and watchdog stops included. */
    public SELF hasTimeouts(int expected) {
        return hasInvocationsThat("timed out", expected, i -> i.outcome() instanceof Outcome.FunctionError fe
                && fe.kind() == Outcome.ErrorKind.TIMEOUT);
    }

    /** Verifies how many invocations ran in a new execution environment (a cold start). */
    public SELF hasColdStarts(int expected) {
        return hasInvocationsThat("started cold", expected, Invocation::coldStart);
    }

    /** Verifies that no invocation was throttled (reserved concurrency, rule 15.3, or an injected throttle). */
    public SELF hasNoThrottles() {
        return hasInvocationsThat("were throttled", 0, i -> i.outcome() instanceof Outcome.Throttled);
    }

    /**
     * Verifies the most invocations that ran at once (rule 15.3, 15.5): the peak number of execution environments
     * busy at one virtual instant, each invocation that reached the function busy from its start (the start of Init)
     * to its end. An invocation that took no virtual time counts at its instant.
     */
    public SELF hasMaxConcurrency(int expected) {
        isNotNull();
        Concurrency.Peak peak = Concurrency.peak(actual.all());
        if (peak.count() != expected) {
            throwAssertionError(ShouldHaveDeliveries.shouldHaveMaxConcurrency(actual.functionName(), expected, peak,
                    story()));
        }
        return myself;
    }

    private SELF hasInvocationsThat(String what, int expected, java.util.function.Predicate<Invocation> test) {
        isNotNull();
        List<Invocation> matching = actual.where(test);
        if (matching.size() != expected) {
            throwAssertionErrorWithDiff(ShouldHaveDeliveries.shouldHaveInvocationsThat(actual.functionName(), what, expected,
                    matching, story()), expected, matching.size());
        }
        return myself;
    }

    /** Verifies that each of {@code records} reached the function exactly once: no retry, no duplicate. */
    public SELF deliveredExactlyOnce(StreamRecord... records) {
        for (StreamRecord r : Objects.requireNonNull(records, "records")) {
            deliveredTimes(r, 1);
        }
        return myself;
    }

    /**
     * Verifies that the harness raised no warning for this mapping: no ignored batch item failures, no records
     * discarded without a destination, no delivery failure, no watchdog stop, ...
     */
    public SELF hasNoWarnings() {
        isNotNull();
        List<String> warnings = actual.warningEntries().stream().map(e -> "[" + e.warning() + "] " + e.text())
                .toList();
        if (!warnings.isEmpty()) {
            throwAssertionError(ShouldHaveOutcome.shouldHaveNoWarnings(actual.functionName(), warnings, story()));
        }
        return myself;
    }

    /**
     * Assertions on the invocation numbered {@code number} (1 is the first, as in the timeline).
     *
     * @throws IllegalArgumentException when no retained invocation has that number
     */
    public InvocationAssert invocation(int number) {
        isNotNull();
        Invocation invocation = actual.all().stream().filter(i -> i.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invocation #" + number + " in the log of "
                        + actual.functionName() + " (it holds " + actual.count() + ")"));
        return open(InvocationAssert.class, Invocation.class, invocation, InvocationAssert::new, actual);
    }

    /** Verifies that {@code record} reached the function exactly {@code times} times. */
    public SELF deliveredTimes(StreamRecord record, int times) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        List<Invocation> deliveries = actual.deliveriesOf(record);
        if (deliveries.size() != times) {
            throwAssertionErrorWithDiff(shouldBeDeliveredTimes(actual.functionName(), record, times, deliveries, story()), times, deliveries.size());
        }
        return myself;
    }

    /** Verifies that none of {@code records} ever reached the function (filtered, too old, or not reached yet). */
    public SELF neverDelivered(StreamRecord... records) {
        for (StreamRecord r : Objects.requireNonNull(records, "records")) {
            deliveredTimes(r, 0);
        }
        return myself;
    }

    /**
     * Verifies that a record reached the function again only after an invocation that held it failed for it: a
     * function error (rule 4.1, 4.7) or a partial batch response that did not commit it (rule 5.5). A record
     * delivered again after its batch succeeded is a duplicate the mapping should not have made.
     */
    public SELF redeliveredOnlyAfterFailure() {
        return redeliveredOnlyAfter("a failure", (previous, record) -> failedFor(previous.outcome(), record));
    }

    /**
     * Verifies that a record reached the function again only after an invocation that held it ended with an
     * outcome of type {@code failure}, e.g. {@code Outcome.FunctionError.class}; a partial failure counts only for
     * the records it did not commit.
     */
    public SELF redeliveredOnlyAfter(Class<? extends Outcome> failure) {
        Objects.requireNonNull(failure, "failure");
        return redeliveredOnlyAfter("a " + failure.getSimpleName(),
                (previous, record) -> failure.isInstance(previous.outcome()) && failedFor(previous.outcome(), record));
    }

    private SELF redeliveredOnlyAfter(String failure, BiPredicate<Invocation, StreamRecord> allowsRedelivery) {
        isNotNull();
        Map<StreamRecord, Invocation> last = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Invocation i : deliveries()) {
            for (StreamRecord r : i.records()) {
                Invocation previous = last.put(r, i);
                if (previous != null && !allowsRedelivery.test(previous, r)) {
                    violations.add(KINESIS_REPRESENTATION.toStringOf(r) + "\n    in #" + i.number() + " after #"
                            + previous.number() + " -> " + previous.outcome().label());
                }
            }
        }
        if (!violations.isEmpty()) {
            throwAssertionError(shouldBeRedeliveredOnlyAfter(actual.functionName(), failure, violations, story()));
        }
        return myself;
    }

    /**
     * Verifies that the records of each shard reached the function in sequence order (rule 3.1): every batch is in
     * ascending order and no batch starts before an earlier batch of its shard (retries and bisected halves start at
     * or after it). With ParallelizationFactor above 1 only per-key order is guaranteed (rule 3.2).
     */
    public SELF keptOrderPerShard() {
        return keptOrder("shard", StreamRecord::shardId);
    }

    /** As {@link #keptOrderPerShard()}, for the records of each partition key (rule 3.2). */
    public SELF keptOrderPerPartitionKey() {
        return keptOrder("partition key", r -> r.shardId() + " pk=" + r.partitionKey());
    }

    /**
     * As {@link #keptOrderPerPartitionKey()}, following each key from a parent shard into its children after a split
     * or merge (rule 11.1, 0.10): a key's records reached the function in (shard, sequence) order, a child's shard
     * numbered after its parents'. For keys routed by their MD5 (an explicit hash key can send one key to unrelated
     * shards).
     */
    public SELF keptOrderPerPartitionKeyAcrossResharding() {
        return keptOrder("partition key across resharding", StreamRecord::partitionKey,
                java.util.Comparator.comparing((StreamRecord r) -> Long.parseLong(r.shardId()
                        .substring(r.shardId().lastIndexOf('-') + 1))).thenComparing(r -> sequence(r)));
    }

    private SELF keptOrder(String scope, Function<StreamRecord, String> group) {
        return keptOrder(scope, group, java.util.Comparator.comparing(r -> sequence(r)));
    }

    private SELF keptOrder(String scope, Function<StreamRecord, String> group,
                           java.util.Comparator<StreamRecord> order) {
        isNotNull();
        Map<String, Invocation> previousBatch = new HashMap<>();
        Map<String, StreamRecord> previousFirst = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Invocation i : deliveries()) {
            Map<String, List<StreamRecord>> groups = new LinkedHashMap<>();
            for (StreamRecord r : i.records()) {
                groups.computeIfAbsent(group.apply(r), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<StreamRecord>> g : groups.entrySet()) {
                List<StreamRecord> rs = g.getValue();
                for (int k = 1; k < rs.size(); k++) {
                    if (order.compare(rs.get(k), rs.get(k - 1)) <= 0) {
                        violations.add(g.getKey() + ": #" + i.number() + " holds "
                                + KINESIS_REPRESENTATION.toStringOf(rs.get(k)) + " after "
                                + KINESIS_REPRESENTATION.toStringOf(rs.get(k - 1)));
                    }
                }
                StreamRecord first = rs.get(0);
                StreamRecord before = previousFirst.get(g.getKey());
                if (before != null && order.compare(first, before) < 0) {
                    violations.add(g.getKey() + ": #" + i.number() + " starts at "
                            + KINESIS_REPRESENTATION.toStringOf(first) + ", before #"
                            + previousBatch.get(g.getKey()).number() + " which started at "
                            + KINESIS_REPRESENTATION.toStringOf(before));
                }
                previousFirst.put(g.getKey(), first);
                previousBatch.put(g.getKey(), i);
            }
        }
        if (!violations.isEmpty()) {
            int lanes = actual.all().stream().mapToInt(Invocation::lane).max().orElse(0) + 1;
            String hint = scope.equals("shard") && lanes > 1 ? "The mapping ran " + lanes + " lanes per shard "
                    + "(ParallelizationFactor > 1), which keep the order of each partition key, not of the shard "
                    + "(rule 3.2): assert keptOrderPerPartitionKey() instead." : null;
            throwAssertionError(shouldKeepOrder(actual.functionName(), scope, violations, hint, story()));
        }
        return myself;
    }

    /** Verifies that no invocation received more than {@code max} records (BatchSize, rule 2.3). */
    public SELF noBatchLargerThan(int max) {
        isNotNull();
        List<String> offending = actual.all().stream().filter(i -> i.batchSize() > max)
                .map(i -> KINESIS_REPRESENTATION.toStringOf(i)).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldHaveNoBatchLargerThan(actual.functionName(), max, offending, story()));
        }
        return myself;
    }

    /**
     * Verifies that no invocation received an event JSON over 6 MB (6,291,456 bytes, rule 2.5, 0.7), measured
     * exactly as the engine measures it.
     */
    public SELF noBatchOver6MB() {
        isNotNull();
        List<String> offending = new ArrayList<>();
        for (Invocation i : actual.all()) {
            long size = actual.eventSizeBytes(i);
            if (size > SIX_MB) {
                offending.add(KINESIS_REPRESENTATION.toStringOf(i) + ": " + size + " bytes"
                        + (i.batchSize() == 1 ? " (one record larger than the limit is delivered alone, rule 0.7)"
                        : ""));
            }
        }
        if (!offending.isEmpty()) {
            throwAssertionError(shouldHaveNoBatchOver(actual.functionName(), SIX_MB, offending,
                    story()));
        }
        return myself;
    }

    private List<Invocation> deliveries() {
        return actual.all().stream().filter(i -> !(i.outcome() instanceof Outcome.Throttled))
                .sorted(Comparator.comparingInt(Invocation::number)).toList();
    }

    private static boolean failedFor(Outcome outcome, StreamRecord record) {
        if (outcome instanceof Outcome.FunctionError) {
            return true;
        }
        if (outcome instanceof Outcome.PartialFailure partial) {
            // records before the checkpoint sequence number are committed, the rest is retried (rule 5.5)
            return sequence(record).compareTo(new BigInteger(partial.checkpointSequenceNumber())) >= 0;
        }
        return false;
    }

    private static BigInteger sequence(StreamRecord record) {
        return new BigInteger(record.sequenceNumber());
    }
    /**
     * Assertions on the tumbling window starting at {@code start} (section 8), e.g.
     * {@code assertThat(function).window(Instant.parse("2026-01-01T00:01:00Z")).hasFinalState(Map.of("count", "3"))}.
     * Fails when no lane had that window, and asks for {@link #window(String, java.time.Instant)} when several did.
     */
    public TumblingWindowAssert window(java.time.Instant start) {
        return window(null, start);
    }

    /** Assertions on the tumbling window of {@code shardId} starting at {@code start} (section 8). */
    public TumblingWindowAssert window(String shardId, java.time.Instant start) {
        isNotNull();
        Objects.requireNonNull(start, "start");
        java.util.List<io.github.streamharness.TumblingWindow> found = actual.windows(start).stream()
                .filter(w -> shardId == null || w.shardId().equals(shardId)).toList();
        if (found.size() != 1) {
            failWithMessage(found.isEmpty()
                    ? "%nExpecting a tumbling window starting at %s%s, but the windows were:%n  %s%n%s"
                    : "%nExpecting one tumbling window starting at %s%s, but several lanes or shards had one: %s; "
                    + "name the shard, or read windows(start)%n%s", start,
                    shardId == null ? "" : " in " + shardId, found.isEmpty() ? actual.windows().stream()
                            .map(w -> w.shardId() + "/" + w.lane() + " " + w.start()).toList()
                            : found.stream().map(w -> w.shardId() + "/" + w.lane()).toList(), story());
        }
        return open(TumblingWindowAssert.class, io.github.streamharness.TumblingWindow.class, found.get(0),
                TumblingWindowAssert::new, actual);
    }
}
