package io.github.streamharness.model;

/**
 * Decides the outcome of each invocation. It must be a pure function of its {@link OracleCall}, so the reference
 * model and the engine, asked the same question, get the same answer.
 */
@FunctionalInterface
public interface Oracle {

    /** The outcome of the invocation described by {@code call}. */
    Outcome decide(OracleCall call);
}
