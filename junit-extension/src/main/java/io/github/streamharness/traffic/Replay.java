package io.github.streamharness.traffic;

import java.time.Instant;

/**
 * What a replay did or scheduled: how many records, and the virtual times of the first and last put. With original
 * spacing the later puts happen as the harness's time advances, e.g. {@code harness.advanceTo(replay.endsAt())}.
 *
 * @param records  the number of records put or scheduled
 * @param startsAt the virtual time of the first put (the time of the replay call)
 * @param endsAt   the virtual time of the last put
 */
public record Replay(int records, Instant startsAt, Instant endsAt) {
}
