package io.github.streamharness.junit;

import io.github.streamharness.StartingPosition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event source mapping of a {@link KinesisStreamTest}, attribute by attribute under the AWS parameter names,
 * with AWS's defaults (except {@code startingPosition}: TRIM_HORIZON). On a method it replaces the class's
 * annotation for that test; either replaces the mapping of a {@code KinesisStreamExtension} builder.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EventSourceMapping {
    /** BatchSize, 1..10000 (rule 1.1). */
    int batchSize() default 100;

    /** MaximumBatchingWindowInSeconds, 0..300 (rule 1.2). */
    int maximumBatchingWindowInSeconds() default 0;

    /** ParallelizationFactor, 1..10 (rule 1.3). */
    int parallelizationFactor() default 1;

    /** StartingPosition (rule 1.4); the harness default is TRIM_HORIZON. */
    StartingPosition startingPosition() default StartingPosition.TRIM_HORIZON;

    /** StartingPositionTimestamp as an ISO-8601 instant, with AT_TIMESTAMP only (rule 1.5). */
    String startingPositionTimestamp() default "";

    /** BisectBatchOnFunctionError (rule 1.6). */
    boolean bisectBatchOnFunctionError() default false;

    /** MaximumRetryAttempts, -1 or 0..10000 (rule 1.7). */
    int maximumRetryAttempts() default -1;

    /** MaximumRecordAgeInSeconds, -1 or 60..604800 (rule 1.8). */
    int maximumRecordAgeInSeconds() default -1;

    /** Whether FunctionResponseTypes holds ReportBatchItemFailures (rule 1.10). */
    boolean reportBatchItemFailures() default false;

    /** DestinationConfig.OnFailure.Destination: an SQS, SNS or S3 ARN (rule 1.9). */
    String onFailureDestination() default "";

    /** TumblingWindowInSeconds, 0..900 (rule 1.11). */
    int tumblingWindowInSeconds() default 0;

    /** FilterCriteria patterns, each a JSON string (rule 1.12, 9). */
    String[] filterPatterns() default {};

    /** Enabled (rule 1.13). */
    boolean enabled() default true;
}
