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
 * the JUnit Platform launcher, first in a fresh JVM (what a CI build pays), then warm, averaged over repeats; then
 * {@link EmptyTests} (50 empty methods) warm, the baseline a test method costs without the harness.
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
        double cold = run(launcher, request);
        double warmTotal = 0;
        double best = Double.MAX_VALUE;
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < repeats; i++) {
            double ms = run(launcher, request);
            warmTotal += ms;
            best = Math.min(best, ms);
        }
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        LauncherDiscoveryRequest empty = request().selectors(selectClass(EmptyTests.class)).build();
        run(launcher, empty);
        double emptyTotal = 0;
        long emptyCpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < repeats; i++) {
            emptyTotal += run(launcher, empty);
        }
        double emptyCpuMs = (THREADS.getCurrentThreadCpuTime() - emptyCpu) / 1e6;
        new Results()
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
