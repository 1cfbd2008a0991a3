package io.github.streamharness.examples.demo;

import io.github.streamharness.RecordState;
import io.github.streamharness.whatif.ConfigurationResult;
import io.github.streamharness.whatif.Period;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
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
        out.println("  IteratorAge maximum per 5 minutes (step 2): " + String.join(", ",
                fivePeriods(r).stream().map(p -> Format.clock(p.start()) + " " + Format.age(p.maxIteratorAge()))
                        .toList()));
        out.println("  h.metrics():");
        out.println(r.probes().get("metrics"));
        out.printf(Locale.ROOT, "  Errors %s (timeouts %s), Throttles %s, Invocations %s, cold starts %s%n",
                Format.count(r.errors()), Format.count(r.timeouts()), Format.count(r.throttles()),
                Format.count(r.invocations()), Format.count(r.coldStarts()));
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
        String row = "%-7s | %9s %8s %9s %5s | %9s %8s %9s %5s%n";
        out.printf(Locale.ROOT, "%-7s | %-35s | %-35s%n", "", a.name(), b.name());
        out.printf(Locale.ROOT, row, "from", "max age", "invoc.", "err (t/o)", "thr.", "max age", "invoc.",
                "err (t/o)", "thr.");
        out.println("-".repeat(8) + "+" + "-".repeat(37) + "+" + "-".repeat(36));
        List<Period> x = fivePeriods(a);
        List<Period> y = fivePeriods(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Period p = x.get(i);
            Period q = y.get(i);
            out.printf(Locale.ROOT, row, Format.clock(p.start()), Format.age(p.maxIteratorAge()),
                    Format.count(p.invocations()), p.errors() + " (" + p.timeouts() + ")", Format.count(p.throttles()),
                    Format.age(q.maxIteratorAge()), Format.count(q.invocations()),
                    q.errors() + " (" + q.timeouts() + ")", Format.count(q.throttles()));
        }
        out.println("-".repeat(8) + "+" + "-".repeat(37) + "+" + "-".repeat(36));
        out.printf(Locale.ROOT, "%-7s | %-35s | %-35s%n", "waiting", Format.count(a.waiting()) + " records",
                Format.count(b.waiting()) + " records");
        out.printf(Locale.ROOT, "%-7s | %-35s | %-35s%n", "DLQ", Format.count(a.dlqMessages()) + " message(s)",
                Format.count(b.dlqMessages()) + " message(s)");
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

    /** The run's periods merged into 5-minute ones: the maximum age, the sums of the counts. */
    static List<Period> fivePeriods(ConfigurationResult r) {
        List<Period> merged = new ArrayList<>();
        for (Period p : r.periods()) {
            long index = p.start().toSeconds() / TABLE_PERIOD.toSeconds();
            if (merged.size() <= index) {
                merged.add(new Period(TABLE_PERIOD.multipliedBy(index), Duration.ZERO, 0, 0, 0, 0));
            }
            Period m = merged.get(merged.size() - 1);
            merged.set(merged.size() - 1, new Period(m.start(),
                    p.maxIteratorAge().compareTo(m.maxIteratorAge()) > 0 ? p.maxIteratorAge() : m.maxIteratorAge(),
                    m.invocations() + p.invocations(), m.errors() + p.errors(), m.timeouts() + p.timeouts(),
                    m.throttles() + p.throttles()));
        }
        return merged;
    }
}
