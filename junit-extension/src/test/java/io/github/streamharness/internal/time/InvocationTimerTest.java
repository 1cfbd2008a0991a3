package io.github.streamharness.internal.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Virtual time inside one invocation (rule 0.4): spending up to the timeout is allowed, exceeding it times out. */
class InvocationTimerTest {
    private static final long START = 1_000;
    private static final long DEADLINE = 4_000; // a 3,000 ns timeout

    @Test
    void spendingExactlyTheTimeoutIsNotATimeoutButOneNanosecondMoreIs() { // rule 0.4: "exceeds"
        InvocationTimer timer = new InvocationTimer(START, DEADLINE);
        assertThat(timer.spend(1_000)).isTrue();
        assertThat(timer.spend(2_000)).isTrue();
        assertThat(timer.timedOut()).isFalse();
        assertThat(timer.nowNanos()).isEqualTo(DEADLINE);
        assertThat(timer.spend(1)).isFalse();
        assertThat(timer.timedOut()).isTrue();
        assertThat(timer.nowNanos()).isEqualTo(DEADLINE);
        assertThat(timer.spentNanos()).isEqualTo(3_000);
    }

    @Test
    void overspendingStopsAtTheDeadline() {
        InvocationTimer timer = new InvocationTimer(START, DEADLINE);
        assertThat(timer.spend(10_000)).isFalse();
        assertThat(timer.timedOut()).isTrue();
        assertThat(timer.spentNanos()).isEqualTo(3_000);
        assertThat(timer.nowNanos()).isEqualTo(DEADLINE);
    }

    @Test
    void afterATimeoutNothingMoreCanBeSpentNotEvenZero() {
        InvocationTimer timer = new InvocationTimer(START, DEADLINE);
        timer.timeOut();
        assertThat(timer.spend(0)).isFalse();
        assertThat(timer.spentNanos()).isEqualTo(3_000);
    }

    @Test
    void knowsItsStartAndDeadline() {
        InvocationTimer timer = new InvocationTimer(START, DEADLINE);
        assertThat(timer.startNanos()).isEqualTo(START);
        assertThat(timer.deadlineNanos()).isEqualTo(DEADLINE);
        assertThat(timer.nowNanos()).isEqualTo(START);
        assertThat(timer.spend(0)).isTrue();
        assertThat(timer.nowNanos()).isEqualTo(START);
    }

    @Test
    void aNegativeDurationIsRefused() {
        InvocationTimer timer = new InvocationTimer(START, DEADLINE);
        assertThatThrownBy(() -> timer.spend(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot spend a negative duration");
    }
}
