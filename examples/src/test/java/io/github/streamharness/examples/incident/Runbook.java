package io.github.streamharness.examples.incident;

import java.time.Duration;

/** The seed incident's runbook, as the incident tests read it: the same query, the same metric periods. */
final class Runbook {
    /** Step 1: the Logs Insights query of the runbook, pasted as it is. */
    static final String TIMEOUTS_QUERY = "fields @timestamp, @message, @duration | filter @message like /Task timed "
            + "out/ or @message like /Runtime exited/ | sort @timestamp asc | limit 50";
    /** Step 2: IteratorAge, maximum per 5 minutes. */
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    /** The iterator age the fixed configuration must stay under, in milliseconds. */
    static final double MAX_ITERATOR_AGE_MS = 60_000;

    private Runbook() {
    }
}
