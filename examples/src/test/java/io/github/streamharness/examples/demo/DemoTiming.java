package io.github.streamharness.examples.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Times the demo against a fixed baseline in the same JVM, for a machine shared with other builds: the baseline (the
 * incident's two configurations at 1,000 records/s for 2 minutes) runs before and after the demo, and the figure to
 * compare between runs is the demo's time over the baseline's. Not a test: run it with the test classpath,
 * {@code java -cp examples/target/test-classes:examples/target/classes:.. io.github.streamharness.examples.demo.DemoTiming}.
 */
final class DemoTiming {
    private DemoTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        IncidentScenario baseline = new IncidentScenario(1_000, Duration.ofMinutes(2), Duration.ofSeconds(20));
        Demo.incident(baseline); // warm the JIT: the first baseline would otherwise pay for it
        double before = seconds(() -> Demo.incident(baseline));
        String loadBefore = load();
        long cpu = cpuNanos();
        PrintStream demoOut = new PrintStream(args.length > 1 ? Files.newOutputStream(Path.of(args[1]))
                : OutputStream.nullOutputStream(), true);
        double demo = seconds(() -> {
            try {
                Demo.run(demoOut, out, Demo.Scale.of(new String[0]), false);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double demoCpu = (cpuNanos() - cpu) / 1e9;
        String loadAfter = load();
        double after = seconds(() -> Demo.incident(baseline));
        System.out.printf(Locale.ROOT, "demo %.1f s wall, %.1f s CPU; baseline %.2f s before, %.2f s after; demo / "
                        + "baseline %.1f; load %s -> %s%n", demo, demoCpu, before, after, demo / ((before + after) / 2),
                loadBefore, loadAfter);
    }

    private static double seconds(Runnable r) {
        long start = System.nanoTime(); // a measurement of the real time, which is the point here
        r.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
