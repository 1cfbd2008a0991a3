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

        boolean before(Event o) {
            return atNanos < o.atNanos || atNanos == o.atNanos && seq < o.seq;
        }
    }

    private Event[] heap = new Event[64];
    private int size;

    int size() {
        return size;
    }

    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, e);
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
        heap[last] = null;
        if (i == last) {
            return;
        }
        siftDown(i, moved);
        if (heap[i] == moved) {
            siftUp(i, moved);
        }
    }

    private void siftUp(int i, Event e) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = e;
        e.index = i;
    }

    private void siftDown(int i, Event e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Event c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].before(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.before(e)) {
                break;
            }
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = e;
        e.index = i;
    }
}
