package io.github.streamharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test field that holds the handler instance under test (for handlers built with mocks or other
 * dependencies). The field is read when the harness is first needed in a test, after {@code @BeforeEach} callbacks
 * such as Mockito's have filled it. Use it instead of {@code @KinesisStreamTest(handler = ...)}, not with it.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HandlerUnderTest {
}
