package io.github.streamharness.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A developer's A/B of two checkouts of the project in one JVM (not part of benchmarks/run.sh): each checkout's
 * classes are loaded by a class loader of their own over the same dependency jars, and the two run the same workload
 * in turns (A then B, then B then A, ...), so that whatever else the host does at a given moment slows both alike.
 * On a shared 2-core host, fresh-JVM pairs of the PF 10 incident differ by 10% or more from pair to pair; these
 * alternating rounds resolve about 1.5% (an A/A comparison, the same code on both sides, gave 0.988 median and 1.005
 * mean over 38 rounds). Each checkout needs {@code mvn -B -q -pl benchmarks -am process-classes -DskipTests} first.
 *
 * <p>Usage: {@code java -Xmx1g -cp <CP> io.github.streamharness.benchmarks.AbCompare <checkoutA> <checkoutB>
 * [incident|overhead] [rounds]}. {@code incident}: the PF 10 incident for 5 virtual minutes ({@link IncidentScale}),
 * judged on its thread-CPU speed-up; {@code overhead}: the harness path of {@link OverheadBenchmark}, judged on its
 * thread-CPU time. The first {@value #WARM_ROUNDS} rounds are JIT warm-up and are not counted; the result is the
 * median and mean over the other rounds of B's figure against A's (above 1: B is faster).
 */
public final class AbCompare {
    /** Rounds at the start that only warm the JIT up. */
    static final int WARM_ROUNDS = 2;
    private static final String PACKAGE = "io.github.streamharness.benchmarks.";

    private AbCompare() {
    }

    /** One side's figure in one round: higher is better. */
    @FunctionalInterface
    interface Workload {
        double run() throws Exception;
    }

    /** Runs the comparison {@code args} describe (see the class comment) and prints every round and the result. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: AbCompare <checkoutA> <checkoutB> [incident|overhead] [rounds]"
                    + " (each checkout built with mvn -B -q -pl benchmarks -am process-classes -DskipTests)");
        }
        String mode = args.length > 2 ? args[2] : "incident";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        List<URL> jars = dependencyJars(a);
        if (!jars.equals(dependencyJars(b))) {
            System.out.println("note: the two checkouts resolve different dependency jars; both run on A's");
        }
        URLClassLoader shared = new URLClassLoader(jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Workload wa = workload(mode, checkoutLoader(a, shared));
        Workload wb = workload(mode, checkoutLoader(b, shared));
        Comparison result = compare(wa, wb, rounds, System.out);
        System.out.println(result.summary(mode.equals("incident") ? "thread-CPU speed-up" : "records per CPU second"));
    }

    /** The jars of a checkout's benchmarks classpath (its own classes left out: each loader adds them). */
    static List<URL> dependencyJars(Path checkout) throws IOException {
        Path file = checkout.resolve("benchmarks/target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: build the checkout first with "
                    + "mvn -B -q -pl benchmarks -am process-classes -DskipTests");
        }
        List<URL> jars = new ArrayList<>();
        for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        return jars;
    }

    private static ClassLoader checkoutLoader(Path checkout, ClassLoader shared) throws MalformedURLException {
        List<URL> dirs = new ArrayList<>();
        for (String module : List.of("junit-extension", "benchmarks")) {
            Path classes = checkout.resolve(module).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalArgumentException(classes + " is missing: build the checkout first with "
                        + "mvn -B -q -pl benchmarks -am process-classes -DskipTests");
            }
            dirs.add(classes.toUri().toURL());
        }
        return new URLClassLoader(dirs.toArray(new URL[0]), shared);
    }

    /** The workload {@code mode} names, on the classes of {@code loader}. */
    static Workload workload(String mode, ClassLoader loader) throws ReflectiveOperationException {
        switch (mode) {
            case "incident": {
                Method main = Class.forName(PACKAGE + "IncidentScale", true, loader).getMethod("main", String[].class);
                return () -> incident(main, loader);
            }
            case "overhead": {
                Class<?> type = Class.forName(PACKAGE + "OverheadBenchmark", true, loader);
                Object benchmark = type.getConstructor().newInstance();
                Method harness = type.getMethod("harness");
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                return () -> {
                    long start = threads.getCurrentThreadCpuTime();
                    call(harness, benchmark, loader);
                    return OverheadBenchmark.RECORDS / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
                };
            }
            default:
                throw new IllegalArgumentException("unknown workload \"" + mode + "\": incident or overhead");
        }
    }

    /** The PF 10 incident for 5 virtual minutes; its thread-CPU speed-up over real time. */
    private static double incident(Method main, ClassLoader loader) throws Exception {
        Path out = Files.createTempFile("ab-incident", ".properties");
        PrintStream console = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the run's own lines would interleave
            call(main, null, loader, (Object) new String[] {out.toString(), "10", "5"});
        } finally {
            System.setOut(console);
        }
        Properties figures = new Properties();
        try (Reader r = Files.newBufferedReader(out)) {
            figures.load(r);
        } finally {
            Files.deleteIfExists(out);
        }
        return Double.parseDouble(figures.getProperty("cpuSpeedup"));
    }

    private static Object call(Method m, Object target, ClassLoader loader, Object... args) throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            current.setContextClassLoader(before);
        }
    }

    /**
     * Runs {@code rounds} rounds of both workloads, A first in even rounds and B first in odd ones, printing each
     * round to {@code log}; the rounds after the first {@link #WARM_ROUNDS} count.
     */
    static Comparison compare(Workload a, Workload b, int rounds, PrintStream log) throws Exception {
        if (rounds <= WARM_ROUNDS) {
            throw new IllegalArgumentException("rounds must be more than the " + WARM_ROUNDS + " warm-up rounds, got "
                    + rounds);
        }
        List<double[]> counted = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double fa;
            double fb;
            if (round % 2 == 0) {
                fa = a.run();
                fb = b.run();
            } else {
                fb = b.run();
                fa = a.run();
            }
            log.printf(Locale.ROOT, "round %2d%s  A %,.0f  B %,.0f  B/A %.3f%n", round,
                    round < WARM_ROUNDS ? " (warm-up)" : "", fa, fb, fb / fa);
            if (round >= WARM_ROUNDS) {
                counted.add(new double[] {fa, fb});
            }
        }
        return new Comparison(counted);
    }

    /** The counted rounds' figures, A's and B's. */
    record Comparison(List<double[]> rounds) {
        /** The median over rounds of B's figure over A's. */
        double medianRatio() {
            double[] ratios = rounds.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
            int n = ratios.length;
            return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
        }

        /** B's mean figure over A's mean figure. */
        double meanRatio() {
            double[] mean = mean();
            return mean[1] / mean[0];
        }

        private double[] mean() {
            double[] sum = new double[2];
            for (double[] r : rounds) {
                sum[0] += r[0];
                sum[1] += r[1];
            }
            return new double[] {sum[0] / rounds.size(), sum[1] / rounds.size()};
        }

        String summary(String figure) {
            double[] mean = mean();
            return String.format(Locale.ROOT, "%d rounds counted (%s): B/A median %.3f, B/A of the means %.3f "
                    + "(A %,.0f, B %,.0f); above 1 means B is faster", rounds.size(), figure, medianRatio(),
                    meanRatio(), mean[0], mean[1]);
        }
    }
}
