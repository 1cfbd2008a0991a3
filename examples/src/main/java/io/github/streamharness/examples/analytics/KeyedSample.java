package io.github.streamharness.examples.analytics;

import java.util.Objects;

/**
 * A parsed metric together with the identity of the Kinesis record it came from: (shardId, sequenceNumber), never
 * the sequence number alone (rule 12.2).
 */
record KeyedSample(String shardId, String sequenceNumber, MetricRecord metric) {

    KeyedSample {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(metric, "metric");
    }

    /** {@code shardId:sequenceNumber}, the format of the Kinesis event's eventID (rule 7.2). */
    String recordId() {
        return shardId + ":" + sequenceNumber;
    }
}
