package io.github.streamharness.internal.invoke;

import io.github.streamharness.StreamRecord;

import java.util.List;

/** Decides the faults of an invocation (the harness's FaultPlan). */
public interface FaultSource {
    /** No faults ever. */
    FaultSource NONE = (shardId, batch, invocationNumber) -> InjectedFaults.NONE;

    /**
     * The faults for invocation {@code invocationNumber} (1-based, per mapping) of {@code batch}; a cold start it
     * sets applies only if the invocation turns out cold ({@code ExecutionEnvironment.serve()}, rule 15.2, 0.15).
     */
    InjectedFaults faultsFor(String shardId, List<StreamRecord> batch, int invocationNumber);
}
