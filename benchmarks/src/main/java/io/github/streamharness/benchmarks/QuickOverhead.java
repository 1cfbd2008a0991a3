package io.github.streamharness.benchmarks;

/**
 * A short check of the overhead ratio while iterating on the engine (not part of benchmarks/run.sh): alternates
 * the direct and the harness path of {@link OverheadBenchmark} in one JVM and prints each round's ratio.
 * Usage: {@code java -cp ... QuickOverhead [rounds]}.
 */
public final class QuickOverhead {
    private QuickOverhead() {
    }

    /** Runs {@code args[0]} rounds (default 8) and prints records/s of both paths and their ratio. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        OverheadBenchmark b = new OverheadBenchmark();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            b.direct();
            long c1 = threads.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            b.harness();
            long c2 = threads.getCurrentThreadCpuTime();
            long p2 = os.getProcessCpuTime();
            System.out.printf("round %d: thread CPU direct %.0f ms harness %.0f ms ratio %.2f;"
                    + " process CPU direct %.0f ms harness %.0f ms ratio %.2f%n", r, (c1 - c0) / 1e6,
                    (c2 - c1) / 1e6, (double) (c2 - c1) / (c1 - c0), (p1 - p0) / 1e6, (p2 - p1) / 1e6,
                    (double) (p2 - p1) / (p1 - p0));
        }
    }
}
