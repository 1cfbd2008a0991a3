package io.github.streamharness.mockito;

import io.github.streamharness.VirtualClock;
import org.mockito.stubbing.Answer;

import java.time.Duration;
import java.util.Objects;

/**
 * Mockito answers that spend virtual time before answering, so "DynamoDB takes 25 s" is one line:
 * <pre>{@code
 * when(dynamo.putItem(any(PutItemRequest.class)))
 *     .thenAnswer(VirtualTimeAnswers.returnAfter(stream.clock(), Duration.ofSeconds(25), PutItemResponse.builder().build()));
 * }</pre>
 * Inside an invocation the time counts against the function timeout; crossing it ends the invocation as a timeout
 * (rule 0.4). Mockito is an optional dependency of this library: these answers need it on the test classpath.
 */
public final class VirtualTimeAnswers {
    private VirtualTimeAnswers() {
    }

    /** Spends {@code latency} on the virtual clock, then answers with {@code then}. */
    public static <T> Answer<T> after(VirtualClock clock, Duration latency, Answer<T> then) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(then, "then");
        return invocation -> {
            clock.sleep(latency);
            return then.answer(invocation);
        };
    }

    /** Spends {@code latency}, then returns {@code value}. */
    public static <T> Answer<T> returnAfter(VirtualClock clock, Duration latency, T value) {
        return after(clock, latency, invocation -> value);
    }

    /** Spends {@code latency}, then throws {@code failure} (e.g. a throttling exception after a slow call). */
    public static <T> Answer<T> throwAfter(VirtualClock clock, Duration latency, Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        return after(clock, latency, invocation -> {
            throw failure;
        });
    }

    /** Spends {@code latency}, then calls the real method (for spies). */
    public static Answer<Object> callRealMethodAfter(VirtualClock clock, Duration latency) {
        return after(clock, latency, invocation -> invocation.callRealMethod());
    }

    /** Spends {@code latency} and returns nothing: for void methods with {@code doAnswer(..)}. */
    public static Answer<Void> doNothingAfter(VirtualClock clock, Duration latency) {
        return after(clock, latency, invocation -> null);
    }
}
