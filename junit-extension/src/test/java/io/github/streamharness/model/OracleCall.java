package io.github.streamharness.model;

import java.util.List;

/**
 * Everything an {@link Oracle} may look at to decide one invocation's outcome. All fields can be computed by the
 * reference model and by the engine alike, so both can ask the same oracle.
 *
 * @param invocationNumber 1 for the lane's first invocation, counting every invocation including throttled ones
 * @param records          the record indices of the batch, in order
 * @param attempt          1 + the number of earlier invocations of this batch that reached the function (throttles
 *                         are not attempts, rule 4.2); restarts at 1 for bisected halves (rule 0.1) and partial
 *                         remainders (rule 5.6)
 * @param deliveryCounts   for each record of {@code records}, how many earlier invocations delivered it to the
 *                         function (throttled invocations delivered nothing)
 */
public record OracleCall(int invocationNumber, List<Integer> records, int attempt, List<Integer> deliveryCounts) {

    /** Copies the lists and checks that they line up. */
    public OracleCall {
        records = List.copyOf(records);
        deliveryCounts = List.copyOf(deliveryCounts);
        if (records.size() != deliveryCounts.size()) { // empty for a window's final invocation (rule 0.11b)
            throw new IllegalArgumentException("records and deliveryCounts must be of equal size");
        }
    }

    /** How many earlier invocations delivered the record at position {@code i} of the batch. */
    public int deliveryCountAt(int i) {
        return deliveryCounts.get(i);
    }

    /** Whether the batch holds the record with this index. */
    public boolean contains(int recordIndex) {
        return records.contains(recordIndex);
    }
}
