package io.github.streamharness.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The few lines under the table that say what the numbers mean. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream out, List<IncidentReplay.Result> results, Duration duration) {
        for (IncidentReplay.Result r : results) {
            Sample last = r.last();
            Duration worst = r.worstIteratorAge();
            out.printf(Locale.ROOT, "%s: %,d of %,d records processed (%,d still waiting), worst iterator age %s, "
                            + "%,d errors of which %,d timeouts, %d DLQ message(s); DynamoDB counted %,d samples "
                            + "(%,d throttled writes).%n",
                    r.config().name(), last.recordsProcessed(), last.recordsPut(),
                    last.recordsPut() - last.recordsProcessed(), Table.age(worst), last.errors(), last.timeouts(),
                    last.dlqMessages(), r.countedSamples(), r.throttledWrites());
        }
        out.println("poison pill: " + results.get(0).poisonPill());
    }
}
