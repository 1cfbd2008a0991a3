package io.github.streamharness;

import io.github.streamharness.internal.mapping.MappingEngine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Where every record stands for one mapping: each record written to the stream is in exactly one
 * {@link RecordState}. A live view; {@link #verify()} checks that nothing was lost or counted twice.
 */
public final class Ledger {
    private final MappedFunction function;
    private final MappingEngine engine;
    private final LongSupplier writtenTotal;

    Ledger(MappedFunction function, MappingEngine engine, LongSupplier writtenTotal) {
        this.function = function;
        this.engine = engine;
        this.writtenTotal = writtenTotal;
    }

    /** The state of {@code record} for this mapping. */
    public RecordState stateOf(StreamRecord record) {
        return engine.ledger().stateOf(record);
    }

    /** Number of records in {@code state}. */
    public long count(RecordState state) {
        return engine.ledger().ledgerCounts()[state.ordinal()];
    }

    /** Records per state (every state present, zeros included). */
    public Map<RecordState, Long> counts() {
        long[] c = engine.ledger().ledgerCounts();
        Map<RecordState, Long> map = new EnumMap<>(RecordState.class);
        for (RecordState s : RecordState.values()) {
            map.put(s, c[s.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The records in {@code state}, shard by shard, in sequence order. */
    public List<StreamRecord> records(RecordState state) {
        return engine.ledger().recordsIn(state);
    }

    /** Number of records written to the stream. */
    public long total() {
        return writtenTotal.getAsLong();
    }

    /**
     * Checks the ledger: every record is in exactly one state, the pending count equals what the lanes hold, the
     * records sent to the destination are exactly those the messages cover, and every committed record was
     * delivered by some invocation.
     *
     * @throws IllegalStateException listing every inconsistency found
     */
    public void verify() {
        List<String> problems = new ArrayList<>();
        long[] c = engine.ledger().ledgerCounts();
        long[] recount = engine.ledger().ledgerRecount();
        if (!java.util.Arrays.equals(c, recount)) {
            problems.add("the state counters " + java.util.Arrays.toString(c) + " disagree with the records' states "
                    + java.util.Arrays.toString(recount));
        }
        long sum = 0;
        for (long v : c) {
            sum += v;
        }
        if (sum != total()) {
            problems.add("states add up to " + sum + " records but " + total() + " were written");
        }
        problems.addAll(engine.ledger().stuckLanes());
        long queued = engine.ledger().queuedRecords();
        if (queued != c[RecordState.PENDING.ordinal()]) {
            problems.add(c[RecordState.PENDING.ordinal()] + " records are PENDING but the lanes hold " + queued);
        }
        // counts always; identities for the records the shards still hold (long runs may release committed ones)
        List<DeadLetter> messages = function.hasDestination() ? function.deadLetterQueue().messages() : List.of();
        long inMessages = 0;
        for (DeadLetter m : messages) {
            inMessages += m.batchSize();
        }
        long sentCount = c[RecordState.SENT_TO_DESTINATION.ordinal()];
        if (sentCount != inMessages) {
            problems.add(sentCount + " records are SENT_TO_DESTINATION but the on-failure messages cover "
                    + inMessages);
        }
        Set<StreamRecord> covered = new HashSet<>();
        for (DeadLetter m : messages) {
            for (StreamRecord r : m.records()) {
                if (!covered.add(r)) {
                    problems.add(r + " is covered by two on-failure messages");
                }
            }
        }
        // the records' own states have none in SENT_TO_DESTINATION: no need to list them (most tests)
        List<StreamRecord> sent = recount[RecordState.SENT_TO_DESTINATION.ordinal()] == 0 ? List.of()
                : records(RecordState.SENT_TO_DESTINATION);
        for (StreamRecord r : sent) {
            if (!covered.contains(r)) {
                problems.add("SENT_TO_DESTINATION record " + r + " is in no on-failure message");
                break;
            }
        }
        InvocationLog log = function.invocations();
        List<Invocation> invocations = log.lastEnded(Integer.MAX_VALUE); // the retained ones; their order is moot
        if (invocations.size() == log.count()) {
            StreamRecord undelivered = firstUndelivered(invocations);
            if (undelivered != null) {
                problems.add("COMMITTED record " + undelivered + " was never delivered");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ledger of " + function.functionName() + " is inconsistent: "
                    + String.join("; ", problems));
        }
    }

    /**
     * The first COMMITTED record (shard by shard, in order) that no invocation but a throttled one delivered, or
     * null. Reads the engine's batches by record index (issue 19: hashing every delivered record was most of
     * {@link #verify()}, which runs after every test).
     */
    StreamRecord firstUndelivered(List<Invocation> invocations) {
        List<List<StreamRecord>> delivered = new ArrayList<>(invocations.size());
        for (Invocation i : invocations) {
            if (!(i.outcome() instanceof Outcome.Throttled)) {
                delivered.add(i.records());
            }
        }
        return engine.ledger().firstNotIn(RecordState.COMMITTED, delivered);
    }

    @Override
    public String toString() {
        return "Ledger" + counts();
    }
}
