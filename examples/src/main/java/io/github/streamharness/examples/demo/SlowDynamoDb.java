package io.github.streamharness.examples.demo;

import io.github.streamharness.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A stand-in for a throttled DynamoDB table that spends virtual time instead of real time: each write takes
 * {@code normal}, and a seeded one in {@code throttledOneIn} writes is throttled and retried by the SDK until it
 * gets through, taking 25, 32, 28 or 40 s in turn ("slow writes, 25 s+", cause B of the incident). Crossing the
 * function timeout inside a write ends the invocation as a Lambda timeout (rule 0.4), with the writes before it done.
 *
 * <p>It stores nothing; it counts the samples the handler added ({@code ADD #count :c}), so a caller can compare
 * what DynamoDB counted with what the stream delivered. Only the operations the analytics handler uses are
 * implemented; the others throw {@link UnsupportedOperationException}, as {@link DynamoDbClient}'s defaults do.
 */
public final class SlowDynamoDb implements DynamoDbClient {
    /** How long the SDK takes to get a throttled write through, in turn: 25 s and more. */
    private static final List<Duration> THROTTLED = List.of(
            Duration.ofSeconds(25), Duration.ofSeconds(32), Duration.ofSeconds(28), Duration.ofSeconds(40));

    private final VirtualClock clock;
    private final Duration normal;
    private final int throttledOneIn;
    private final SplittableRandom random;
    private long writes;
    private long throttledWrites;
    private long countedSamples;

    /**
     * A table whose writes take {@code normal} on {@code clock}, except one in {@code throttledOneIn} (0 for none),
     * chosen by {@code seed}.
     */
    public SlowDynamoDb(VirtualClock clock, Duration normal, int throttledOneIn, long seed) {
        this.clock = clock;
        this.normal = normal;
        this.throttledOneIn = throttledOneIn;
        this.random = new SplittableRandom(seed);
    }

    /** Spends the write's latency, then counts the samples an {@code ADD #count :c} update adds. */
    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        spendWriteLatency();
        AttributeValue added = request.expressionAttributeValues().get(":c");
        if (added != null && request.updateExpression().startsWith("ADD")) {
            countedSamples += Long.parseLong(added.n());
        }
        return UpdateItemResponse.builder().build();
    }

    /** Spends one write's latency for the whole transaction; counts the samples its update adds. */
    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        spendWriteLatency();
        request.transactItems().stream()
                .filter(item -> item.update() != null && item.update().expressionAttributeValues().get(":c") != null)
                .forEach(item -> countedSamples += Long.parseLong(item.update().expressionAttributeValues()
                        .get(":c").n()));
        return TransactWriteItemsResponse.builder().build();
    }

    /** Writes made so far, throttled ones included. */
    public long writes() {
        return writes;
    }

    /** Writes that were throttled (took 25 s or more). */
    public long throttledWrites() {
        return throttledWrites;
    }

    /** Samples added to the aggregates' counts; more than the records processed means double counting. */
    public long countedSamples() {
        return countedSamples;
    }

    /** {@code dynamodb}, as the real client. */
    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Nothing to close: no connection was opened. */
    @Override
    public void close() {
        // nothing to release
    }

    private void spendWriteLatency() {
        writes++;
        if (throttledOneIn > 0 && random.nextInt(throttledOneIn) == 0) {
            Duration slow = THROTTLED.get((int) (throttledWrites++ % THROTTLED.size()));
            clock.sleep(slow);
        } else {
            clock.sleep(normal);
        }
    }
}
