package io.github.streamharness.examples.demo;

import io.github.streamharness.examples.incident.FunctionConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The incident of {@code analytics-stream-processor}, replayed in virtual time at the production rate: 10 shards,
 * 10,000 metric records per second, one poison pill, DynamoDB writes that are sometimes throttled for 25 s or more.
 * The same traffic runs against the configuration before the fix and after it (one thread each); the demo prints
 * both side by side over virtual time and writes an SVG chart of the iterator age.
 *
 * <p>Arguments, all optional: the output directory of the chart (default {@code target}), the virtual minutes to
 * replay (default 45), the seconds the 10,000 records/s peak lasts (default 30; the rest runs at 50 records/s, so
 * the replay takes seconds: every record costs real time, idle virtual time costs almost none).
 */
public final class Demo {
    private static final long PEAK_RATE = 10_000;
    private static final long BASE_RATE = 50;
    private static final Duration POISON_PILL_AT = Duration.ofSeconds(20);
    private static final int THROTTLED_ONE_IN = 20_000;

    private Demo() {
    }

    /** Runs both configurations, prints the table and writes the chart. */
    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        Path outputDirectory = Path.of(args.length > 0 ? args[0] : "target");
        Duration duration = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 45);
        Duration peak = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        IncidentReplay.Scenario scenario = new IncidentReplay.Scenario(PEAK_RATE, peak, BASE_RATE, duration,
                POISON_PILL_AT, THROTTLED_ONE_IN, reportEvery(duration));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Replaying %s of analytics-stream in virtual time: %d shards, %d hosts, the peak of "
                        + "%,d records/s for %s, then %,d records/s;%n"
                        + "a poison pill at %s; 1 DynamoDB write in %,d throttled (25 s and more).%n",
                Table.clock(duration), IncidentReplay.SHARDS, IncidentReplay.HOSTS, PEAK_RATE, Table.clock(peak),
                BASE_RATE, Table.clock(POISON_PILL_AT), THROTTLED_ONE_IN);
        IncidentReplay before = new IncidentReplay(FunctionConfig.BEFORE_THE_FIX, scenario);
        IncidentReplay after = new IncidentReplay(FunctionConfig.AFTER_THE_FIX, scenario);

        long wallStart = System.nanoTime(); // the demo's own real cost, reported at the end
        List<IncidentReplay.Result> results = runSideBySide(out, before, after, duration, wallStart);
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;

        out.println();
        for (IncidentReplay.Result r : results) {
            out.printf(Locale.ROOT, "  %-15s %s%n", r.config().name() + ":", ConfigText.of(r.config()));
        }
        out.println();
        Table.print(out, results.get(0), results.get(1));
        out.println();
        Summary.print(out, results, duration);

        Files.createDirectories(outputDirectory);
        Path chart = outputDirectory.resolve("incident-iterator-age.svg").toAbsolutePath();
        Files.writeString(chart, IteratorAgeChart.svg("analytics-stream: iterator age, before and after the fix",
                duration, POISON_PILL_AT, results), StandardCharsets.UTF_8);
        out.println("Chart of the iterator age: " + chart);
        out.printf(Locale.ROOT, "Replayed %s of virtual time twice (%,d records each) in %.1f s of real time "
                        + "(before the fix %.1f s, after the fix %.1f s, side by side on two threads).%n",
                Table.clock(duration), results.get(0).last().recordsPut(), wallMillis / 1000.0,
                results.get(0).wallMillis() / 1000.0, results.get(1).wallMillis() / 1000.0);
    }

    private static List<IncidentReplay.Result> runSideBySide(PrintStream out, IncidentReplay before,
                                                             IncidentReplay after, Duration duration, long wallStart)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<IncidentReplay.Result> b = pool.submit(before);
            Future<IncidentReplay.Result> a = pool.submit(after);
            while (!(b.isDone() && a.isDone())) {
                printProgress(out, before, after, duration, wallStart);
                try {
                    (b.isDone() ? a : b).get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // print the progress line again
                }
            }
            printProgress(out, before, after, duration, wallStart);
            out.println();
            return List.of(b.get(), a.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void printProgress(PrintStream out, IncidentReplay before, IncidentReplay after, Duration duration,
                                      long wallStart) {
        out.printf(Locale.ROOT, "\r  progress: before the fix %s, after the fix %s of %s virtual; %,d + %,d records; "
                        + "%.1f s real",
                Table.clock(Duration.ofSeconds(before.secondsDone())),
                Table.clock(Duration.ofSeconds(after.secondsDone())), Table.clock(duration), before.recordsPut(),
                after.recordsPut(), (System.nanoTime() - wallStart) / 1e9);
        out.flush();
    }

    /** About a dozen rows: every 15 s for 3 minutes, every 5 minutes for an hour. */
    private static Duration reportEvery(Duration duration) {
        long seconds = Math.max(5, duration.toSeconds() / 12);
        long[] nice = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
        for (long n : nice) {
            if (n >= seconds) {
                return Duration.ofSeconds(n);
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
