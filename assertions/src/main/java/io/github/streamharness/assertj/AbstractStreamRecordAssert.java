package io.github.streamharness.assertj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.StreamRecord;

import java.util.Objects;

import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldBeInShard;
import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldBeJson;
import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldHaveDataAsText;
import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldHaveJsonData;
import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldHavePartitionKey;
import static io.github.streamharness.assertj.ShouldHaveRecordContent.shouldHaveSequenceNumber;

/**
 * Assertions on one record of the stream: its data as text or JSON, partition key, shard and sequence number.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractStreamRecordAssert<SELF extends AbstractStreamRecordAssert<SELF>>
        extends AbstractStreamAssert<SELF, StreamRecord> {

    /** Creates the assertion. */
    protected AbstractStreamRecordAssert(StreamRecord actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that the data, decoded as UTF-8, equals {@code expected}. */
    public SELF hasDataAsText(String expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        String text = actual.dataAsString();
        if (!text.equals(expected)) {
            throwAssertionErrorWithDiff(shouldHaveDataAsText(actual, expected, text, story()), expected, text);
        }
        return myself;
    }

    /**
     * Verifies that the data is JSON equal to {@code expectedJson}, as Jackson trees: object key order and
     * whitespace are ignored, numbers compare by value ({@code 9.5} equals {@code 9.50}), array order counts.
     *
     * @throws IllegalArgumentException when {@code expectedJson} itself is not JSON
     */
    public SELF hasJsonData(String expectedJson) {
        isNotNull();
        Objects.requireNonNull(expectedJson, "expectedJson");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected;
        try {
            expected = mapper.readTree(expectedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected value is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode data;
        try {
            data = mapper.readTree(actual.dataBytes());
        } catch (java.io.IOException e) {
            String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throwAssertionError(shouldBeJson(actual, expected.toString(), problem, story()));
            return myself;
        }
        if (data == null || data.isMissingNode()) {
            throwAssertionError(shouldBeJson(actual, expected.toString(), "the data is empty", story()));
        } else if (!data.equals(AbstractStreamRecordAssert::compareJson, expected)) {
            throwAssertionErrorWithDiff(shouldHaveJsonData(actual, expected.toString(), data.toString(), story()), expected.toPrettyString(), data.toPrettyString());
        }
        return myself;
    }

    /** Node comparison for {@link JsonNode#equals(java.util.Comparator, JsonNode)}: numbers by value. */
    private static int compareJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    /** Verifies the partition key. */
    public SELF hasPartitionKey(String expected) {
        isNotNull();
        if (!actual.partitionKey().equals(expected)) {
            throwAssertionErrorWithDiff(shouldHavePartitionKey(actual, expected, story()), expected, actual.partitionKey());
        }
        return myself;
    }

    /** Verifies the shard that holds the record, e.g. {@code shardId-000000000001}. */
    public SELF isInShard(String shardId) {
        isNotNull();
        if (!actual.shardId().equals(shardId)) {
            throwAssertionErrorWithDiff(shouldBeInShard(actual, shardId, story()), shardId, actual.shardId());
        }
        return myself;
    }

    /** Verifies the full sequence number. */
    public SELF hasSequenceNumber(String expected) {
        isNotNull();
        if (!actual.sequenceNumber().equals(expected)) {
            throwAssertionErrorWithDiff(shouldHaveSequenceNumber(actual, expected, story()), expected, actual.sequenceNumber());
        }
        return myself;
    }
}
