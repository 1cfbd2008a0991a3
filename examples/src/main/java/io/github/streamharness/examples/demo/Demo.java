package io.github.streamharness.examples.demo;

import io.github.streamharness.whatif.ConfigurationResult;
import io.github.streamharness.whatif.Configuration;
import io.github.streamharness.whatif.WhatIf;
import io.github.streamharness.whatif.WhatIfReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The incident of {@code analytics-stream-processor}, reproduced at its real scale in virtual time and diagnosed with
 * the runbook's steps: 10 shards, 10,000 metric records per second for 45 minutes from 500 hosts, a record cut short
 * that makes the parser hang until the function timeout (A), one DynamoDB write in 20,000 taking 25 s or more (B),
 * and a 6 s Init on every new execution environment (C). The configurations before and after the fix are read from
 * the module's SAM templates and run side by side, one per thread ({@link WhatIf}). Then the runbook's parameter
 * table as a sweep (each change alone, and all together) and Power Tuning's memory what-if, on a shorter slice of the
 * same traffic.
 *
 * Last, the runbook's step 5: provisioned concurrency, so that the scale-out to a hundred lanes pays no cold start.
 *
 * <p>Arguments, all optional: the output directory of the charts (default {@code target}); the incident's virtual
 * minutes (45) and records per second (10000); the parameter sweep's minutes (10) and records per second (200), the
 * memory what-if and step 5 running a fifth of those minutes.
 */
public final class Demo {
    private Demo() {
    }

    /** The sizes of a run: the incident and the shorter slices of it the sweeps and step 5 replay. */
    record Scale(IncidentScenario incident, IncidentScenario sweep, IncidentScenario memory,
                 IncidentScenario scaleOut) {
        static Scale of(String[] args) {
            long minutes = args.length > 1 ? Long.parseLong(args[1]) : 45;
            long rate = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
            long sweepMinutes = args.length > 3 ? Long.parseLong(args[3]) : 10;
            long sweepRate = args.length > 4 ? Long.parseLong(args[4]) : 200;
            Duration pill = Duration.ofSeconds(20);
            IncidentScenario shortSlice = new IncidentScenario(sweepRate,
                    Duration.ofMinutes(Math.max(1, sweepMinutes / 5)), pill);
            return new Scale(new IncidentScenario(rate, Duration.ofMinutes(minutes), pill),
                    new IncidentScenario(sweepRate, Duration.ofMinutes(sweepMinutes), pill), shortSlice, shortSlice);
        }
    }

    /** Runs the incident, the sweeps, prints everything and writes the charts. */
    public static void main(String[] args) throws IOException {
        run(System.out, Path.of(args.length > 0 ? args[0] : "target"), Scale.of(args), System.console() != null);
    }

