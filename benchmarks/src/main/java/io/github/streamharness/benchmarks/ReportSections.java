package io.github.streamharness.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of docs/performance.md added with issue 19's second round: where the incident's time goes (JFR), the
 * demo's 45-minute incident, and idle lanes. {@link ReportWriter} writes the rest.
 */
final class ReportSections {
    private static final Pattern DEMO = Pattern.compile(
            "The incident ran twice \\(([0-9,]+) records each\\) in ([0-9.]+) s of real time");
    private static final Pattern DEMO_RATE = Pattern.compile("([0-9,]+) records/s for ");
    /** The incident's own length: the demo's default, and what "full scale" means. */
    static final long INCIDENT_MINUTES = 45;

    private ReportSections() {
    }

    /**
     * The demo's own report of its incident: records per configuration, wall seconds and records per second (the
     * rate of its first line, 10,000 if absent), or null if not run.
     */
    static double[] demo(Path dir) throws IOException {
        Path file = dir.resolve("demo.txt");
        return Files.exists(file) ? demo(Files.readString(file, StandardCharsets.UTF_8)) : null;
    }

    /** As {@link #demo(Path)}, from the demo's output. */
    static double[] demo(String output) {
        Matcher m = DEMO.matcher(output);
        if (!m.find()) {
            return null;
        }
        Matcher rate = DEMO_RATE.matcher(output);
        return new double[] {number(m.group(1)), Double.parseDouble(m.group(2)),
            rate.find() ? number(rate.group(1)) : 10_000};
    }

    private static double number(String digits) {
        return Double.parseDouble(digits.replace(",", ""));
    }

    /** The virtual minutes the demo ran: "45 minutes, full scale", or "N minutes, shorter than the incident". */
    static String demoScale(double[] demo) {
        long minutes = demoMinutes(demo);
        return minutes + " minutes, " + (minutes >= INCIDENT_MINUTES ? "full scale"
                : "shorter than the incident's " + INCIDENT_MINUTES);
    }

    private static long demoMinutes(double[] demo) {
        return Math.round(demo[0] / demo[2] / 60);
    }

    /** The table of {@link WhereTimeGoes}: each stage's share of the incident's samples. */
    static void whereTimeGoes(Consumer<String> line, Results where, Results profiled) {
        line.accept("### Where the time goes");
        line.accept("");
        line.accept("JFR execution samples of the thread that runs the harness, in a run of its own (PF 10, "
                + f0(profiled.number("virtualSeconds") / 60) + " virtual minutes,");
        line.accept("`-XX:+DebugNonSafepoints`, one sample per millisecond), each counted for the innermost stage on "
                + "its stack (`WhereTimeGoes`;");
        line.accept(f0(where.number("samples")) + " samples). The shard's storage counts for the stage that reads "
                + "it: the sequence numbers and data");
        line.accept("copies of the event count as event building, and only what runs under `put`/`putAll` as put. "
                + "GC runs on other threads:");
        line.accept("its time is beside the table.");
        line.accept("");
        line.accept("| Stage | Share of the thread's samples |");
        line.accept("|---|---|");
        int n = (int) where.number("stages");
        for (int i = 0; i < n; i++) {
            line.accept("| " + where.get("stage." + i + ".name") + " | "
                    + f1(where.number("stage." + i + ".percent")) + "% |");
        }
        line.accept("");
        line.accept("GC in that run: " + f1(profiled.number("gcSeconds")) + " s, beside "
                + f1(profiled.number("cpuSeconds")) + " s of CPU time of the harness's thread ("
                + f1(profiled.number("processCpuSeconds")) + " s for the whole JVM, JIT compilers included).");
        line.accept("");
        line.accept("Reading: building the `KinesisEvent` the handler receives (a fresh record object, `Date`, data "
                + "copy and the two");
        line.accept("sequence-number strings per record and attempt, exactly what the direct path of section 1 "
                + "builds) is the floor;");
        line.accept("everything the harness adds (put, lanes, batching, ledger, invoker, logs and metrics, "
                + "scheduler) is the rest.");
        line.accept("");
    }

    /** The demo's incident (45 minutes unless DEMO_MINUTES says less) through both configurations. */
    static void demoSection(Consumer<String> line, double[] demo) {
        if (demo == null) {
            line.accept("## 5. The demo's incident");
            line.accept("");
            line.accept("Not run (benchmarks/run.sh runs `examples/demo` Demo with the incident's " + INCIDENT_MINUTES
                    + " minutes).");
            line.accept("");
            return;
        }
        long minutes = demoMinutes(demo);
        line.accept("## 5. The demo's incident (" + demoScale(demo) + ")");
        line.accept("");
        line.accept("`examples` Demo (`Demo target " + minutes + " " + Math.round(demo[2]) + " 1 100`: "
                + (minutes >= INCIDENT_MINUTES ? "the incident at its real scale"
                : minutes + " of the incident's " + INCIDENT_MINUTES + " minutes (DEMO_MINUTES)")
                + ", the sweeps shrunk to a minute),");
        line.accept("its own code path: `WhatIf` runs the configurations before and after the fix side by side, "
                + "one per thread, each");
        line.accept("with the real `AnalyticsStreamProcessor` (JSON parsing, a slow DynamoDB table, a hanging "
                + "parser on the pill), the");
        line.accept("metric traffic generator, function logs and metrics, and the probes. Its own wall-clock "
                + "figure:");
        line.accept("");
        line.accept("| Records per configuration | Both configurations, wall time | Records/s over both |");
        line.accept("|---|---|---|");
        line.accept("| " + f0(demo[0]) + " | " + f1(demo[1]) + " s | " + f0(2 * demo[0] / demo[1]) + " |");
        line.accept("");
    }

