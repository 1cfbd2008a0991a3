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
 * worker thread; past a wall-clock limit it is interrupted and the invocation is recorded as a timeout (spec 0.4).
 * The worker is abandoned and replaced; when the harness closes, every worker, abandoned ones included, is stopped
 * and waited for (up to 5 s each), so none outlives the harness unless its handler ignores interrupts.
 */
final class RealTimeWatchdog implements AutoCloseable {
    private final String functionName;
    private final Duration limit;
    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService executor;
    private final List<Thread> workers = new ArrayList<>();

    RealTimeWatchdog(String functionName, Duration limit) {
        this.functionName = functionName;
        this.limit = limit;
    }

    Object run(Invoker.HandlerCall call, InvocationTimer timer) throws Throwable {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "streamharness-watchdog-" + functionName + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                synchronized (workers) {
                    workers.removeIf(w -> !w.isAlive());
                    workers.add(t);
                }
                return t;
            });
        }
        Future<Object> future = executor.submit(() -> {
            try {
                return call.call();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            timer.timeOut();
            ExecutorService stuck = executor;
            executor = null;
            stuck.shutdownNow();
            throw new Fired("the handler blocked for more than " + limit.toMillis() + " ms of real time and was "
                    + "interrupted by the real-time watchdog");
        } catch (ExecutionException e) {
            throw e.getCause();
        }
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
        for (Thread worker : all) {
            try {
                worker.join(5_000); // abandoned workers too: an interrupted handler may still be cleaning up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The watchdog stopped a handler that blocked for real. */
    static final class Fired extends RuntimeException {
        Fired(String message) {
            super(message, null, false, false);
        }
    }
}
