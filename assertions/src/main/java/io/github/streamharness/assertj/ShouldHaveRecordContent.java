package io.github.streamharness.assertj;

import io.github.streamharness.StreamRecord;

/** Messages of {@link AbstractStreamRecordAssert}. */
final class ShouldHaveRecordContent extends StreamErrorMessageFactory {

    private ShouldHaveRecordContent(Parts parts, String story) {
        super(parts, story);
    }

    /** hasDataAsText. */
    static ShouldHaveRecordContent shouldHaveDataAsText(StreamRecord record, String expected, String actual,
                                                        String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the data of:%n  ").value(record)
                .text("%nto be the UTF-8 text:%n  ").value(expected).text("%nbut was:%n  ").value(actual), story);
    }

    /** hasJsonData, when the data is JSON. */
    static ShouldHaveRecordContent shouldHaveJsonData(StreamRecord record, String expected, String actual,
                                                      String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the data of:%n  ").value(record)
                .text("%nto be JSON equal (key order ignored) to:%n  ").plain(expected).text("%nbut was:%n  ")
                .plain(actual), story);
    }

    /** hasJsonData, when the data is not JSON. */
    static ShouldHaveRecordContent shouldBeJson(StreamRecord record, String expected, String problem, String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the data of:%n  ").value(record)
                .text("%nto be JSON equal to:%n  ").plain(expected).text("%nbut it is not JSON: ").plain(problem),
                story);
    }

    /** hasPartitionKey. */
    static ShouldHaveRecordContent shouldHavePartitionKey(StreamRecord record, String expected, String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the record:%n  ").value(record)
                .text("%nto have partition key:%n  ").value(expected).text("%nbut had:%n  ")
                .value(record.partitionKey()), story);
    }

    /** isInShard. */
    static ShouldHaveRecordContent shouldBeInShard(StreamRecord record, String expected, String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the record:%n  ").value(record)
                .text("%nto be in shard:%n  ").value(expected).text("%nbut it is in:%n  ").value(record.shardId()),
                story);
    }

    /** hasSequenceNumber. */
    static ShouldHaveRecordContent shouldHaveSequenceNumber(StreamRecord record, String expected, String story) {
        return new ShouldHaveRecordContent(new Parts().text("Expecting the record:%n  ").value(record)
                .text("%nto have sequence number:%n  ").value(expected).text("%nbut had:%n  ")
                .value(record.sequenceNumber()), story);
    }
}
