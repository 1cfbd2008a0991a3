package io.github.streamharness;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tumbling window of one lane (section 8): the invocations that aggregated it and its final invocation, read off
 * the invocation log.
 *
 * @param shardId     the shard
 * @param lane        the lane (0 with ParallelizationFactor 1); with ParallelizationFactor N each lane keeps its own
 *                    state per window (a modelled choice, see docs/esm-rules.md)
 * @param start       the window's start, aligned to a multiple of its length since the epoch (rule 8.3)
 * @param end         the window's end (exclusive)
 * @param invocations the window's invocations in order, retries and the final invocation included
 */
public record TumblingWindow(String shardId, int lane, Instant start, Instant end, List<Invocation> invocations) {
    /** Copies the list. */
    public TumblingWindow {
        invocations = List.copyOf(invocations);
    }

    /** The window's last successful final invocation (rule 8.4), if it had one yet. */
    public Optional<Invocation> finalInvocation() {
        Invocation last = null;
        for (Invocation i : invocations) {
            if (i.isFinalInvokeForWindow() && i.outcome() instanceof Outcome.Success) {
                last = i;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether the window's final invocation succeeded: the window is closed and its state dropped (rule 8.4). */
    public boolean isClosed() {
        return finalInvocation().isPresent();
    }

    /**
     * The state the successful final invocation returned: the window's aggregate once the final records are in.
     * Empty while the window is open.
     */
    public Optional<Map<String, String>> finalState() {
        return finalInvocation().flatMap(i -> i.window().returnedState());
    }

    /** Whether the window ended early because its state grew over 1 MB (rule 8.4, isWindowTerminatedEarly). */
    public boolean isTerminatedEarly() {
        return invocations.stream().anyMatch(i -> i.window().isWindowTerminatedEarly());
    }

    /** The records delivered in the window's invocations that reached the function, in order, repeats included. */
    public List<StreamRecord> deliveredRecords() {
        return invocations.stream().filter(i -> !(i.outcome() instanceof Outcome.Throttled))
                .flatMap(i -> i.records().stream()).toList();
    }
}
