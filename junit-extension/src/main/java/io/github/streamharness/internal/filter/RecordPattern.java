package io.github.streamharness.internal.filter;

/**
 * One compiled filter. The record is seen as {"partitionKey": ..., "data": <decoded JSON>}; {@code usesData} says
 * whether the pattern has a data key, so that a record whose data is not JSON is dropped by it (spec 9.3).
 */
record RecordPattern(FieldPattern.ObjectPattern root, boolean usesData) {
}
