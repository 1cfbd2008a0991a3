package io.github.streamharness.internal.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a lane can never move again: what {@code ledger().verify()} reports as a stuck lane (issue 11). */
class LaneStuckTest {

    @ParameterizedTest(name = "{0}, step scheduled {1}, completion scheduled {2}, {3} pending -> stuck {4}")
    @CsvSource({
        // in flight: its completion must be on the scheduler
        "IN_FLIGHT, false, true,  1, false",
        "IN_FLIGHT, false, false, 1, true",
        "IN_FLIGHT, true,  false, 1, true",
        // about to poll, gathering a window, or waiting out a back-off: its step must be on the scheduler
        "READY,     true,  false, 1, false",
        "READY,     false, false, 1, true",
        "WINDOW,    false, false, 3, true",
        "WINDOW,    true,  false, 3, false",
        "BACKOFF,   false, false, 2, true",
        "BACKOFF,   true,  false, 2, false",
        // idle: stuck only if records wait and no poll is coming
        "IDLE,      false, false, 0, false",
        "IDLE,      false, false, 1, true",
        "IDLE,      true,  false, 1, false",
        // disabled: waits for enable(), by design
        "DISABLED,  false, false, 5, false",
    })
    void aLaneWithoutItsNextEventScheduledIsStuck(LaneStatus status, boolean step, boolean completion, int pending,
                                                  boolean stuck) {
        assertThat(LaneStatus.stuck(status, step, completion, pending)).isEqualTo(stuck);
    }
}
