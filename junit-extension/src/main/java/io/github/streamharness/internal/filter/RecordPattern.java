package io.github.streamharness.internal.filter;

import java.util.List;

/**
 * One compiled filter, matched against the record seen as {"data": <decoded JSON>} (rule 9.1).
 *
 * @param root        the compiled pattern
 * @param nonDataKeys its top-level keys other than {@code data}, in pattern order: Kinesis filters only on the data
 *                    key, so a pattern with any of them never matches (rule 9.1)
 */
record RecordPattern(FieldPattern.ObjectPattern root, List<String> nonDataKeys) {
    RecordPattern {
        nonDataKeys = List.copyOf(nonDataKeys);
    }
}
