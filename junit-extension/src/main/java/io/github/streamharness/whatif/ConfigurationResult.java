package io.github.streamharness.whatif;

import io.github.streamharness.Invocation;
import io.github.streamharness.RecordState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one configuration did with the traffic, read at the end of the traffic's virtual duration. Equal inputs give
 * an equal result, whichever thread ran it and whatever ran beside it.
 *
 * @param configuration  the configuration
 * @param recordsPut     records written to the stream
 * @param ledger         records per state at the end (every state present): PENDING is what is still waiting
 * @param invocations    invocations that reached the function (the Invocations metric, SUM)
 * @param errors         function errors, timeouts included (Errors, SUM)
 * @param timeouts       of which timeouts (no metric: counted off the invocations)
 * @param throttles      throttled attempts (Throttles, SUM)
 * @param coldStarts     invocations that started a new execution environment (no metric: counted off the
 *                       invocations); 0 when provisioned concurrency covers every environment (rule 15.4)
 * @param maxIteratorAge the IteratorAge maximum over the run (the IteratorAge metric, MAXIMUM; rule 10.1)
 * @param periods        the same figures per period, in time order, one per period of the run
 * @param dlqMessages    on-failure destination messages (0 without a destination)
 * @param dlqRecords     records the on-failure messages cover
 * @param measured       the Duration metric's SUM: the handlers' own time on the virtual clock, without Init
 * @param billedMillis   the billed milliseconds at the configuration's memory, as Lambda bills them: for each
 *                       invocation that reached the function, its own time (with its Init phase if it cold-started)
 *                       scaled by the CPU share and rounded up to a whole millisecond, then summed
 *                       ({@link Pricing#billedMillis}); an invocation of any virtual time bills at least 1 ms, so
 *                       this exceeds {@code measured} by under 1 ms per invocation besides the Init and the scaling
 * @param gbSeconds      billed GB-seconds: {@code billedMillis} at the configuration's memory
 * @param cost           the estimated cost at the what-if's prices
 * @param firstErrors    the first {@value #FIRST_ERRORS} invocations that failed with a function error (timeouts
 *                       included), in the order they ended: what a Logs Insights query for "Task timed out" sorted ascending shows first
 * @param probes         the text each probe of the what-if returned, by probe name, in the order they were added
 */
public record ConfigurationResult(Configuration configuration, long recordsPut, Map<RecordState, Long> ledger,
                                  long invocations, long errors, long timeouts, long throttles, long coldStarts,
                                  Duration maxIteratorAge, List<Period> periods, long dlqMessages, long dlqRecords,
                                  Duration measured, long billedMillis, BigDecimal gbSeconds, Pricing.Cost cost,
                                  List<Invocation> firstErrors, Map<String, String> probes) {
    /** How many failed invocations a result keeps in detail. */
    public static final int FIRST_ERRORS = 50;

    /** Copies the collections. */
    public ConfigurationResult {
        ledger = Map.copyOf(ledger);
        periods = List.copyOf(periods);
        firstErrors = List.copyOf(firstErrors);
        probes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probes));
    }

    /** The configuration's name. */
    public String name() {
        return configuration.name();
    }

    /** Records delivered and committed (checkpointed past). */
    public long processed() {
        return ledger.get(RecordState.COMMITTED);
    }

    /** Records not done at the end: waiting, in flight or being retried. */
    public long waiting() {
        return ledger.get(RecordState.PENDING);
    }
}
