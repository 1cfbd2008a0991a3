package io.github.streamharness.whatif;

import io.github.streamharness.Invocation;
import io.github.streamharness.InvocationLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The invocations that ended since the last call, read off a log that retains only its latest entries. Invocations
 * are numbered when they start and logged when they end, so a long one (a timeout) is logged after later-numbered
 * ones: the tail reads the entries logged since the last call (the log's newest, in the order they ended) and hands
 * them out by number.
 */
final class InvocationTail {
    private final InvocationLog log;
    private long seen;

    InvocationTail(InvocationLog log) {
        this.log = log;
    }

    /** The invocations logged since the previous call, by number. */
    List<Invocation> ended() {
        long total = log.count();
        if (total == seen) {
            return List.of();
        }
        long fresh = total - seen;
        if (fresh > ConfigurationRun.RETAINED_INVOCATIONS) {
            throw new IllegalStateException(fresh + " invocations ended in one step of the what-if, more than the "
                    + ConfigurationRun.RETAINED_INVOCATIONS + " it can read back; choose a shorter step(..)");
        }
        // only the newly logged ones: O(new), not a copy and sort of every retained invocation per step
        List<Invocation> ended = new ArrayList<>(log.lastEnded((int) fresh));
        ended.sort(Comparator.comparingInt(Invocation::number));
        seen = total;
        return ended;
    }
}
