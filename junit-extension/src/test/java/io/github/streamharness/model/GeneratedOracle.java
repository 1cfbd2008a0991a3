package io.github.streamharness.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A random but deterministic oracle, described entirely by data so it can be printed, compared, replayed by an
 * engine adapter and shrunk: poison and flaky records, how their failure shows, and seeded throttles.
 *
 * @param faults                the faulty records by index
 * @param throttlePercent       the chance, 0..99, that an invocation is throttled (rule 4.2)
 * @param throttleSalt          seeds the throttle decision, which depends only on the invocation number
 * @param emptyPartialOnSuccess answer {@code {"batchItemFailures":[]}} instead of nothing when nothing fails
 * @param overReport            partial responses also name the batch's last record and repeat the first failed
 *                              one (harmless: only the lowest id counts, rule 5.5)
 */
public record GeneratedOracle(SortedMap<Integer, RecordFault> faults, int throttlePercent, long throttleSalt,
                              boolean emptyPartialOnSuccess, boolean overReport) implements Oracle {

    /** How a failing record makes its invocation fail; the first constant is the simplest. */
    public enum FailureStyle {
        /** The handler throws (rule 4.1). */
        EXCEPTION,
        /** The handler times out (rule 0.4). */
        TIMEOUT,
        /** A partial response naming every failing record of the batch (rule 5.5). */
        PARTIAL,
        /** A partial response with the failing records plus {@code ""} (rule 5.4). */
        PARTIAL_EMPTY_STRING,
        /** A partial response with the failing records plus {@code null} (rule 5.4). */
        PARTIAL_NULL,
        /** A partial response with the failing records plus an entry without the key (rule 5.4). */
        PARTIAL_MISSING_KEY,
        /** A partial response with the failing records plus the number 123 (rule 5.4). */
        PARTIAL_NUMBER,
        /** A partial response with the failing records plus the record after the batch (rule 0.6). */
        PARTIAL_FOREIGN_RECORD
    }

    /**
     * One faulty record.
     *
     * @param failures how many of its deliveries fail: the first {@code failures} ones; {@link #ALWAYS} for poison
     * @param style    how the failure shows
     */
    public record RecordFault(int failures, FailureStyle style) {
        /** A poison record: every delivery fails. */
        public static final int ALWAYS = Integer.MAX_VALUE;

        /** Checks the count. */
        public RecordFault {
            if (failures < 1) {
                throw new IllegalArgumentException("a fault fails at least once");
            }
        }
    }

    /** Copies the faults into a sorted, unmodifiable map. */
    public GeneratedOracle {
        faults = Collections.unmodifiableSortedMap(new TreeMap<>(faults));
        if (throttlePercent < 0 || throttlePercent > 99) {
            throw new IllegalArgumentException("throttlePercent must be 0..99 so that a lane always moves on");
        }
    }

    /** An oracle without faults: every invocation succeeds. */
    public static GeneratedOracle allSucceed() {
        return new GeneratedOracle(new TreeMap<>(), 0, 0, false, false);
    }

    @Override
    public Outcome decide(OracleCall call) {
        if (throttlePercent > 0
                && new SplittableRandom(throttleSalt + call.invocationNumber()).nextInt(100) < throttlePercent) {
            return Outcome.THROTTLE;
        }
        List<ItemId> failing = new ArrayList<>();
        for (int i = 0; i < call.records().size(); i++) {
            RecordFault fault = faults.get(call.records().get(i));
            if (fault != null && call.deliveryCountAt(i) < fault.failures()) {
                failing.add(ItemId.record(call.records().get(i)));
            }
        }
        if (failing.isEmpty()) {
            return emptyPartialOnSuccess ? Outcome.partial() : Outcome.SUCCESS;
        }
        // the first failing record decides how the invocation fails
        FailureStyle style = faults.get(((ItemId.Record) failing.get(0)).index()).style();
        if (style == FailureStyle.EXCEPTION) {
            return Outcome.EXCEPTION;
        }
        if (style == FailureStyle.TIMEOUT) {
            return Outcome.TIMEOUT;
        }
        if (overReport) {
            failing.add(ItemId.record(lastOf(call)));
            failing.add(failing.get(0));
        }
        switch (style) {
            case PARTIAL_EMPTY_STRING -> failing.add(new ItemId.EmptyString());
            case PARTIAL_NULL -> failing.add(new ItemId.NullValue());
            case PARTIAL_MISSING_KEY -> failing.add(new ItemId.MissingKey());
            case PARTIAL_NUMBER -> failing.add(new ItemId.NumberValue(123));
            case PARTIAL_FOREIGN_RECORD -> failing.add(ItemId.record(lastOf(call) + 1));
            default -> { }
        }
        return new Outcome.Partial(failing);
    }

    private static int lastOf(OracleCall call) {
        return call.records().get(call.records().size() - 1);
    }

    /** The same oracle for the records left after removing indices {@code [from, to)} (later ones move down). */
    public GeneratedOracle withoutRecords(int from, int to) {
        SortedMap<Integer, RecordFault> kept = new TreeMap<>();
        faults.forEach((index, fault) -> {
            if (index < from) {
                kept.put(index, fault);
            } else if (index >= to) {
                kept.put(index - (to - from), fault);
            }
        });
        return new GeneratedOracle(kept, throttlePercent, throttleSalt, emptyPartialOnSuccess, overReport);
    }

    /** A copy with the record's fault replaced, or removed when {@code fault} is null. */
    public GeneratedOracle withFault(int index, RecordFault fault) {
        SortedMap<Integer, RecordFault> copy = new TreeMap<>(faults);
        if (fault == null) {
            copy.remove(index);
        } else {
            copy.put(index, fault);
        }
        return new GeneratedOracle(copy, throttlePercent, throttleSalt, emptyPartialOnSuccess, overReport);
    }

    /** A copy with other throttling and response options. */
    public GeneratedOracle withOptions(int throttles, boolean emptyPartial, boolean overReporting) {
        return new GeneratedOracle(faults, throttles, throttleSalt, emptyPartial, overReporting);
    }

}
