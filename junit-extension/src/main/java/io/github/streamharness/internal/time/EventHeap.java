package io.github.streamharness.internal.time;

import java.util.Arrays;

/**
 * The scheduler's queue: a binary min-heap of events ordered by (time, sequence), where each event knows its slot, so
 * a scheduled event can be taken out or moved in O(log n) instead of being left behind as a stale no-op. Holds only
 * the events that will still do something: its size, and the cost of every operation, do not grow with re-planning.
 */
final class EventHeap {
    /** One event: when, its order among events of the same time, and what it does. */
    static final class Event {
        long atNanos;
        long seq;
        final Runnable action;
        /** The event's slot in the heap, or -1 while it is not queued. */
        int index = -1;

        Event(long atNanos, long seq, Runnable action) {
            this.atNanos = atNanos;
            this.seq = seq;
            this.action = action;
        }

    }

    // the heap's keys in arrays beside it: a comparison reads two longs in a row, not an Event object elsewhere
    private Event[] heap = new Event[64];
    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code e} at its {@code atNanos} and {@code seq}, which must not change while it is queued. */
    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            times = Arrays.copyOf(times, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        siftUp(size++, e, e.atNanos, e.seq);
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        Event first = heap[0];
        removeAt(0);
        return first;
    }

    /** Takes {@code e} out of the heap; nothing when it is not in it. */
    void remove(Event e) {
        if (e.index >= 0) {
            removeAt(e.index);
        }
    }

    private void removeAt(int i) {
        Event removed = heap[i];
        removed.index = -1;
        int last = --size;
        Event moved = heap[last];
        long t = times[last];
        long q = seqs[last];
        heap[last] = null;
        if (i == last) {
            return;
        }
        siftDown(i, moved, t, q);
        if (heap[i] == moved) {
            siftUp(i, moved, t, q);
        }
    }

    private static boolean before(long t1, long q1, long t2, long q2) {
        return t1 < t2 || t1 == t2 && q1 < q2;
    }

    private void siftUp(int i, Event e, long t, long q) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(t, q, times[parent], seqs[parent])) {
                break;
            }
            place(i, heap[parent], times[parent], seqs[parent]);
            i = parent;
        }
        place(i, e, t, q);
    }

    private void siftDown(int i, Event e, long t, long q) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!before(times[child], seqs[child], t, q)) {
                break;
            }
            place(i, heap[child], times[child], seqs[child]);
            i = child;
        }
        place(i, e, t, q);
    }

    private void place(int i, Event e, long t, long q) {
        heap[i] = e;
        times[i] = t;
        seqs[i] = q;
        e.index = i;
    }
}
