package io.github.streamharness.assertj;

import org.assertj.core.api.Assert;

import java.util.function.Function;

/**
 * How an assertion opens the assertion of a part of its actual value ({@code assertThat(stream).deadLetterQueue()}):
 * directly, or through the soft assertions that created it, so that failures further down the chain are collected
 * too.
 */
interface Navigation {
    /** Opens assertions directly: failures throw at once. */
    Navigation DIRECT = new Navigation() {
        @Override
        public <A extends Assert<? extends A, ? extends T>, T> A open(Class<A> assertType, Class<T> actualType,
                                                                     T actual, Function<T, A> direct) {
            return direct.apply(actual);
        }
    };

    /** The assertion on {@code actual}. */
    <A extends Assert<? extends A, ? extends T>, T> A open(Class<A> assertType, Class<T> actualType, T actual,
                                                          Function<T, A> direct);
}
