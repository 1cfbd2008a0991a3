package io.github.streamharness.benchmarks;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * What one {@code @KinesisStreamTest} method costs a user's build: {@link PoisonPillTests} (50 methods) run through
 * the JUnit Platform launcher, first in a fresh JVM (what a CI build pays), then warm, averaged over repeats, each
 * repeat followed by a run of {@link EmptyTests} (50 empty methods), the baseline a test method costs without the
 * harness.
 *
 * <p>The two alternate so that both are measured in the same state of the JIT and of the machine's load: measured
 * one after the other, the baseline ran on a JUnit already compiled by the fixture's runs while the fixture's own
 * runs paid JUnit's warm-up, which made up about half of the difference (issue 19).
 */
public final class PerTestCost {
    /** The launcher runs the tests on this thread (no parallel execution here): its CPU time is theirs. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private PerTestCost() {
    }

    /** Runs the fixture and writes the figures to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = request().selectors(selectClass(PoisonPillTests.class)).build();
        LauncherDiscoveryRequest empty = request().selectors(selectClass(EmptyTests.class)).build();
        double cold = run(launcher, request);
        run(launcher, empty); // the baseline's first run: its discovery's classes loaded
        double warmTotal = 0;
        double best = Double.MAX_VALUE;
        double emptyTotal = 0;
        long cpuNanos = 0;
        long emptyCpuNanos = 0;
        for (int i = 0; i < repeats; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            double ms = run(launcher, request);
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            warmTotal += ms;
            best = Math.min(best, ms);
            long emptyCpu = THREADS.getCurrentThreadCpuTime();
            emptyTotal += run(launcher, empty);
            emptyCpuNanos += THREADS.getCurrentThreadCpuTime() - emptyCpu;
        }
        double cpuMs = cpuNanos / 1e6;
        double emptyCpuMs = emptyCpuNanos / 1e6;
        // the same again after as many runs more: the figures once the JIT has compiled the per-test code too
        // (the repeats above still run much of it interpreted or in profiled C1 code), for the record beside them
        for (int i = 0; i < repeats; i++) {
            run(launcher, request);
            run(launcher, empty);
        }
        long steadyCpu = 0;
        long steadyEmptyCpu = 0;
        for (int i = 0; i < repeats; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            run(launcher, request);
            steadyCpu += THREADS.getCurrentThreadCpuTime() - cpu;
            long emptyCpu = THREADS.getCurrentThreadCpuTime();
            run(launcher, empty);
            steadyEmptyCpu += THREADS.getCurrentThreadCpuTime() - emptyCpu;
        }
        new Results()
                .put("steadyCpuMsPerTest", steadyCpu / 1e6 / repeats / 50)
                .put("steadyEmptyCpuMsPerTest", steadyEmptyCpu / 1e6 / repeats / 50)
                .put("emptyWarmMsPerTest", emptyTotal / repeats / 50)
                .put("warmCpuMsPerTest", cpuMs / repeats / 50)
                .put("emptyWarmCpuMsPerTest", emptyCpuMs / repeats / 50)
                .put("methods", 50)
                .put("coldClassMs", cold)
                .put("coldMsPerTest", cold / 50)
                .put("warmMsPerTest", warmTotal / repeats / 50)
                .put("bestMsPerTest", best / 50)
                .put("repeats", repeats)
                .write(Path.of(args[0]));
    }

    private static double run(Launcher launcher, LauncherDiscoveryRequest request) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(request, listener);
        double ms = (System.nanoTime() - start) / 1e6;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != 50 || summary.getTotalFailureCount() != 0) {
            summary.getFailures().forEach(f -> f.getException().printStackTrace());
            throw new IllegalStateException("expected 50 passing tests, got " + summary.getTestsSucceededCount()
                    + " passed and " + summary.getTotalFailureCount() + " failed");
        }
        return ms;
    }
}
