package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.FunctionLogs;
import io.github.streamharness.Invocation;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Metrics;
import io.github.streamharness.Shard;
import io.github.streamharness.ShardPosition;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TumblingWindow;

/**
 * Entry point of the streamharness assertions: {@code import static
 * io.github.streamharness.assertj.StreamAssertions.assertThat;} next to AssertJ's own {@code assertThat}.
 *
 * <pre>{@code
 * assertThat(dlq).containsOnly(poison);
 * assertThat(stream).shard("shardId-000000000000").hasCheckpointAt(last).isNotBlocked();
 * assertThat(stream).invocations().deliveredExactlyOnce(good).redeliveredOnlyAfterFailure();
 * }</pre>
 * Reached from a harness or mapping, assertions end their failure messages with the mapping's timeline.
 */
public class StreamAssertions {

    /** Not for instantiation: static entry points only (subclass to add your own). */
    protected StreamAssertions() {
    }

    /** Assertions on a harness's mappings: {@code deadLetterQueue()}, {@code invocations()}, {@code shard(id)}. */
    public static StreamHarnessAssert assertThat(StreamHarness actual) {
        return new StreamHarnessAssert(actual);
    }

    /** Assertions on one mapped function: {@code deadLetterQueue()}, {@code invocations()}, {@code shard(id)}. */
    public static MappedFunctionAssert assertThat(MappedFunction actual) {
        return new MappedFunctionAssert(actual);
    }

    /**
     * Assertions on on-failure destination messages. On its own the queue does not know its mapping's timeline:
     * failure messages list the messages instead (or use {@code withTimelineOf(log)}).
     */
    public static DeadLetterQueueAssert assertThat(DeadLetterQueue actual) {
        return new DeadLetterQueueAssert(actual);
    }

    /** Assertions on one invocation: its outcome by type ({@code hasOutcome}, {@code hasFailedWith}). */
    public static InvocationAssert assertThat(Invocation actual) {
        return new InvocationAssert(actual);
    }

    /** Assertions on what a mapping invoked; failure messages end with this log's timeline. */
    public static InvocationLogAssert assertThat(InvocationLog actual) {
        return new InvocationLogAssert(actual);
    }

    /** Assertions on a position snapshot ({@code mapping.position(shardId)}). */
    public static ShardPositionAssert assertThat(ShardPosition actual) {
        return new ShardPositionAssert(actual);
    }

    /** Assertions on a shard's lineage after resharding: {@code isClosed()}, {@code hasChildren(..)} (rule 11.1). */
    public static ShardAssert assertThat(Shard actual) {
        return new ShardAssert(actual);
    }

    /** Assertions on one record. */
    public static StreamRecordAssert assertThat(StreamRecord actual) {
        return new StreamRecordAssert(actual);
    }

    /** Assertions on one tumbling window (section 8), as {@code invocations().windows()} lists them. */
    public static TumblingWindowAssert assertThat(TumblingWindow actual) {
        return new TumblingWindowAssert(actual);
    }

    /** Assertions on a handler's partial batch response (section 5). */
    public static StreamsEventResponseAssert assertThat(StreamsEventResponse actual) {
        return new StreamsEventResponseAssert(actual);
    }

    /** Assertions on a function's CloudWatch Logs: {@code hasNoTimeouts()}, {@code containsLine(..)} (section 16). */
    public static FunctionLogsAssert assertThat(FunctionLogs actual) {
        return new FunctionLogsAssert(actual);
    }

    /** Assertions on a function's metrics: {@code metric("IteratorAge").maximumPer(..).allBelow(..)} (section 17). */
    public static MetricsAssert assertThat(Metrics actual) {
        return new MetricsAssert(actual);
    }
}
