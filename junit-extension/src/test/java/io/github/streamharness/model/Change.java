package io.github.streamharness.model;

/**
 * A change in the middle of a scenario (issue 16): the stream is resharded, or the mapping is updated, while the
 * lane works.
 *
 * <p>A {@link Kind#SPLIT} or {@link Kind#MERGE} at {@code atMs} closes the records' shard; records
 * {@code firstChildRecord..n-1} are written at {@code atMs} into the child that takes the key (for a merge, the
 * records' shard merges with the other, empty, shard of a two-shard stream; {@code givenFirst} says which is the
 * shard given). Rule 0.10: the child is read only after the parent is read to its end, so the model runs the parent's
 * records, then the child's from max(parent's end, atMs).
 *
 * <p>An {@link Kind#UPDATE} at {@code atMs} replaces the mapping's parameters with {@code updated} (the same
 * durations): rule 18.1, an invocation that starts after {@code atMs} is cut, read and decided under the new
 * configuration; one that started at or before it under the old one.
 *
 * @param kind             what changes
 * @param atMs             when, in model time; not before the scenario's start
 * @param firstChildRecord the first record written into the child (split, merge); ignored for an update
 * @param givenFirst       merge only: whether the records' shard is the shard given (else the adjacent one)
 * @param updated          update only: the configuration from {@code atMs} on
 */
public record Change(Kind kind, long atMs, int firstChildRecord, boolean givenFirst, ModelConfig updated) {

    /** Kinds of change. */
    public enum Kind { SPLIT, MERGE, UPDATE }

    /** Checks the parts each kind needs. */
    public Change {
        if (kind == Kind.UPDATE && updated == null) {
            throw new IllegalArgumentException("an update needs the new configuration");
        }
        if (kind != Kind.UPDATE && firstChildRecord < 0) {
            throw new IllegalArgumentException("the first child record cannot be negative");
        }
    }

    /** Whether the change reshards the stream. */
    public boolean reshards() {
        return kind != Kind.UPDATE;
    }

    /** A copy with the child's first record moved (when records are dropped before it). */
    public Change withFirstChildRecord(int value) {
        return new Change(kind, atMs, value, givenFirst, updated);
    }
}
