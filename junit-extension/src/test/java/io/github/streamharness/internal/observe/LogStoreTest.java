package io.github.streamharness.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.LogEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The function's log events, kept per invocation (rule 16.2). */
class LogStoreTest {
    private static final String STREAM = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";

    private static LogEvent at(String time, String message) {
        return new LogEvent(Instant.parse("2026-01-01T" + time + "Z"), STREAM, message, "id");
    }

    @Test
    void eventsComeInTimeOrderAlthoughAnInvocationsLinesAreWrittenWhenItEnds() {
        // rule 16.2: invocation A (two lanes) logs at 00:00:00.500 but its lines are stored when it ends, after
        // invocation B started
        LogStore store = new LogStore(10);
        store.add(new LogEvent[] {at("00:00:00.000", "START A")});
        store.add(new LogEvent[] {at("00:00:01.000", "START B")});
        store.add(new LogEvent[] {at("00:00:00.500", "line of A"), at("00:00:02.000", "END A")});

        assertThat(store.events()).extracting(LogEvent::message)
                .containsExactly("START A", "line of A", "START B", "END A");
    }

    @Test
    void onlyTheLastInvocationsAreKeptButEveryLineIsCounted() {
        LogStore store = new LogStore(1); // one invocation: its START group and the rest
        store.add(new LogEvent[] {at("00:00:00.000", "START A")});
        store.add(new LogEvent[] {at("00:00:01.000", "END A"), at("00:00:01.000", "REPORT A")});
        store.add(new LogEvent[] {at("00:00:02.000", "START B")});

        assertThat(store.events()).extracting(LogEvent::message).containsExactly("END A", "REPORT A", "START B");
        assertThat(store.written()).isEqualTo(4);
    }

    @Test
    void aGroupWrittenAsARecipeIsBuiltOnlyWhenReadAndOnlyOnceAndOnlyIfStillKept() {
        // rule 16.2: the same lines as when written at once; a long run formats only the lines it keeps
        LogStore store = new LogStore(1);
        int[] built = new int[2];
        store.add(1, () -> {
            built[0]++;
            return new LogEvent[] {at("00:00:00.000", "START A")};
        });
        store.add(2, () -> {
            built[1]++;
            return new LogEvent[] {at("00:00:01.000", "END A"), at("00:00:01.000", "REPORT A")};
        });
        store.add(new LogEvent[] {at("00:00:02.000", "START B")}); // pushes START A out unread

        assertThat(built).containsExactly(0, 0);
        assertThat(store.written()).isEqualTo(4);
        assertThat(store.events()).extracting(LogEvent::message).containsExactly("END A", "REPORT A", "START B");
        assertThat(store.events()).extracting(LogEvent::message).containsExactly("END A", "REPORT A", "START B");
        assertThat(built).containsExactly(0, 1);
    }
}
