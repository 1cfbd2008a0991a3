package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;
import io.github.streamharness.TumblingWindow;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Assertions on one tumbling window of a lane (section 8): its final state, whether it closed, whether it ended early.
 * Failure messages end with the mapping's timeline. Open one with {@code assertThat(function).window(start)}.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractTumblingWindowAssert<SELF extends AbstractTumblingWindowAssert<SELF>>
        extends AbstractStreamAssert<SELF, TumblingWindow> {

    /** Creates the assertion. */
    protected AbstractTumblingWindowAssert(TumblingWindow actual, Class<?> selfType) {
        super(actual, selfType);
    }

    private String name() {
        return "window [" + actual.start() + ", " + actual.end() + ") of " + actual.shardId()
                + (actual.lane() == 0 ? "" : " lane " + actual.lane());
    }

    /**
     * Verifies the state the window's successful final invocation returned (rule 8.4): its aggregate at the end.
     * Values compare as the strings a KinesisTimeWindowEvent handler sees.
     */
    public SELF hasFinalState(Map<String, String> expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        isClosed();
        Map<String, String> state = actual.finalState().orElse(null);
        if (!new TreeMap<>(expected).equals(state == null ? null : new TreeMap<>(state))) {
            failWithMessage("%nExpecting %s%nto end with final state:%n  %s%nbut its final invocation returned:%n"
                    + "  %s%n%s", name(), new TreeMap<>(expected), state == null ? null : new TreeMap<>(state),
                    story());
        }
        return myself;
    }

    /** Verifies one entry of the final state. */
    public SELF hasFinalStateEntry(String key, String value) {
        isNotNull();
        isClosed();
        Map<String, String> state = actual.finalState().orElseThrow();
        if (!Objects.equals(state.get(key), value)) {
            failWithMessage("%nExpecting %s%nto end with %s=%s in its final state, but it was:%n  %s%n%s", name(),
                    key, value, new TreeMap<>(state), story());
        }
        return myself;
    }

    /** Verifies that the window's final invocation succeeded, so the window is closed (rule 8.4). */
    public SELF isClosed() {
        isNotNull();
        if (!actual.isClosed()) {
            failWithMessage("%nExpecting %s%nto be closed by a successful final invocation (isFinalInvokeForWindow), "
                    + "but it had none among its %d invocation(s)%n%s", name(), actual.invocations().size(),
                    story());
        }
        return myself;
    }

    /** Verifies that the window ended early: its state grew over 1 MB (rule 8.4, isWindowTerminatedEarly). */
    public SELF isTerminatedEarly() {
        isNotNull();
        if (!actual.isTerminatedEarly()) {
            failWithMessage("%nExpecting %s%nto be terminated early (state over 1 MB), but it ran to its end%n%s",
                    name(), story());
        }
        return myself;
    }

    /** Verifies how many aggregation invocations (not final ones, retries included) the window had. */
    public SELF hasAggregationInvocations(int expected) {
        isNotNull();
        long n = actual.invocations().stream().filter(i -> !i.isFinalInvokeForWindow()).count();
        if (n != expected) {
            failWithMessage("%nExpecting %s%nto have %d aggregation invocation(s) but it had %d: %s%n%s", name(),
                    expected, n, actual.invocations().stream().map(Invocation::number).toList(), story());
        }
        return myself;
    }
}
