package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;

import java.util.Objects;

import static io.github.streamharness.assertj.ShouldHaveOutcome.shouldHaveFailedWith;
import static io.github.streamharness.assertj.ShouldHaveOutcome.shouldHaveOutcome;

/**
 * Assertions on one invocation: how it ended, by type rather than by label.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractInvocationAssert<SELF extends AbstractInvocationAssert<SELF>>
        extends AbstractStreamAssert<SELF, Invocation> {

    /** Creates the assertion. */
    protected AbstractInvocationAssert(Invocation actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the invocation ended with an outcome of this type, e.g. {@code Outcome.Throttled.class} or
     * {@code Outcome.PartialFailure.class}.
     */
    public SELF hasOutcome(Class<? extends Outcome> expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        if (!expected.isInstance(actual.outcome())) {
            throwAssertionErrorWithDiff(shouldHaveOutcome(actual, expected, story()), expected.getName(),
                    actual.outcome().getClass().getName());
        }
        return myself;
    }

    /**
     * Verifies that the handler threw {@code expected} or a subclass of it, e.g. {@code JsonIOException.class}: the
     * outcome is a {@link Outcome.FunctionError} of kind {@link Outcome.ErrorKind#EXCEPTION} whose errorType is
     * that class (or, when the class can be loaded, one assignable to it).
     */
    public SELF hasFailedWith(Class<? extends Throwable> expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        if (!(actual.outcome() instanceof Outcome.FunctionError error && error.kind() == Outcome.ErrorKind.EXCEPTION
                && isA(error.errorType(), expected))) {
            throwAssertionErrorWithDiff(shouldHaveFailedWith(actual, expected, story()), expected.getName(),
                    actual.outcome() instanceof Outcome.FunctionError error ? error.errorType()
                            : actual.outcome().label());
        }
        return myself;
    }

    private static boolean isA(String errorType, Class<?> expected) {
        if (expected.getName().equals(errorType)) {
            return true;
        }
        try {
            return expected.isAssignableFrom(Class.forName(errorType, false, expected.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
