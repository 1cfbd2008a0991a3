package io.github.streamharness.internal.time;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's queue: events come out by (time, sequence), whatever was added, moved or taken out before. */
class EventHeapTest {

    @Test
    void pollsInTimeThenSequenceOrderThroughRandomAddsRemovesAndMoves() {
        SplittableRandom random = new SplittableRandom(7);
        EventHeap heap = new EventHeap();
        TreeSet<EventHeap.Event> expected = new TreeSet<>(
                Comparator.<EventHeap.Event>comparingLong(e -> e.atNanos).thenComparingLong(e -> e.seq));
        List<EventHeap.Event> queued = new ArrayList<>();
        long seq = 0;
        for (int step = 0; step < 4_000; step++) {
            int op = random.nextInt(4);
            if (op < 2 || queued.isEmpty()) {
                EventHeap.Event e = new EventHeap.Event(random.nextLong(50), seq++, () -> { });
                heap.add(e);
                expected.add(e);
                queued.add(e);
            } else if (op == 2) {
                EventHeap.Event e = queued.remove(random.nextInt(queued.size()));
                heap.remove(e);
                expected.remove(e);
                assertThat(e.index).isEqualTo(-1);
                if (random.nextBoolean()) { // moved, as Scheduler.Timer.at does
                    e.atNanos = random.nextLong(50);
                    e.seq = seq++;
                    heap.add(e);
                    expected.add(e);
                    queued.add(e);
                }
            } else {
                EventHeap.Event first = heap.poll();
                assertThat(first).isSameAs(expected.pollFirst());
                queued.remove(first);
            }
            assertThat(heap.size()).isEqualTo(expected.size());
            assertThat(heap.peek()).isSameAs(expected.isEmpty() ? null : expected.first());
        }
        while (!expected.isEmpty()) {
            assertThat(heap.poll()).isSameAs(expected.pollFirst());
        }
        assertThat(heap.poll()).isNull();
    }
}
