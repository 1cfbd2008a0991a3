package io.github.streamharness.model;

import java.util.List;

/**
 * One invocation the reference model made (throttled ones included).
 *
 * @param number  1-based position in the lane's invocation sequence
 * @param records the batch's record indices, in order
 * @param attempt the attempt number of this batch (see {@link OracleCall#attempt()})
 * @param outcome what the oracle decided
 * @param startMs when the invocation started
 * @param endMs   when it ended (start + timeout for a timeout, start + Init + duration otherwise, start for a
 *                throttle)
 * @param coldStart whether a new on-demand execution environment served it (rule 15.2, 0.14)
 */
public record ModelInvocation(int number, List<Integer> records, int attempt, Outcome outcome, long startMs,
                              long endMs, boolean coldStart) {

    /** A warm invocation (or one that never reached the function). */
    public ModelInvocation(int number, List<Integer> records, int attempt, Outcome outcome, long startMs,
                           long endMs) {
        this(number, records, attempt, outcome, startMs, endMs, false);
    }

    /** Copies the record list. */
    public ModelInvocation {
        records = List.copyOf(records);
    }

    /** The first record index of the batch. */
    public int first() {
        return records.get(0);
    }

    /** The last record index of the batch. */
    public int last() {
        return records.get(records.size() - 1);
    }
}
