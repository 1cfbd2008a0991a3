package io.github.streamharness.benchmarks;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What idle lanes cost: a stream of many shards (or lanes) where each lane took one record and is caught up, then
 * one virtual hour passes with nothing to do. With no cost per idle lane per virtual second, the hour costs the
 * same (next to nothing) with 10 lanes, 1,000 lanes and 10,000 shards: the scheduler holds no event for an idle lane.
 */
public final class IdleLanes {
    /** (shards, ParallelizationFactor) of each measured stream. */
    static final int[][] LAYOUTS = {{10, 1}, {100, 10}, {10_000, 1}};

    private IdleLanes() {
    }

    /** Measures every layout and writes the figures to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Results results = new Results();
        idleHourMillis(10, 1); // warm-up
        for (int[] layout : LAYOUTS) {
            int shards = layout[0];
            int pf = layout[1];
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                best = Math.min(best, idleHourMillis(shards, pf));
            }
            results.put("idle." + shards + "." + pf + ".hourCpuMs", best);
        }
        results.write(Path.of(args[0]));
    }

    /** CPU ms of the thread for one idle virtual hour after every lane of the layout took a record. */
    static double idleHourMillis(int shards, int pf) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        NoOpHandler handler = new NoOpHandler();
        try (StreamHarness h = StreamHarness.builder().shards(shards)
                .mapping(EventSourceMappingConfig.builder().batchSize(100).parallelizationFactor(pf).build())
                .handler(handler).build()) {
            for (int i = 0; i < shards * pf * 20; i++) {
                h.put("key-" + i, "{}"); // about 20 keys per lane: every lane reads a record once
            }
            h.runUntilIdle();
            long start = threads.getCurrentThreadCpuTime();
            h.advance(Duration.ofHours(1));
            h.runUntilIdle();
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (handler.records() != shards * pf * 20L) {
                throw new IllegalStateException("delivered " + handler.records());
            }
            return cpu / 1e6;
        }
    }
}
