package io.github.streamharness.internal.time;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's heap against a sorted set of the same events: every poll gives the earliest (time, sequence), and
 * every queued event knows its slot, whatever mix of adds, removals from the middle and polls came before.
 */
class EventHeapTest {
    private static final Comparator<EventHeap.Event> ORDER =
            Comparator.<EventHeap.Event>comparingLong(e -> e.atNanos).thenComparingLong(e -> e.seq);

    @Test
    void pollsInTimeThenSequenceOrderUnderRandomAddsAndRemovals() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            EventHeap heap = new EventHeap();
            TreeSet<EventHeap.Event> model = new TreeSet<>(ORDER);
            List<EventHeap.Event> queued = new ArrayList<>();
            long seq = 0;
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(10);
                if (op < 5 || model.isEmpty()) { // few distinct times, so equal times are common
                    EventHeap.Event e = new EventHeap.Event(random.nextInt(8), seq++, () -> { });
                    heap.add(e);
                    model.add(e);
                    queued.add(e);
                } else if (op < 8) {
                    EventHeap.Event e = queued.remove(random.nextInt(queued.size()));
                    heap.remove(e);
                    model.remove(e);
                    assertThat(e.index).isEqualTo(-1);
                } else {
                    EventHeap.Event first = heap.poll();
                    assertThat(first).as("seed %d step %d", seed, step).isSameAs(model.pollFirst());
                    queued.remove(first);
                    assertThat(first.index).isEqualTo(-1);
                }
                assertThat(heap.size()).isEqualTo(model.size());
                assertThat(heap.peek()).isSameAs(model.isEmpty() ? null : model.first());
                for (EventHeap.Event e : queued) {
                    assertThat(e.index).isBetween(0, model.size() - 1);
                }
            }
            while (!model.isEmpty()) {
                assertThat(heap.poll()).isSameAs(model.pollFirst());
            }
            assertThat(heap.poll()).isNull();
            assertThat(heap.peek()).isNull();
        }
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

    @Test
    void equalTimesRunInSequenceOrder() {
        EventHeap.Event earlier = new EventHeap.Event(7, 3, () -> { });
        EventHeap.Event later = new EventHeap.Event(7, 4, () -> { });
        assertThat(earlier.before(later)).isTrue();
        assertThat(later.before(earlier)).isFalse();
        assertThat(earlier.before(earlier)).isFalse();
        assertThat(new EventHeap.Event(6, 9, () -> { }).before(earlier)).isTrue();
        assertThat(earlier.before(new EventHeap.Event(6, 9, () -> { }))).isFalse();
    }
}
