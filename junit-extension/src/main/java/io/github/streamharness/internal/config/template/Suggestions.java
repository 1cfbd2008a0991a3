package io.github.streamharness.internal.config.template;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a misspelt name: the nearest candidate by edit distance, if it is near enough. */
final class Suggestions {
    private Suggestions() {
    }

    /** The nearest candidate, or null when none is within a third of the name's length (at least 2 edits). */
    static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** {@code "; did you mean X?"}, or "" when nothing is near. */
    static String didYouMean(String name, Collection<String> candidates) {
        String n = nearest(name, candidates);
        return n == null ? "" : "; did you mean " + n + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
