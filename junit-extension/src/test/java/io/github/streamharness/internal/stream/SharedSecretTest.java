package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared-secrets idiom behind {@link RecordAccess} and the put path's {@code SpecAccess}, with this test class as
 * the owner: its initialization installs nothing, so the secret must say so rather than hand out null.
 */
class SharedSecretTest {
    /** A value of the owner's own (nested in it). */
    private static final class Value {
        @Override
        public String toString() {
            return "the owner's";
        }
    }

    @Test
    void onlyTheOwnersNestedClassesInstallAndOnlyOnce() {
        SharedSecret<Object> secret = new SharedSecret<>(SharedSecretTest.class, "value");
        assertThatThrownBy(secret::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("SharedSecretTest did not install its value");
        assertThatThrownBy(() -> secret.install("a stranger's")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only SharedSecretTest installs its value; the engine's access to it is not an API");
        assertThatThrownBy(() -> secret.install(null)).isInstanceOf(IllegalArgumentException.class);

        secret.install(new Value());
        assertThat(secret.get()).hasToString("the owner's");
        assertThatThrownBy(() -> secret.install(new Value())).isInstanceOf(IllegalStateException.class)
                .hasMessage("SharedSecretTest's value is installed already");
        assertThat(secret.get()).hasToString("the owner's");
    }
}
