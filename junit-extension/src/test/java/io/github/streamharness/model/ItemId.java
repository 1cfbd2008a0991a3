package io.github.streamharness.model;

/**
 * One {@code itemIdentifier} entry of a partial batch response (rule 5.2), as the reference model sees it: a record
 * (by index) or one of the malformed forms of rule 5.4.
 *
 * <p>An engine adapter turns a {@link Record} into that record's sequence number string, and an index outside
 * 0..n-1 into a well-formed sequence number that no record has; the other forms become the literal JSON of rule 5.4.
 */
public sealed interface ItemId {

    /** The identifier of the record with this index; well-formed, and valid only if the record is in the batch. */
    record Record(int index) implements ItemId {
    }

    /** {@code "itemIdentifier": ""}: always invalid (rule 5.4). */
    record EmptyString() implements ItemId {
    }

    /** {@code "itemIdentifier": null}: always invalid (rule 5.4). */
    record NullValue() implements ItemId {
    }

    /** An entry without the {@code itemIdentifier} key, e.g. {@code {"foo":"bar"}}: always invalid (rule 5.4). */
    record MissingKey() implements ItemId {
    }

    /** A JSON number such as {@code 123}, never a sequence number of the batch: always invalid (rule 5.4). */
    record NumberValue(long value) implements ItemId {
    }

    /** Shorthand for {@link Record}. */
    static ItemId record(int index) {
        return new Record(index);
    }
}
