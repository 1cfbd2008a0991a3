package io.github.streamharness.internal.stream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The stream's put lock: reentrant mutual exclusion that costs one compare-and-set to take and a release store to
 * give back, where a {@code ReentrantLock} costs two full fences per put (its unlock's volatile write is one, and
 * the profile of the 100-lane incident put 20% of the harness thread's samples in lock and unlock).
 *
 * <p>The usual path is one thread and no contention. A thread that finds the lock taken spins briefly, then parks
 * for a few microseconds at a time and tries again: the holder never has to wake anyone, which is what lets the
 * unlock be a plain release store. Puts hold the lock for well under a microsecond, so a waiter loses little.
 */
final class PutLock {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PutLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 free, 1 taken; written by compare-and-set (take) and release store (give back). */
    @SuppressWarnings("unused")
    private volatile int state;
    /** The holder; written only by the holder, after the take and before the give-back. */
    private Thread owner;
    /** How many times the holder took it beyond the first (a listener asking the stream for a key's hash). */
    private int holds;

    /** Takes the lock, waiting while another thread holds it. */
    void lock() {
        if (!STATE.compareAndSet(this, 0, 1)) {
            Thread me = Thread.currentThread();
            if (owner == me) { // only the holder can read itself here: the holder clears it before giving back
                holds++;
                return;
            }
            await();
            owner = me;
            return;
        }
        owner = Thread.currentThread();
    }

    private void await() {
        int spins = 0;
        while (!STATE.compareAndSet(this, 0, 1)) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 5_000L);
            }
        }
    }

    /** Gives the lock back (once per {@link #lock}). */
    void unlock() {
        if (holds > 0) {
            holds--;
            return;
        }
        owner = null;
        STATE.setRelease(this, 0);
    }
}
