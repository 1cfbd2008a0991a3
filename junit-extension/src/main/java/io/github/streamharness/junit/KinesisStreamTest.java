package io.github.streamharness.junit;

import io.github.streamharness.WarningKind;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test method against a fresh in-process Kinesis stream and, when a handler is given, an event source
 * mapping configured by {@link EventSourceMapping} (AWS defaults without it). Test methods and lifecycle methods
 * can declare parameters of type {@code StreamHarness}, {@code DeadLetterQueue}, {@code InvocationLog},
 * {@code VirtualClock}, {@code FaultPlan}, {@code MappedFunction} and {@code Ledger}.
 *
 * <p>Composed annotation: usable on a test class, on a {@code @Nested} class, inherited by subclasses, and as a
 * meta-annotation on your own annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KinesisStreamExtension.class)
public @interface KinesisStreamTest {
    /** Number of shards ({@code shardId-000000000000}, ...). */
    int shards() default 1;

    /**
     * The handler class under test ({@code RequestHandler<KinesisEvent, ?>} or {@code RequestStreamHandler}),
     * instantiated once per execution environment like the Lambda runtime. Leave unset to supply an instance through
     * a {@link HandlerUnderTest} field, or for a bare stream.
     */
    Class<?> handler() default Void.class;

    /** Function timeout in seconds (Lambda's default is 3). */
    int timeoutSeconds() default 3;

    /** Stream name. */
    String streamName() default "test-stream";

    /** Function name. */
    String functionName() default "test-function";

    /** Function memory in MB, reported by the Context. */
    int memorySize() default 128;

    /** Seed of every random choice of the harness; a failing test reports the seed it ran with. */
    long seed() default 20_260_101L;

    /** Where the virtual clock starts, as an ISO-8601 instant. */
    String startTime() default "2026-01-01T00:00:00Z";

    /**
     * Warning kinds the tests of this class may raise without failing (they are still printed); for tests that
     * provoke one on purpose. {@link AllowWarnings} does the same for one method.
     */
    WarningKind[] allowWarnings() default {};

    /**
     * Whether a warning of a kind that means records would be lost in production ({@link WarningKind#failsTests()})
     * fails the test after it ran, with the warning and the timeline. {@code false} only prints every warning.
     */
    boolean failOnWarnings() default true;
}
