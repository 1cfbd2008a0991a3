package io.github.streamharness.whatif;

import io.github.streamharness.Invocation;
import io.github.streamharness.InvocationLog;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The invocations that ended since the last call, read off a log that retains only its latest entries. Invocations
 * are numbered when they start and logged when they end, so a long one (a timeout) is logged after later-numbered
 * ones: the tail keeps every number up to a watermark as seen, and a set of the numbers seen above it.
 */
final class InvocationTail {
    private final InvocationLog log;
    private final int retained;
    private final int readAt;
    private final BitSet seenAbove = new BitSet(); // bit k: number watermark + 1 + k was seen
    private int watermark;
    private long seen;

    /** A tail of {@code log}, which retains {@code retained} invocations, due for a read at {@code readAt} unread. */
    InvocationTail(InvocationLog log, int retained, int readAt) {
        this.log = log;
        this.retained = retained;
        this.readAt = readAt;
    }

    /** Whether enough invocations were logged since the previous {@link #ended()} to read them now. */
    boolean due() {
        return log.count() - seen >= readAt;
    }

    /** The invocations logged since the previous call, by number. */
    List<Invocation> ended() {
        long total = log.count();
        if (total == seen) {
            return List.of();
        }
        List<Invocation> all = log.all();
        List<Invocation> fresh = new ArrayList<>();
        for (int i = firstAbove(all, watermark); i < all.size(); i++) {
            Invocation inv = all.get(i);
            int bit = inv.number() - watermark - 1;
            if (!seenAbove.get(bit)) {
                seenAbove.set(bit);
                fresh.add(inv);
            }
        }
        seen += fresh.size();
        if (seen != total) {
            throw new IllegalStateException(log.count() - seen + fresh.size() + " invocations ended between two "
                    + "readings of the what-if's invocation log, more than the " + retained + " it retains (it reads "
                    + "once " + readAt + " are unread, after a step): choose a shorter step(..) or retain more with "
                    + "retainInvocations(..)");
        }
        int advance = seenAbove.nextClearBit(0);
        if (advance > 0) {
            watermark += advance;
            seenAbove.clear(0, advance);
            BitSet shifted = seenAbove.get(advance, Math.max(advance, seenAbove.length()));
            seenAbove.clear();
            seenAbove.or(shifted);
        }
        return fresh;
    }

    private static int firstAbove(List<Invocation> sorted, int number) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).number() <= number) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
