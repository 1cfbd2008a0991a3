package io.github.streamharness.internal.mapping;

import java.util.Arrays;

/**
 * A growable FIFO of ints (shard record indices) with random access from the head. Not final: a lane's
 * {@link PendingRecords} is one, so that a put reaches the queue's array from the lane in one hop less.
 */
class IntQueue {
    private int[] items = new int[16];
    private int head;
    private int tail;

    void add(int value) {
        if (tail == items.length) {
            if (head > items.length / 2) {
                System.arraycopy(items, head, items, 0, tail - head);
                tail -= head;
                head = 0;
            } else {
                items = Arrays.copyOf(items, items.length * 2);
            }
        }
        items[tail++] = value;
    }

    int size() {
        return tail - head;
    }

    boolean isEmpty() {
        return tail == head;
    }

    /** The i-th element from the head. */
    int get(int i) {
        if (i < 0 || i >= tail - head) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[head + i];
    }

    /** Removes {@code n} elements from the head. */
    void drop(int n) {
        if (n > tail - head) {
            throw new IllegalStateException("cannot drop " + n + " of " + (tail - head));
        }
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }
}
