package io.github.streamharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault injected into the harness of every test it applies to (class or method; both apply), so a suite can run
 * the same scenarios again with faults switched on, e.g. in a subclass:
 * {@code @InjectFault(type = Type.TIMEOUT, dataMatches = "\"metric\":\"disk\"")}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectFaults.class)
public @interface InjectFault {
    /** What to inject. */
    Type type();

    /** Only batches holding a record whose UTF-8 data contains a match of this regular expression. */
    String dataMatches() default "";

    /** Only batches holding a record with this partition key. */
    String partitionKey() default "";

    /** Only the nth invocation (1-based); 0 for any. */
    int invocation() default 0;

    /** Only batches of this shard. */
    String shard() default "";

    /** Duration of LATENCY and COLD_START, in milliseconds. */
    long millis() default 0;

    /** Message of the exception for EXCEPTION. */
    String message() default "fault injected by @InjectFault";

    /** At most this many invocations; 0 for no limit. */
    int times() default 0;

    /** The kinds of fault. */
    enum Type {
        /** The invocation times out at the function timeout. */
        TIMEOUT,
        /** The invocation fails with a RuntimeException. */
        EXCEPTION,
        /** The invocation spends {@link #millis()} before the handler runs. */
        LATENCY,
        /** The invocation is throttled (rule 4.2). */
        THROTTLE,
        /** Every new execution environment spends {@link #millis()} initialising. */
        COLD_START
    }
}