    static void run(PrintStream out, Path outputDirectory, Scale scale, boolean terminal) throws IOException {
        long wallStart = System.nanoTime(); // the demo reports its own real cost; everything it runs is virtual
        Files.createDirectories(outputDirectory);
        IncidentScenario s = scale.incident();
        Configuration before = IncidentScenario.beforeTheFix();
        Configuration after = IncidentScenario.afterTheFix();
        out.printf(Locale.ROOT, "The incident of analytics-stream-processor, replayed in virtual time: %d shards, %d "
                        + "hosts, %,d records/s for %s (%,d records per configuration);%n"
                        + "  A: a record cut short at %s makes the parser hang until the function timeout;%n"
                        + "  B: 1 DynamoDB write in %,d takes 25 s or more;  C: %d s of Init per new execution "
                        + "environment, counted against the timeout.%n%n",
                IncidentScenario.SHARDS, IncidentScenario.HOSTS, s.rate(), Format.clock(s.duration()), s.records(),
                Format.clock(s.poisonAt()), IncidentScenario.SLOW_WRITE_ONE_IN, IncidentScenario.INIT.toSeconds());

        WhatIfReport incident = run(s, List.of(before, after), IncidentReport.TABLE_PERIOD, out, terminal);
        out.println();
        ConfigurationResult b = incident.result(before.name());
        ConfigurationResult a = incident.result(after.name());
        IncidentReport.section(out, b);
        IncidentReport.section(out, a);
        IncidentReport.sideBySide(out, b, a);
        IncidentReport.reading(out, b, a, s);
        Path chart = write(outputDirectory, "incident.svg", TimeSeriesChart.svg("analytics-stream, before and after "
                + "the fix (" + Format.count(s.rate()) + " records/s, " + Format.clock(s.duration()) + ")",
                s.duration(), incident.results(), TimeSeriesChart.INCIDENT_METRICS));
        out.println("\nChart: " + chart);
        long incidentMillis = incident.elapsed().toMillis();
        out.printf(Locale.ROOT, "The incident ran twice (%,d records each) in %.1f s of real time, one configuration "
                + "per thread.%n%n", s.records(), incidentMillis / 1000.0);

        IncidentScenario w = scale.sweep();
        out.printf(Locale.ROOT, "Steps 3 and 4, the parameter table as a what-if: each change alone, then all "
                        + "together (%,d records/s for %s, the same pill and faults):%n",
                w.rate(), Format.clock(w.duration()));
        WhatIfReport sweep = run(w, Sweeps.parameterTable(before, after), IncidentReport.TABLE_PERIOD, out, terminal);
        out.println(sweep.table());
        out.println("Chart: " + write(outputDirectory, "parameter-sweep.svg",
                sweep.svg("The parameter table: each change alone, and all together")));

        IncidentScenario m = scale.memory();
        out.printf(Locale.ROOT, "%nStep 4, the memory what-if (Power Tuning, rule 19.3): the fixed configuration at "
                        + "128 to 3008 MB, %,d records/s for %s;%n  duration scaled by the CPU share below 1,769 MB, us-east-1 "
                        + "x86 prices:%n", m.rate(), Format.clock(m.duration()));
        WhatIfReport memory = run(m, Sweeps.memory(after), IncidentReport.TABLE_PERIOD, out, terminal);
        out.println(memory.table());
        out.println("Chart: " + write(outputDirectory, "memory-what-if.svg",
                memory.svg("Memory what-if: the fixed configuration from 128 to 3008 MB")));
        IncidentScenario c = scale.scaleOut();
        out.printf(Locale.ROOT, "%nStep 5, provisioned concurrency (rule 15.4): the fixed configuration scales out to "
                        + "%d lanes (10 shards x PF %d), each new%n  execution environment spending %d s of Init "
                        + "against the timeout (cause C); with ProvisionedConcurrentExecutions %d none does "
                        + "(%,d records/s for %s):%n", IncidentScenario.SHARDS * after.mapping().parallelizationFactor(),
                after.mapping().parallelizationFactor(), IncidentScenario.INIT.toSeconds(),
                Sweeps.PROVISIONED, c.rate(), Format.clock(c.duration()));
        WhatIfReport provisioned = run(c, Sweeps.provisioned(after), Duration.ofMinutes(1), out, terminal);
        out.println(provisioned.table());
        for (ConfigurationResult r : provisioned.results()) {
            out.printf(Locale.ROOT, "  %-32s cold starts per minute: %s%n", r.name(), String.join(", ",
                    r.periods().stream().map(p -> Format.clock(p.start()) + " " + p.coldStarts()).toList()));
        }
        out.println("  (the estimate prices every invocation on demand: the provisioned-concurrency charge itself is "
                + "not in it)");
        out.println("Chart: " + write(outputDirectory, "provisioned-concurrency.svg",
                provisioned.svg("Step 5: the fixed configuration, on demand and with 100 provisioned environments")));
        double total = (System.nanoTime() - wallStart) / 1e9;
        out.printf(Locale.ROOT, "%nEverything above took %.1f s of real time (the incident %.1f s, the parameter "
                        + "sweep %.1f s, the memory what-if %.1f s, step 5 %.1f s).%n", total,
                incidentMillis / 1000.0, sweep.elapsed().toMillis() / 1000.0, memory.elapsed().toMillis() / 1000.0,
                provisioned.elapsed().toMillis() / 1000.0);
    }

    /** Runs {@code configurations} on the scenario, the progress on one line. */
    private static WhatIfReport run(IncidentScenario s, List<Configuration> configurations, Duration period,
                                    PrintStream out, boolean terminal) {
        Progress progress = new Progress(out, terminal).order(configurations);
        WhatIfReport report = whatIf(s, progress).configurations(configurations).period(period).run();
        progress.finish();
        return report;
    }

    /** A what-if of the scenario with the demo's probes. */
    static WhatIf.Builder whatIf(IncidentScenario s, WhatIf.ProgressListener progress) {
        return WhatIf.of(s.traffic(), IncidentScenario.handlers()).progress(progress)
                .probe("dlq", Probes::deadLetters)
                .probe("first DLQ message", Probes::firstDeadLetterAt)
                .probe("insights", Probes::insights);
    }

    private static Path write(Path directory, String name, String svg) throws IOException {
        Path file = directory.resolve(name).toAbsolutePath();
        Files.writeString(file, svg, StandardCharsets.UTF_8);
        return file;
    }

    /** No progress reports (for tests). */
    static WhatIf.ProgressListener quiet() {
        return (configuration, done, total, recordsPut) -> { };
    }

    /** The what-if results of the incident, for tests. */
    static List<ConfigurationResult> incident(IncidentScenario s) {
        return whatIf(s, quiet())
                .configurations(IncidentScenario.beforeTheFix(), IncidentScenario.afterTheFix())
                .period(IncidentReport.TABLE_PERIOD).run().results();
    }
}
