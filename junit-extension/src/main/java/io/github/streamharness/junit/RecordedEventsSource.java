package io.github.streamharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads a recorded-events file from the test classpath into a test parameter of type {@code RecordedStream},
 * {@code List<RecordedRecord>} or {@code List<RecordSpec>}: a Lambda Kinesis event ({@code {"Records":[...]}}), the
 * output of {@code aws kinesis get-records}, or JSON Lines. A malformed file fails the test with its name, line and
 * column, before the test body runs.
 *
 * <pre>{@code
 * @Test
 * void replaysProductionTraffic(StreamHarness stream, @RecordedEventsSource("captures/orders.json") RecordedStream orders) {
 *     orders.replayInto(stream);
 *     stream.runUntilIdle();
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RecordedEventsSource {
    /** The classpath resource, relative to the classpath root (e.g. {@code "recorded/orders.json"}). */
    String value();

    /** Whether to sort the records by their original sequence numbers (otherwise file order). */
    boolean inSequenceOrder() default false;
}
