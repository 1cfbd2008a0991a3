package io.github.streamharness.internal.observe;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Statistic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One metric's datapoints aggregated per virtual second as they arrive (count, sum, minimum, maximum): memory grows
 * with the seconds that had data, never with the invocations. Seconds are kept in order; a datapoint for an earlier
 * second (rare: invocations of several lanes overlap) is merged in place.
 */
final class SecondSeries {
    private long[] seconds = new long[16];
    private long[] counts = new long[16];
    private double[] sums = new double[16];
    private double[] mins = new double[16];
    private double[] maxs = new double[16];
    private int size;

    void add(long atNanos, double value) {
        long second = Math.floorDiv(atNanos, 1_000_000_000L);
        int i;
        if (size > 0 && seconds[size - 1] == second) {
            i = size - 1;
        } else if (size == 0 || seconds[size - 1] < second) {
            i = insert(size, second);
        } else {
            int found = Arrays.binarySearch(seconds, 0, size, second);
            i = found >= 0 ? found : insert(-found - 1, second);
        }
        counts[i]++;
        sums[i] += value;
        mins[i] = Math.min(mins[i], value);
        maxs[i] = Math.max(maxs[i], value);
    }

    private int insert(int at, long second) {
        if (size == seconds.length) {
            int n = size * 2;
            seconds = Arrays.copyOf(seconds, n);
            counts = Arrays.copyOf(counts, n);
            sums = Arrays.copyOf(sums, n);
            mins = Arrays.copyOf(mins, n);
            maxs = Arrays.copyOf(maxs, n);
        }
        int tail = size - at;
        System.arraycopy(seconds, at, seconds, at + 1, tail);
        System.arraycopy(counts, at, counts, at + 1, tail);
        System.arraycopy(sums, at, sums, at + 1, tail);
        System.arraycopy(mins, at, mins, at + 1, tail);
        System.arraycopy(maxs, at, maxs, at + 1, tail);
        seconds[at] = second;
        counts[at] = 0;
        sums[at] = 0;
        mins[at] = Double.POSITIVE_INFINITY;
        maxs[at] = Double.NEGATIVE_INFINITY;
        size++;
        return at;
    }

    /** Seconds with data (the memory this series holds). */
    int seconds() {
        return size;
    }

    /** The statistic per period of {@code periodSeconds}, aligned to the epoch; only periods with data, in order. */
    List<Datapoint> statistics(Statistic statistic, long periodSeconds) {
        List<Datapoint> out = new ArrayList<>();
        int i = 0;
        while (i < size) {
            long period = Math.floorDiv(seconds[i], periodSeconds);
            long count = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            while (i < size && Math.floorDiv(seconds[i], periodSeconds) == period) {
                count += counts[i];
                sum += sums[i];
                min = Math.min(min, mins[i]);
                max = Math.max(max, maxs[i]);
                i++;
            }
            double value = switch (statistic) {
                case SAMPLE_COUNT -> count;
                case SUM -> sum;
                case AVERAGE -> sum / count;
                case MINIMUM -> min;
                case MAXIMUM -> max;
            };
            out.add(new Datapoint(Instant.ofEpochSecond(period * periodSeconds), value));
        }
        return out;
    }
}
