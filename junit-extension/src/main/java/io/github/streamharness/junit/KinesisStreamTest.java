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
 *
 * <p><b>Unset attributes.</b> Every attribute defaults to a sentinel that means "not set here" ({@link #UNSET}
 * for numbers, {@code ""} for texts, {@link #UNSET_SEED} for the seed, {@code Void.class} for the handler), never to
 * a copy of the AWS default. An attribute that is set wins, even when it is set to the AWS default
 * ({@code shards = 1} overrides a builder's {@code shards(4)}); one left unset takes the value of the next source.
 * The order, most specific first: an enclosing {@code @Nested} class's annotation is overridden by the inner
 * class's; then the {@code KinesisStreamExtension} builder; then a template (when templates are read); then the
 * defaults given on each attribute below, which live in {@code StreamHarness.Builder} and {@code FunctionSettings}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KinesisStreamExtension.class)
public @interface KinesisStreamTest {
    /** The value of a numeric attribute that is not set. */
    int UNSET = -1;

    /** The value of {@link #seed()} when it is not set (the one seed that cannot be asked for). */
    long UNSET_SEED = Long.MIN_VALUE;

    /** Number of shards ({@code shardId-000000000000}, ...), 1..10000; when unset, 1. */
    int shards() default UNSET;

    /**
     * The handler class under test ({@code RequestHandler<KinesisEvent, ?>},
     * {@code RequestHandler<KinesisTimeWindowEvent, ?>} or {@code RequestStreamHandler}), instantiated once per
     * execution environment like the Lambda runtime. Leave unset ({@code Void.class}) to supply an instance through
     * a {@link HandlerUnderTest} field or the extension's builder, or for a bare stream.
     */
    Class<?> handler() default Void.class;

    /** Function timeout in seconds, 1..900; when unset, 3 (Lambda's default). */
    int timeoutSeconds() default UNSET;

    /** Stream name; when unset, {@code test-stream}. */
    String streamName() default "";

    /** Function name; when unset, {@code test-function}. */
    String functionName() default "";

    /** Function memory in MB, 128..10240, reported by the Context; when unset, 128. */
    int memorySize() default UNSET;

    /** Seed of every random choice of the harness; a failing test reports the seed it ran with. Unset: 20260101. */
    long seed() default UNSET_SEED;

    /** Where the virtual clock starts, as an ISO-8601 instant; when unset, {@code 2026-01-01T00:00:00Z}. */
    String startTime() default "";

    /** Reserved concurrency of the function, 0 or more (rule 15.3); when unset, unreserved. */
    int reservedConcurrency() default UNSET;

    /** Provisioned concurrency of the function (rule 15.4); when unset, none. */
    int provisionedConcurrency() default UNSET;

    /** The Init phase of each new execution environment in ms, 0..10000 (rule 0.15); when unset, 0. */
    int initDurationMillis() default UNSET;

    /** How long an idle environment stays warm, in seconds (rule 0.14); when unset, 600. */
    int keepWarmSeconds() default UNSET;

    /**
     * A CloudFormation or SAM template (YAML or JSON, or {@code cdk synth} output) to take the mapping, the function's
     * settings and the stream's shard count from (rule 18.3): a path relative to the project directory (the module's,
     * under Maven), or {@code classpath:templates/template.yaml}. Every other attribute and annotation wins over it.
     */
    String template() default "";

    /**
     * The template's function or mapping: a function's logical id ({@code AnalyticsStreamProcessor}), its event
     * ({@code AnalyticsStreamProcessor/Stream}) or an AWS::Lambda::EventSourceMapping's logical id; empty takes the
     * template's only mapping.
     */
    String function() default "";

    /** The template's parameter values, each {@code Name=value} (they win over the parameters' Defaults). */
    String[] templateParameters() default {};

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
