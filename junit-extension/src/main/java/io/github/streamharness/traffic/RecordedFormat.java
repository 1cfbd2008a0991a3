package io.github.streamharness.traffic;

/** The file formats {@link RecordedEvents} reads; the format is recognised from the content, not the file name. */
public enum RecordedFormat {
    /** A Lambda Kinesis event: {@code {"Records":[{"kinesis":{"partitionKey","data","sequenceNumber",...},...}]}}. */
    LAMBDA_EVENT,
    /**
     * The output of {@code aws kinesis get-records}:
     * {@code {"Records":[{"SequenceNumber","ApproximateArrivalTimestamp","Data","PartitionKey"}],"NextShardIterator":..}}.
     */
    GET_RECORDS,
    /** JSON Lines: one record object per line, in any of the record shapes {@link RecordedEvents} documents. */
    JSON_LINES
}
