package io.github.streamharness.internal.invoke;

import io.github.streamharness.StreamRecord;

import java.util.List;

/** Decides the faults of an invocation (the harness's FaultPlan). */
public interface FaultSource {
    /** No faults ever. */
    FaultSource NONE = (shardId, batch, invocationNumber, newEnvironment) -> InjectedFaults.NONE;

    /** The faults for invocation {@code invocationNumber} (1-based, per mapping) of {@code batch}. */
    InjectedFaults faultsFor(String shardId, List<StreamRecord> batch, int invocationNumber, boolean newEnvironment);
}
