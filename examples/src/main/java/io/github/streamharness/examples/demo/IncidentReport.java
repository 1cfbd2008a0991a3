package io.github.streamharness.examples.demo;

import io.github.streamharness.RecordState;
import io.github.streamharness.whatif.ConfigurationResult;
import io.github.streamharness.whatif.Period;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints a configuration's run the way the runbook reads production, then two runs side by side. */
final class IncidentReport {
    /** The printed table's period: CloudWatch's 5-minute graphs. */
    static final Duration TABLE_PERIOD = Duration.ofMinutes(5);

    private IncidentReport() {
    }

    /** Step 1 (the logs), step 2 (the metrics), the DLQ and the ledger of one configuration. */
    static void section(PrintStream out, ConfigurationResult r) {
        out.println("== " + r.name() + ": " + ConfigText.of(r.configuration()));
        out.println("  Logs Insights (step 1): " + Probes.TIMEOUT_QUERY);
        out.println("   the run's first timeouts:");
        out.println(Probes.timeouts(r));
        out.println("   h.logs().query(..):");
        out.println(r.probes().get("insights"));
        out.println("  Step 2, h.metrics().statistics(\"IteratorAge\", MAXIMUM, 5 min), IteratorAge maximum per 5 "
                + "minutes:");
        List<String> ages = r.periods().stream().map(p -> Format.clock(p.start()) + " "
                + Format.count(p.maxIteratorAge().toMillis()) + " ms (" + Format.age(p.maxIteratorAge()) + ")").toList();
        for (int i = 0; i < ages.size(); i += 4) {
            out.println("    " + String.join(", ", ages.subList(i, Math.min(ages.size(), i + 4))));
        }
        out.printf(Locale.ROOT, "  Errors SUM %s (timeouts %s), Throttles SUM %s, Invocations SUM %s, Duration SUM %s "
                        + "s; cold starts %s%n", Format.count(r.errors()), Format.count(r.timeouts()),
                Format.count(r.throttles()), Format.count(r.invocations()), Format.count(r.measured().toSeconds()),
                Format.count(r.coldStarts()));
        out.println("  On-failure destination (step 3): " + Format.count(r.dlqMessages()) + " message(s)");
        out.println(r.probes().get("dlq"));
        out.printf(Locale.ROOT, "  Records: %s written, %s processed, %s still waiting, %s sent to the destination, "
                        + "%s expired%n", Format.count(r.recordsPut()), Format.count(r.processed()),
                Format.count(r.waiting()), Format.count(r.ledger().get(RecordState.SENT_TO_DESTINATION)),
                Format.count(r.ledger().get(RecordState.EXPIRED_BY_RETENTION)));
        out.println();
    }

    /** Both runs side by side, one row per 5 minutes of virtual time. */
    static void sideBySide(PrintStream out, ConfigurationResult a, ConfigurationResult b) {
        String row = "%-7s | %9s %8s %9s %4s %4s | %9s %8s %9s %4s %4s%n";
        String half = "-".repeat(41);
        out.printf(Locale.ROOT, "%-7s | %-39s | %-39s%n", "", a.name(), b.name());
        out.printf(Locale.ROOT, row, "from", "max age", "invoc.", "err (t/o)", "thr.", "cold", "max age", "invoc.",
                "err (t/o)", "thr.", "cold");
        out.println("-".repeat(8) + "+" + half + "+" + half);
        List<Period> x = a.periods();
        List<Period> y = b.periods();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Period p = x.get(i);
            Period q = y.get(i);
            out.printf(Locale.ROOT, row, Format.clock(p.start()), Format.age(p.maxIteratorAge()),
                    Format.count(p.invocations()), p.errors() + " (" + p.timeouts() + ")", Format.count(p.throttles()),
                    Format.count(p.coldStarts()), Format.age(q.maxIteratorAge()), Format.count(q.invocations()),
                    q.errors() + " (" + q.timeouts() + ")", Format.count(q.throttles()), Format.count(q.coldStarts()));
        }
        out.println("-".repeat(8) + "+" + half + "+" + half);
        out.printf(Locale.ROOT, "%-7s | %-39s | %-39s%n", "waiting", Format.count(a.waiting()) + " records",
                Format.count(b.waiting()) + " records");
        out.printf(Locale.ROOT, "%-7s | %-39s | %-39s%n", "DLQ", Format.count(a.dlqMessages()) + " message(s)",
                Format.count(b.dlqMessages()) + " message(s)");
        out.printf(Locale.ROOT, "%-7s | %-39s | %-39s%n", "cost", "USD " + a.cost().total().setScale(2,
                java.math.RoundingMode.HALF_UP), "USD " + b.cost().total().setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** What the table says, in words: the stall before, and the lane the pill holds after. */
    static void reading(PrintStream out, ConfigurationResult before, ConfigurationResult after, IncidentScenario s) {
        out.printf(Locale.ROOT, "%nBefore the fix the pill's shard is blocked for the whole run: each attempt hangs "
                        + "until the %d s timeout and is retried without end,%nso the shard's IteratorAge climbs with "
                        + "the clock (%s at the end) and %s records are still waiting.%n",
                before.configuration().function().timeout().toSeconds(), Format.age(before.maxIteratorAge()),
                Format.count(before.waiting()));
        String first = after.probes().get("first DLQ message");
        String sent = "none".equals(first) ? "after the end of the run" : "at " + first;
        out.printf(Locale.ROOT, "After the fix %d lanes share the load and only the pill's lane is held: bisection "
                        + "isolates the pill, but every step%nhangs until the %d s timeout, so the pill reaches the "
                        + "DLQ only %s%n(it was written at %s); until then that lane's IteratorAge climbs as "
                        + "before. The sweep below tries the fix%nwith the old 30 s timeout.%n%n",
                IncidentScenario.SHARDS * after.configuration().mapping().parallelizationFactor(),
                after.configuration().function().timeout().toSeconds(), sent,
                s.traffic().startTime().plus(s.poisonAt()));
    }
}
