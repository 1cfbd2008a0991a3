package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.Invocation;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.ShardPosition;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * {@link InstanceOfAssertFactory} constants for AssertJ's {@code asInstanceOf} and navigation methods:
 * {@code assertThat(records).first(STREAM_RECORD).hasPartitionKey("user-7")}.
 */
public final class StreamInstanceOfAssertFactories {
    /** {@link StreamHarness} to {@link StreamHarnessAssert}. */
    public static final InstanceOfAssertFactory<StreamHarness, StreamHarnessAssert> STREAM_HARNESS =
            new InstanceOfAssertFactory<>(StreamHarness.class, StreamAssertions::assertThat);
    /** {@link MappedFunction} to {@link MappedFunctionAssert}. */
    public static final InstanceOfAssertFactory<MappedFunction, MappedFunctionAssert> MAPPED_FUNCTION =
            new InstanceOfAssertFactory<>(MappedFunction.class, StreamAssertions::assertThat);
    /** {@link DeadLetterQueue} to {@link DeadLetterQueueAssert}. */
    public static final InstanceOfAssertFactory<DeadLetterQueue, DeadLetterQueueAssert> DEAD_LETTER_QUEUE =
            new InstanceOfAssertFactory<>(DeadLetterQueue.class, StreamAssertions::assertThat);
    /** {@link Invocation} to {@link InvocationAssert}. */
    public static final InstanceOfAssertFactory<Invocation, InvocationAssert> INVOCATION =
            new InstanceOfAssertFactory<>(Invocation.class, StreamAssertions::assertThat);

    /** {@link InvocationLog} to {@link InvocationLogAssert}. */
    public static final InstanceOfAssertFactory<InvocationLog, InvocationLogAssert> INVOCATION_LOG =
            new InstanceOfAssertFactory<>(InvocationLog.class, StreamAssertions::assertThat);
    /** {@link ShardPosition} to {@link ShardPositionAssert}. */
    public static final InstanceOfAssertFactory<ShardPosition, ShardPositionAssert> SHARD_POSITION =
            new InstanceOfAssertFactory<>(ShardPosition.class, StreamAssertions::assertThat);
    /** {@link StreamRecord} to {@link StreamRecordAssert}. */
    public static final InstanceOfAssertFactory<StreamRecord, StreamRecordAssert> STREAM_RECORD =
            new InstanceOfAssertFactory<>(StreamRecord.class, StreamAssertions::assertThat);
    /** {@link StreamsEventResponse} to {@link StreamsEventResponseAssert}. */
    public static final InstanceOfAssertFactory<StreamsEventResponse, StreamsEventResponseAssert>
            STREAMS_EVENT_RESPONSE = new InstanceOfAssertFactory<>(StreamsEventResponse.class,
            StreamAssertions::assertThat);

    private StreamInstanceOfAssertFactories() {
    }
}
