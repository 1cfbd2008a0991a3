package io.github.streamharness.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wall time, allocated bytes, GC time and peak heap of one measured run on the current thread. Benchmarks measure
 * real time by nature; nothing in the harness reads it.
 */
final class Measurement implements AutoCloseable {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            record(info.getGcInfo().getMemoryUsageBeforeGc(), info.getGcInfo().getMemoryUsageAfterGc());
        }
    };
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long startNanos;
    private final long startCpu;
    private final long startProcessCpu;
    private final long startAllocated;
    private final long startGcMillis;
    private volatile long peakBeforeGc;
    private volatile long peakAfterGc;
    private long wallNanos = -1;
    private long cpuNanos;
    private long processCpuNanos;
    private long allocated;
    private long gcMillis;

    /** Starts measuring now. */
    Measurement() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        startGcMillis = gcMillis();
        startAllocated = threads.getCurrentThreadAllocatedBytes();
        startProcessCpu = os.getProcessCpuTime();
        startCpu = threads.getCurrentThreadCpuTime();
        startNanos = System.nanoTime();
    }

    /** Stops the clock and the counters. */
    Measurement stop() {
        long end = System.nanoTime();
        cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;
        processCpuNanos = os.getProcessCpuTime() - startProcessCpu;
        allocated = threads.getCurrentThreadAllocatedBytes() - startAllocated;
        gcMillis = gcMillis() - startGcMillis;
        wallNanos = end - startNanos;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakBeforeGc = Math.max(peakBeforeGc, used);
        return this;
    }

    long wallNanos() {
        return wallNanos;
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    /**
     * CPU time of the measuring thread: what the run cost, without the time the OS gave other processes (a loaded
     * machine stretches wall time, not this).
     */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** CPU time of the whole JVM (every thread: the run, the GC, the JIT compilers). */
    double processCpuSeconds() {
        return processCpuNanos / 1e9;
    }

    long allocatedBytes() {
        return allocated;
    }

    long gcMillis() {
        if (wallNanos >= 0) {
            return gcMillis;
        }
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** The most heap in use at any moment seen: just before a collection, or at the end. */
    long peakHeapBytes() {
        return peakBeforeGc;
    }

    /** The most heap still in use right after a collection: the peak live set (an upper bound of it). */
    long peakLiveBytes() {
        return peakAfterGc;
    }

    private void record(Map<String, MemoryUsage> before, Map<String, MemoryUsage> after) {
        long b = 0;
        long a = 0;
        for (MemoryUsage u : before.values()) {
            b += u.getUsed();
        }
        for (MemoryUsage u : after.values()) {
            a += u.getUsed();
        }
        // non-heap pools (metaspace, code cache) are in these maps too; they are small and steady
        synchronized (this) {
            peakBeforeGc = Math.max(peakBeforeGc, b);
            peakAfterGc = Math.max(peakAfterGc, a);
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
