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

    @Test
    void removingAnEventThatIsNotQueuedChangesNothing() {
        EventHeap heap = new EventHeap();
        EventHeap.Event queued = new EventHeap.Event(5, 0, () -> { });
        EventHeap.Event never = new EventHeap.Event(1, 1, () -> { });
        heap.add(queued);
        heap.remove(never);
        heap.remove(never);
        assertThat(heap.size()).isEqualTo(1);
        assertThat(heap.poll()).isSameAs(queued);
    }

    @Test
    void aMovedLastEventSiftsUpWhenItIsEarlierThanTheRemovedSlotsParent() {
        // heap slots: 0:t0, 1:t10, 2:t1, 3:t11, 4:t12, 5:t2; removing slot 3 moves t2 (the last) under t10
        EventHeap heap = new EventHeap();
        long[] times = {0, 10, 1, 11, 12, 2};
        List<EventHeap.Event> events = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            EventHeap.Event e = new EventHeap.Event(times[i], i, () -> { });
            events.add(e);
            heap.add(e);
        }
        heap.remove(events.get(3));
        assertThat(events.get(5).index).isEqualTo(1); // above t10 now
        long[] polled = new long[5];
        for (int i = 0; i < polled.length; i++) {
            polled[i] = heap.poll().atNanos;
        }
        assertThat(polled).containsExactly(0, 1, 2, 10, 12);
    }
}