    /** Idle lanes: an idle virtual hour with many lanes. */
    static void idleLanes(Consumer<String> line, Results idle) {
        line.accept("Idle lanes (`IdleLanes`): every lane read about 20 records and is caught up, then one virtual "
                + "hour passes with");
        line.accept("nothing to do; CPU time of that hour, best of 3:");
        line.accept("");
        line.accept("| Stream | Lanes | CPU time of the idle hour |");
        line.accept("|---|---|---|");
        for (int[] layout : IdleLanes.LAYOUTS) {
            line.accept("| " + f0(layout[0]) + " shards, PF " + layout[1] + " | " + f0((double) layout[0]
                    * layout[1]) + " | " + String.format(Locale.ROOT, "%.3f", idle.number("idle." + layout[0]
                    + "." + layout[1] + ".hourCpuMs")) + " ms |");
        }
        line.accept("");
        line.accept("A caught-up lane has no event in the scheduler: it is woken by the record that arrives for "
                + "it (rule 0.3's poll");
        line.accept("cadence is computed from its arrival), so idle lanes cost nothing per virtual second, "
                + "however many there are.");
        line.accept("");
    }

    /** The largest idle-hour CPU time over the layouts. */
    static double worstIdleHourMs(Results idle) {
        double worst = 0;
        for (int[] layout : IdleLanes.LAYOUTS) {
            worst = Math.max(worst, idle.number("idle." + layout[0] + "." + layout[1] + ".hourCpuMs"));
        }
        return worst;
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /**
     * Section 3, the per-test cost: the first run in a fresh JVM, the mean of the measured repeats (the figure the
     * target is judged on) and, beside it, the steady state after as many unmeasured repeats more.
     */
    static void perTestSection(Consumer<String> line, Results perTest) {
        int repeats = (int) perTest.number("repeats");
        line.accept("## 3. Per-test cost");
        line.accept("");
        line.accept("`PoisonPillTests`: 50 `@KinesisStreamTest` methods, each 100 records with one poison pill under "
                + "bisection,");
        line.accept("MaximumRetryAttempts 3 and an SQS destination, asserting the DLQ and the ledger; run through the "
                + "JUnit");
        line.accept("Platform launcher (`PerTestCost`) on one thread, once in a fresh JVM, then " + repeats
                + " more times, each run followed by one of");
        line.accept("`EmptyTests` (50 empty JUnit methods, the baseline), so that both are measured in the same state "
                + "of the JIT and the load.");
        line.accept("");
        line.accept("| Run | ms per test method |");
        line.accept("|---|---|");
        line.accept("| First run in a fresh JVM (includes class loading and JIT) | " + f2(perTest.number("coldMsPerTest"))
                + " |");
        line.accept("| Warm, mean of the " + repeats + " repeats | " + f2(perTest.number("warmMsPerTest")) + " |");
        line.accept("| Warm, best repeat | " + f2(perTest.number("bestMsPerTest")) + " |");
        line.accept("| Baseline: `EmptyTests`, 50 empty JUnit methods, warm mean | "
                + f2(perTest.number("emptyWarmMsPerTest")) + " |");
        line.accept("| Warm, CPU time of the launcher's thread per test method | "
                + f2(perTest.number("warmCpuMsPerTest")) + " |");
        line.accept("| Baseline: `EmptyTests`, CPU time per method | " + f2(perTest.number("emptyWarmCpuMsPerTest"))
                + " |");
        if (perTest.has("steadyCpuMsPerTest")) {
            line.accept("| Steady state, CPU time per test method | " + f2(perTest.number("steadyCpuMsPerTest")) + " |");
            line.accept("| Steady state, baseline `EmptyTests`, CPU time per method | "
                    + f2(perTest.number("steadyEmptyCpuMsPerTest")) + " |");
        }
        line.accept("");
        double judged = perTest.number("warmCpuMsPerTest") - perTest.number("emptyWarmCpuMsPerTest");
        line.accept("Over an empty test: **" + f2(judged) + " ms CPU** per test method, the mean of the " + repeats
                + " measured repeats right after the first run (the figure the target is judged on: the JIT has not yet "
                + "compiled all of the per-test code, as in a test suite of a few hundred tests)"
                + (perTest.has("steadyCpuMsPerTest") ? "; " + f2(perTest.number("steadyCpuMsPerTest")
                - perTest.number("steadyEmptyCpuMsPerTest")) + " ms CPU in the steady state, measured over " + repeats
                + " more repeats after " + repeats + " unmeasured ones (for the record, not judged)." : "."));
        line.accept("");
    }
}
