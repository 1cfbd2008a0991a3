package io.github.streamharness.examples.demo;

import io.github.streamharness.whatif.WhatIf;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The progress of a what-if's configurations, as one line: rewritten in place on a terminal (a carriage return, a
 * few times a second), a new line every few seconds otherwise, so a CI log gets no runs of carriage returns.
 */
final class Progress implements WhatIf.ProgressListener {
    private final PrintStream out;
    private final boolean terminal;
    private final long everyNanos;
    private final long start = System.nanoTime(); // the demo's own wall time, for the line; the runs are virtual
    private final Map<String, Duration> done = new LinkedHashMap<>();
    private final Map<String, Long> records = new LinkedHashMap<>();
    private Duration total = Duration.ZERO;
    private long lastPrint;
    private int lastWidth;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.everyNanos = terminal ? 200_000_000L : 5_000_000_000L;
        this.lastPrint = start;
    }

    /** Names the configurations up front, so the line lists them in the what-if's order, not in the threads'. */
    synchronized Progress order(java.util.List<io.github.streamharness.whatif.Configuration> configurations) {
        configurations.forEach(c -> {
            done.put(c.name(), Duration.ZERO);
            records.put(c.name(), 0L);
        });
        return this;
    }

    @Override
    public synchronized void progress(String configuration, Duration virtualDone, Duration virtualTotal,
                                      long recordsPut) {
        done.put(configuration, virtualDone);
        records.put(configuration, recordsPut);
        total = virtualTotal;
        long now = System.nanoTime();
        if (now - lastPrint >= everyNanos) {
            lastPrint = now;
            print(now);
        }
    }

    /** Ends the progress: the final figures on a line of their own. */
    synchronized void finish() {
        print(System.nanoTime());
        if (terminal) {
            out.println();
        }
    }

    private void print(long now) {
        StringBuilder line = new StringBuilder("  progress:");
        if (done.size() <= 2) {
            done.forEach((name, d) -> line.append(String.format(Locale.ROOT, " %s %s (%,d records);", name,
                    Format.clock(d), records.get(name))));
        } else { // a sweep: the finished ones counted, the running ones named, so the line stays short
            long finished = done.values().stream().filter(d -> d.equals(total)).count();
            line.append(String.format(Locale.ROOT, " %d configuration(s) done;", finished));
            done.forEach((name, d) -> {
                if (!d.isZero() && !d.equals(total)) {
                    line.append(' ').append(name).append(' ').append(Format.clock(d)).append(';');
                }
            });
        }
        line.append(String.format(Locale.ROOT, " of %s virtual, %.1f s real", Format.clock(total),
                (now - start) / 1e9));
        if (terminal) {
            String text = line.toString();
            out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            out.println(line);
        }
        out.flush();
    }
}
