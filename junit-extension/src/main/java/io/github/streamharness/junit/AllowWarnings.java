package io.github.streamharness.junit;

import io.github.streamharness.WarningKind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a test (on a method) or every test of a class raise warnings of these kinds without failing, for a test that
 * provokes one on purpose; the warnings are still printed. Adds to {@link KinesisStreamTest#allowWarnings()} and
 * {@link KinesisStreamExtension.Builder#allowWarnings(WarningKind...)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AllowWarnings {
    /** The kinds allowed. */
    WarningKind[] value();
}
