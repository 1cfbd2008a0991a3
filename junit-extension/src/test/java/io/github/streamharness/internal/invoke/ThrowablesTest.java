package io.github.streamharness.internal.invoke;

import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a handler's throwable without trusting it: messages that throw, causes that throw, loops, depth. */
class ThrowablesTest {
    /** A chain of {@code depth} wrappers around {@code root}: root is the cause at position {@code depth}. */
    private static Throwable wrapped(Throwable root, int depth) {
        Throwable t = root;
        for (int i = 0; i < depth; i++) {
            t = new RuntimeException("wrapper " + i, t);
        }
        return t;
    }

    @Test
    void anInterruptionIsFoundUpTo31CausesDeepAndNoDeeper() {
        assertThat(Throwables.isInterruption(wrapped(new InterruptedException(), 31))).isTrue();
        assertThat(Throwables.isInterruption(wrapped(new InterruptedException(), 32))).isFalse();
    }

    @Test
    void theInterruptionsOfTheJdkCount() {
        assertThat(Throwables.isInterruption(new InterruptedException())).isTrue();
        assertThat(Throwables.isInterruption(wrapped(new InterruptedIOException(), 2))).isTrue();
        assertThat(Throwables.isInterruption(new IllegalStateException(new ClosedByInterruptException()))).isTrue();
        assertThat(Throwables.isInterruption(new RuntimeException("no", new IllegalStateException()))).isFalse();
        assertThat(Throwables.isInterruption(null)).isFalse();
    }

    @Test
    void aCauseLoopEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Throwables.isInterruption(a)).isFalse();
    }

    @Test
    void aCauseThatThrowsEndsTheSearch() {
        Throwable broken = new RuntimeException("broken") {
            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("no cause for you");
            }
        };
        assertThat(Throwables.isInterruption(broken)).isFalse();
    }

    @Test
    void aMessageThatThrowsIsDescribedByItsClass() {
        Throwable broken = new IllegalArgumentException() {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException();
            }
        };
        String name = broken.getClass().getName();
        assertThat(Throwables.message(broken))
                .isEqualTo(name + " (its getMessage() threw java.lang.UnsupportedOperationException)");
        assertThat(Throwables.describe(broken))
                .isEqualTo(name + " (its getMessage() threw java.lang.UnsupportedOperationException)");
        assertThat(Throwables.describe(new IllegalStateException("boom"))).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(Throwables.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
        assertThat(Throwables.message(new IllegalStateException("boom"))).isEqualTo("boom");
    }
}
