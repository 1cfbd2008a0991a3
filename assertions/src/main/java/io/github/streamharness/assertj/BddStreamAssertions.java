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

/** The BDD twin of {@link StreamAssertions}: {@code then(dlq).containsOnly(poison)}. */
public class BddStreamAssertions {

    /** Not for instantiation: static entry points only (subclass to add your own). */
    protected BddStreamAssertions() {
    }

    /** As {@link StreamAssertions#assertThat(StreamHarness)}. */
    public static StreamHarnessAssert then(StreamHarness actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(MappedFunction)}. */
    public static MappedFunctionAssert then(MappedFunction actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(DeadLetterQueue)}. */
    public static DeadLetterQueueAssert then(DeadLetterQueue actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(Invocation)}. */
    public static InvocationAssert then(Invocation actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(InvocationLog)}. */
    public static InvocationLogAssert then(InvocationLog actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(Shard)}. */
    public static ShardAssert then(Shard actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(ShardPosition)}. */
    public static ShardPositionAssert then(ShardPosition actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(StreamRecord)}. */
    public static StreamRecordAssert then(StreamRecord actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(TumblingWindow)}. */
    public static TumblingWindowAssert then(TumblingWindow actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(StreamsEventResponse)}. */
    public static StreamsEventResponseAssert then(StreamsEventResponse actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(FunctionLogs)}. */
    public static FunctionLogsAssert then(FunctionLogs actual) {
        return StreamAssertions.assertThat(actual);
    }

    /** As {@link StreamAssertions#assertThat(Metrics)}. */
    public static MetricsAssert then(Metrics actual) {
        return StreamAssertions.assertThat(actual);
    }
}
