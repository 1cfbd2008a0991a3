package io.github.streamharness.examples.demo;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.whatif.ConfigurationResult;
import java.util.List;
import java.util.stream.Collectors;

/** What the demo reads off each configuration's harness at the end of its run, as the runbook's steps read it. */
final class Probes {
    /** The runbook's step 1, pasted as it is into CloudWatch Logs Insights. */
    static final String TIMEOUT_QUERY = "fields @timestamp, @message, @duration | filter @message like /Task timed "
            + "out/ or @message like /Runtime exited/ | sort @timestamp asc | limit 50";
    static final int ROWS = 5;
    private static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private Probes() {
    }

    /**
     * The first rows of the runbook's query: the timeouts among the first failed invocations, oldest first, as the
     * Lambda runtime logs them ({@code <time> <request id> Task timed out after 30.00 seconds}).
     */
    static String timeouts(ConfigurationResult r) {
        List<String> rows = r.firstErrors().stream()
                .filter(i -> i.outcome() instanceof Outcome.FunctionError e && e.kind() == Outcome.ErrorKind.TIMEOUT)
                .sorted(java.util.Comparator.comparing(Invocation::endedAt)).limit(ROWS)
                .map(i -> "    " + MILLIS.format(i.endedAt()) + " " + i.awsRequestId() + " Task timed out after "
                        + String.format(java.util.Locale.ROOT, "%.2f",
                        r.configuration().function().timeout().toMillis() / 1000.0) + " seconds")
                .toList();
        return rows.isEmpty() ? "    (no rows)" : String.join("\n", rows);
    }

    /**
     * The runbook's query run by the harness's Logs Insights ({@code h.logs().query(..)}) over the log lines it
     * keeps (those of the last 5,000 invocations, as a what-if retains them): how many rows, and the first ones.
     */
    static String insights(StreamHarness h) {
        List<java.util.Map<String, String>> rows = h.logs().query(TIMEOUT_QUERY);
        return "    " + rows.size() + " row(s) in the retained log lines" + rows.stream().limit(3)
                .map(r -> "\n    " + r.get("@timestamp") + "  " + r.get("@message"))
                .collect(Collectors.joining());
    }

    /** When the first on-failure message was sent ({@code none} without one). */
    static String firstDeadLetterAt(StreamHarness h) {
        return h.mapping().hasDestination() && !h.deadLetterQueue().isEmpty()
                ? h.deadLetterQueue().messages().get(0).timestamp().toString() : "none";
    }

    /** The on-failure destination's messages: how many, and the first one's body (the exact AWS JSON). */
    static String deadLetters(StreamHarness h) {
        if (!h.mapping().hasDestination()) {
            return "    no on-failure destination: a failing batch is retried until its records expire (rule 4.5)";
        }
        List<DeadLetter> messages = h.deadLetterQueue().messages();
        if (messages.isEmpty()) {
            return "    (empty)";
        }
        return messages.stream().limit(2).map(m -> "    " + m.json()).collect(Collectors.joining("\n"))
                + (messages.size() > 2 ? "\n    ... " + (messages.size() - 2) + " more" : "");
    }
}
