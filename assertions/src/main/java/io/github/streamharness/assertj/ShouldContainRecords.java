package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.StreamRecord;

import java.util.List;

/** Messages of the record assertions of {@link AbstractDeadLetterQueueAssert}. */
final class ShouldContainRecords extends StreamErrorMessageFactory {

    private ShouldContainRecords(Parts parts, String story) {
        super(parts, story);
    }

    private static Parts expecting(String destinationArn, List<StreamRecord> actual) {
        return new Parts().text("Expecting the records sent to the on-failure destination ").plain(destinationArn)
                .text(":%n  ").value(actual);
    }

    /** containsOnly: the expected records in any order, and nothing else. */
    static ShouldContainRecords shouldContainOnly(String destinationArn, List<StreamRecord> actual,
                                                  List<StreamRecord> expected, List<StreamRecord> missing,
                                                  List<StreamRecord> unexpected, String story) {
        Parts p = expecting(destinationArn, actual).text("%nto contain only:%n  ").value(expected);
        if (!missing.isEmpty()) {
            p.text("%nbut could not find these records:%n  ").value(missing);
        }
        if (!unexpected.isEmpty()) {
            p.text(missing.isEmpty() ? "%nbut these records were unexpected:%n  " : "%nand these records were unexpected:%n  ")
                    .value(unexpected);
        }
        return new ShouldContainRecords(p, story);
    }

    /** containsExactly: the expected records in this order, and nothing else. */
    static ShouldContainRecords shouldContainExactly(String destinationArn, List<StreamRecord> actual,
                                                     List<StreamRecord> expected, List<StreamRecord> missing,
                                                     List<StreamRecord> unexpected, int firstDifference,
                                                     String story) {
        Parts p = expecting(destinationArn, actual).text("%nto contain exactly (and in this order):%n  ")
                .value(expected);
        if (!missing.isEmpty()) {
            p.text("%nbut could not find these records:%n  ").value(missing);
        }
        if (!unexpected.isEmpty()) {
            p.text(missing.isEmpty() ? "%nbut these records were unexpected:%n  " : "%nand these records were unexpected:%n  ")
                    .value(unexpected);
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            p.text("%nbut the order differs from index " + firstDifference + " on: expected%n  ")
                    .value(expected.get(firstDifference)).text("%nbut found%n  ").value(actual.get(firstDifference));
        }
        return new ShouldContainRecords(p, story);
    }

    /** contains: at least the expected records. */
    static ShouldContainRecords shouldContain(String destinationArn, List<StreamRecord> actual,
                                              List<StreamRecord> expected, List<StreamRecord> missing, String story) {
        return new ShouldContainRecords(expecting(destinationArn, actual).text("%nto contain:%n  ").value(expected)
                .text("%nbut could not find these records:%n  ").value(missing), story);
    }

    /** doesNotContain: none of the records. */
    static ShouldContainRecords shouldNotContain(String destinationArn, List<StreamRecord> actual,
                                                 List<StreamRecord> unwanted, List<DeadLetter> found, String story) {
        return new ShouldContainRecords(expecting(destinationArn, actual).text("%nnot to contain:%n  ")
                .value(unwanted).text("%nbut these messages cover some of them:%n  ").value(found), story);
    }

    /** isEmpty: no message at all. */
    static ShouldContainRecords shouldBeEmpty(String destinationArn, List<DeadLetter> messages, String story) {
        return new ShouldContainRecords(new Parts().text("Expecting the on-failure destination ").plain(destinationArn)
                .text(" to have received no message, but it received " + messages.size() + ":%n  ")
                .value(messages), story);
    }

    /** isNotEmpty: at least one message. */
    static ShouldContainRecords shouldNotBeEmpty(String destinationArn, String story) {
        return new ShouldContainRecords(new Parts().text("Expecting the on-failure destination ").plain(destinationArn)
                .text(" to have received a message, but it received none"), story);
    }
}
