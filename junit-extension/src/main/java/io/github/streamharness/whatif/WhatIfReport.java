package io.github.streamharness.whatif;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The results of a what-if, one per configuration in the order they were added, as values, a text table and an SVG
 * chart.
 *
 * @param traffic the traffic every configuration ran
 * @param pricing the prices of the cost estimates
 * @param period  the period of each result's {@link ConfigurationResult#periods()}
 * @param results one per configuration
 * @param elapsed the real time the whole what-if took (not part of any result: results depend on inputs only)
 */
public record WhatIfReport(Traffic traffic, Pricing pricing, Duration period, List<ConfigurationResult> results,
                           Duration elapsed) {
    /** Copies the results. */
    public WhatIfReport {
        results = List.copyOf(results);
    }

    /** The result of the configuration named {@code name}. */
    public ConfigurationResult result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no configuration named \"" + name + "\" in this "
                        + "what-if; it ran " + results.stream().map(r -> "\"" + r.name() + "\"")
                        .collect(Collectors.joining(", "))));
    }

    /**
     * A text table, one row per configuration: invocations, errors (timeouts), throttles, the IteratorAge maximum,
     * records processed and waiting, on-failure messages, cold starts, the average billed duration, GB-seconds and the estimated cost in USD.
     */
    public String table() {
        int nameWidth = Math.max(13, results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String row = "%-" + nameWidth
                + "s | %11s %13s %9s %10s %11s %11s %6s %6s %10s %11s %10s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "configuration", "invocations", "errors (t/o)", "throttles",
                "max age", "processed", "waiting", "DLQ", "cold", "billed/inv", "GB-s", "cost USD"));
        out.append("-".repeat(nameWidth)).append("-+-").append("-".repeat(118)).append('\n');
        for (ConfigurationResult r : results) {
            out.append(String.format(Locale.ROOT, row, r.name(), count(r.invocations()),
                    count(r.errors()) + " (" + count(r.timeouts()) + ")", count(r.throttles()),
                    age(r.maxIteratorAge()), count(r.processed()), count(r.waiting()), count(r.dlqMessages()),
                    count(r.coldStarts()), averageBilled(r), String.format(Locale.ROOT, "%,.1f", r.gbSeconds()),
                    String.format(Locale.ROOT, "%.4f", r.cost().total())));
        }
        return out.toString();
    }

    /** An SVG chart of the table: one bar chart per figure, the configurations in the same order in each. */
    public String svg(String title) {
        return new WhatIfChart(title, results).svg();
    }

    /** {@code 850 ms}, {@code 14 s}, {@code 12m 05s}, {@code 1h 02m}: an age as a CloudWatch reader reads it. */
    static String age(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 60) {
            return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
    }

    private static String averageBilled(ConfigurationResult r) {
        return r.invocations() == 0 ? "-" : String.format(Locale.ROOT, "%,d ms", r.billedMillis() / r.invocations());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
