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
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Soft assertions: every failure is collected and reported together by {@link #assertAll()}. Also AssertJ's
 * standard soft assertions, so one object serves a whole test. Works with AssertJ's {@code SoftAssertionsExtension}:
 * <pre>{@code
 * @ExtendWith(SoftAssertionsExtension.class)
 * class MyTest {
 *     @InjectSoftAssertions StreamSoftAssertions softly;
 *     ...
 *     softly.assertThat(stream).deadLetterQueue().containsOnly(poison);
 *     softly.assertThat(stream).shard(0).isCaughtUp();
 * }
 * }</pre>
 * Navigation ({@code assertThat(stream).deadLetterQueue()}) stays soft all the way down the chain.
 */
public class StreamSoftAssertions extends AbstractSoftAssertions implements StandardSoftAssertionsProvider {
    private final Navigation navigation = new Navigation() {
        @Override
        public <A extends Assert<? extends A, ? extends T>, T> A open(Class<A> assertType, Class<T> actualType,
                                                                     T actual, Function<T, A> direct) {
            return proxy(assertType, actualType, actual);
        }
    };

    /** Creates an empty collector of failures. */
    public StreamSoftAssertions() {
    }

    /** Runs {@code softly} with fresh soft assertions and reports every failure at the end. */
    public static void assertSoftly(Consumer<StreamSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(StreamSoftAssertions.class, softly);
    }

    /** Soft {@link StreamAssertions#assertThat(StreamHarness)}. */
    public StreamHarnessAssert assertThat(StreamHarness actual) {
        return soft(StreamHarnessAssert.class, StreamHarness.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(MappedFunction)}. */
    public MappedFunctionAssert assertThat(MappedFunction actual) {
        return soft(MappedFunctionAssert.class, MappedFunction.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(DeadLetterQueue)}. */
    public DeadLetterQueueAssert assertThat(DeadLetterQueue actual) {
        return soft(DeadLetterQueueAssert.class, DeadLetterQueue.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(Invocation)}. */
    public InvocationAssert assertThat(Invocation actual) {
        return soft(InvocationAssert.class, Invocation.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(InvocationLog)}. */
    public InvocationLogAssert assertThat(InvocationLog actual) {
        return soft(InvocationLogAssert.class, InvocationLog.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(Shard)}. */
    public ShardAssert assertThat(Shard actual) {
        return soft(ShardAssert.class, Shard.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(ShardPosition)}. */
    public ShardPositionAssert assertThat(ShardPosition actual) {
        return soft(ShardPositionAssert.class, ShardPosition.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(StreamRecord)}. */
    public StreamRecordAssert assertThat(StreamRecord actual) {
        return soft(StreamRecordAssert.class, StreamRecord.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(TumblingWindow)}. */
    public TumblingWindowAssert assertThat(TumblingWindow actual) {
        return soft(TumblingWindowAssert.class, TumblingWindow.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(StreamsEventResponse)}. */
    public StreamsEventResponseAssert assertThat(StreamsEventResponse actual) {
        return soft(StreamsEventResponseAssert.class, StreamsEventResponse.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(FunctionLogs)}. */
    public FunctionLogsAssert assertThat(FunctionLogs actual) {
        return soft(FunctionLogsAssert.class, FunctionLogs.class, actual);
    }

    /** Soft {@link StreamAssertions#assertThat(Metrics)}. */
    public MetricsAssert assertThat(Metrics actual) {
        return soft(MetricsAssert.class, Metrics.class, actual);
    }

    private <A extends AbstractStreamAssert<A, T>, T> A soft(Class<A> assertType, Class<T> actualType, T actual) {
        A proxied = proxy(assertType, actualType, actual);
        proxied.navigation = navigation;
        return proxied;
    }
}
