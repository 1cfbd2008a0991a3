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
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            b.direct();
            long t1 = System.nanoTime();
            b.harness();
            long t2 = System.nanoTime();
            double direct = OverheadBenchmark.RECORDS / ((t1 - t0) / 1e9);
            double harness = OverheadBenchmark.RECORDS / ((t2 - t1) / 1e9);
            System.out.printf("round %d: direct %,.0f/s harness %,.0f/s ratio %.2f%n", r, direct, harness,
                    direct / harness);
        }
    }
}
