package io.github.streamharness.whatif;

import io.github.streamharness.Datapoint;
import io.github.streamharness.Invocation;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Metrics;
import io.github.streamharness.Outcome;
import io.github.streamharness.Statistic;
import io.github.streamharness.StreamHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One configuration's run: a fresh harness (the traffic's stream and seed, committed records released so hours of
 * traffic fit in memory), the configuration's mapping and function, the traffic's producer, then the clock stepped to
 * the traffic's end. The figures CloudWatch has are read from the function's metrics at the end (Invocations, Errors,
 * Throttles, Duration, IteratorAge: rule 17.1); what it has no metric for, timeouts, cold starts and the billed time
 * (each invocation rounded up on its own, rule 19.3), is counted off the invocation log, read only when its unread
 * entries near what it retains, so every invocation is read once however few the log keeps.
 */
final class ConfigurationRun implements Callable<ConfigurationResult> {
    /** Invocations retained in detail by default (and their log lines, for the probes' Logs Insights queries). */
    static final int DEFAULT_RETAINED = 5_000;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final WhatIf.Settings settings;
    private final Configuration configuration;
    private final List<long[]> periods = new ArrayList<>(); // per period: max age ms, invoc., err., t/o, thr., cold
    private final List<Invocation> firstErrors = new ArrayList<>();
    private long timeouts;
    private long coldStarts;
    private long billedMillis;

    ConfigurationRun(WhatIf.Settings settings, Configuration configuration) {
        this.settings = settings;
        this.configuration = configuration;
    }

    @Override
    public ConfigurationResult call() {
        Traffic traffic = settings.traffic();
        try (StreamHarness harness = StreamHarness.builder().streamName(traffic.streamName()).shards(traffic.shards())
                .seed(traffic.seed()).startTime(traffic.startTime()).retainInvocations(settings.retained())
                .releaseCommittedRecords(true).build()) {
            MappedFunction f = harness.addMapping(configuration.mapping(),
                    settings.handlers().create(harness, configuration), configuration.function());
            traffic.producer().accept(harness);
            Instant start = harness.clock().now();
            // read once two fifths are unread: the rest leaves room for the invocations of one more step
            InvocationTail tail = new InvocationTail(f.invocations(), settings.retained(), settings.retained() * 2 / 5);
            Duration done = Duration.ZERO;
            while (done.compareTo(traffic.duration()) < 0) {
                Duration step = settings.step().compareTo(traffic.duration().minus(done)) <= 0 ? settings.step()
                        : traffic.duration().minus(done);
                harness.advance(step);
                done = done.plus(step);
                if (tail.due()) {
                    read(tail, start);
                }
                settings.progress().progress(configuration.name(), done, traffic.duration(), f.ledger().total());
            }
            read(tail, start);
            Map<String, String> probes = new LinkedHashMap<>();
            for (Map.Entry<String, Function<StreamHarness, String>> p : settings.probes().entrySet()) {
                probes.put(p.getKey(), p.getValue().apply(harness));
            }
            return result(f, start, traffic, probes);
        }
    }

    private ConfigurationResult result(MappedFunction f, Instant start, Traffic traffic, Map<String, String> probes) {
        Metrics m = f.metrics();
        fold(m, "Invocations", Statistic.SUM, start, 1);
        fold(m, "Errors", Statistic.SUM, start, 2);
        fold(m, "Throttles", Statistic.SUM, start, 4);
        fold(m, "IteratorAge", Statistic.MAXIMUM, start, 0);
        long invocations = Math.round(m.total("Invocations", Statistic.SUM));
        double maxAge = m.total("IteratorAge", Statistic.MAXIMUM);
        // the handlers' own time, as CloudWatch has it; the bill is summed per invocation in read(..)
        long measuredNanos = Math.round(m.total("Duration", Statistic.SUM) * 1_000_000);
        BigDecimal gbSeconds = Pricing.gbSeconds(billedMillis, configuration.function().memorySize());
        return new ConfigurationResult(configuration, f.ledger().total(), f.ledger().counts(), invocations,
                Math.round(m.total("Errors", Statistic.SUM)), timeouts,
                Math.round(m.total("Throttles", Statistic.SUM)), coldStarts,
                Double.isNaN(maxAge) ? Duration.ZERO : Duration.ofMillis((long) maxAge), periods(traffic.duration()),
                f.hasDestination() ? f.deadLetterQueue().size() : 0,
                f.hasDestination() ? f.deadLetterQueue().messages().stream().mapToLong(d -> d.batchSize()).sum() : 0,
                Duration.ofNanos(measuredNanos), billedMillis, gbSeconds,
                settings.pricing().cost(invocations, gbSeconds), firstErrors, probes);
    }

    /** Adds a metric's per-second datapoints into column {@code column} of the periods (sum, or max for column 0). */
    private void fold(Metrics metrics, String name, Statistic statistic, Instant start, int column) {
        for (Datapoint d : metrics.statistics(name, statistic, SECOND)) {
            long[] p = period(d.timestamp(), start);
            long value = Math.round(d.value());
            p[column] = column == 0 ? Math.max(p[column], value) : p[column] + value;
        }
    }

    /**
     * The invocations logged since the last read, in the order they ended: timeouts, cold starts, first errors, and
     * the billed time of each that reached the function (rule 19.3).
     */
    private void read(InvocationTail tail, Instant start) {
        List<Invocation> ended = new ArrayList<>(tail.ended());
        ended.sort(Comparator.comparing(Invocation::endedAt).thenComparingInt(Invocation::number));
        int memoryMb = configuration.function().memorySize();
        for (Invocation i : ended) {
            if (i.outcome() instanceof Outcome.Throttled) {
                continue; // rule 15.3: it never ran, and costs nothing
            }
            // rule 19.3, 16.2: the invocation's time from its start, so a cold start's Init (which Lambda bills on
            // demand; a provisioned environment never cold-starts, rule 15.4) is in it, rounded up on its own
            billedMillis = Math.addExact(billedMillis, Pricing.billedMillis(i.duration(), memoryMb));
            if (i.coldStart()) {
                coldStarts++;
                period(i.startedAt(), start)[5]++;
            }
            if (i.outcome() instanceof Outcome.FunctionError e && e.kind() != Outcome.ErrorKind.BATCH_FAILURE_RESPONSE) {
                if (firstErrors.size() < ConfigurationResult.FIRST_ERRORS) {
                    firstErrors.add(i);
                }
                if (e.kind() == Outcome.ErrorKind.TIMEOUT) {
                    timeouts++;
                    period(i.endedAt(), start)[3]++;
                }
            }
        }
    }

    private long[] period(Instant at, Instant start) {
        long seconds = Math.max(0, Duration.between(start, at).toSeconds());
        int index = (int) (seconds / settings.period().toSeconds());
        while (periods.size() <= index) {
            periods.add(new long[6]);
        }
        return periods.get(index);
    }

    private List<Period> periods(Duration total) {
        long count = (total.toSeconds() + settings.period().toSeconds() - 1) / settings.period().toSeconds();
        List<Period> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            long[] v = p < periods.size() ? periods.get(p) : new long[6];
            out.add(new Period(settings.period().multipliedBy(p), Duration.ofMillis(v[0]), v[1], v[2], v[3], v[4],
                    v[5]));
        }
        return out;
    }
}
