package io.github.streamharness.internal.invoke;

import io.github.streamharness.internal.time.InvocationTimer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opt-in guard against handlers that block for real (a socket without a timeout, a deadlock): the handler runs on a
 * worker thread; past a wall-clock limit it is interrupted and the invocation is recorded as a timeout (rule 0.4).
 * The worker is abandoned and replaced; when the harness closes, every worker, abandoned ones included, is stopped
 * and waited for (up to 5 s each, also when the closing thread is interrupted), so none outlives the harness unless
 * its handler ignores interrupts.
 */
final class RealTimeWatchdog implements AutoCloseable {
    private static final long JOIN_MILLIS = 5_000;

    private final String functionName;
    private final Duration limit;
    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService executor;
    /** Every worker ever made and not yet seen terminated: a thread is only dropped once it has ended. */
    private final List<Thread> workers = new ArrayList<>();

    RealTimeWatchdog(String functionName, Duration limit) {
        this.functionName = functionName;
        this.limit = limit;
    }

    /**
     * Runs the call on the worker. Whatever the handler throws comes back inside the completion (never through
     * {@link ExecutionException}, whose constructor would call the throwable's {@code toString()}).
     *
     * @throws Fired                when the handler blocked past the limit
     * @throws InterruptedException when the calling thread was interrupted while it waited (its flag is set again)
     */
    Invoker.Completion run(Invoker.HandlerCall call, InvocationTimer timer) throws Fired, InterruptedException {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "streamharness-watchdog-" + functionName + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                synchronized (workers) {
                    // a NEW thread is not alive yet either: only threads that have ended may go
                    workers.removeIf(w -> w.getState() == Thread.State.TERMINATED);
                    workers.add(t);
                }
                return t;
            });
        }
        Future<Invoker.Completion> future = executor.submit(() -> {
            Invoker.Completion completion = Invoker.Completion.of(call);
            // the worker is pooled: report its interrupt to the caller and leave the thread clean
            return Thread.interrupted() ? completion.interrupted() : completion;
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(future);
            timer.timeOut();
            throw new Fired("the handler blocked for more than " + limit.toMillis() + " ms of real time and was "
                    + "interrupted by the real-time watchdog");
        } catch (InterruptedException e) {
            abandon(future);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            // Completion.of catches every throwable, so only a harness bug gets here
            throw new IllegalStateException("the watchdog's worker failed outside the handler", e.getCause());
        }
    }

    /** Interrupts the worker and replaces it: the next invocation gets a new executor. */
    private void abandon(Future<?> future) {
        future.cancel(true);
        ExecutorService stuck = executor;
        executor = null;
        stuck.shutdownNow();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        List<Thread> all;
        synchronized (workers) {
            all = new ArrayList<>(workers);
            workers.clear();
        }
        boolean interrupted = false;
        for (Thread worker : all) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
            while (worker.isAlive()) { // abandoned workers too: an interrupted handler may still be cleaning up
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: no thread may outlive close(); the flag is restored below
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The watchdog stopped a handler that blocked for real. */
    static final class Fired extends RuntimeException {
        Fired(String message) {
            super(message, null, false, false);
        }
    }
}
