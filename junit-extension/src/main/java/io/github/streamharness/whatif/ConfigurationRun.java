package io.github.streamharness.whatif;

import io.github.streamharness.Invocation;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.Outcome;
import io.github.streamharness.StreamHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One configuration's run: a fresh harness (the traffic's stream and seed, committed records released so hours of
 * traffic fit in memory), the configuration's mapping and function, the traffic's producer, then the clock stepped to
 * the traffic's end, the invocations that ended in each step folded into the totals and periods.
 */
final class ConfigurationRun implements Callable<ConfigurationResult> {
    /** Invocations retained in detail; the run reads the log every step, so a step must not end more than these. */
    static final int RETAINED_INVOCATIONS = 5_000;

    private final WhatIf.Settings settings;
    private final Configuration configuration;
    private final int memoryMb;
    private long invocations;
    private long errors;
    private long timeouts;
    private long throttles;
    private long coldStarts;
    private long measuredNanos;
    private long billedMillis;
    private Duration maxIteratorAge = Duration.ZERO;
    private final List<long[]> periods = new ArrayList<>(); // per period: max age ms, invocations, errors, t/o, thr.
    private final List<Invocation> firstErrors = new ArrayList<>();

    ConfigurationRun(WhatIf.Settings settings, Configuration configuration) {
        this.settings = settings;
        this.configuration = configuration;
        this.memoryMb = configuration.function().memorySize();
    }

    @Override
    public ConfigurationResult call() {
        Traffic traffic = settings.traffic();
        try (StreamHarness harness = StreamHarness.builder().streamName(traffic.streamName()).shards(traffic.shards())
                .seed(traffic.seed()).startTime(traffic.startTime()).retainInvocations(RETAINED_INVOCATIONS)
                .releaseCommittedRecords(true).build()) {
            MappedFunction f = harness.addMapping(configuration.mapping(),
                    settings.handlers().create(harness, configuration), configuration.function());
            traffic.producer().accept(harness);
            Instant start = harness.clock().now();
            InvocationTail tail = new InvocationTail(f.invocations());
            Duration done = Duration.ZERO;
            while (done.compareTo(traffic.duration()) < 0) {
                Duration step = settings.step().compareTo(traffic.duration().minus(done)) <= 0 ? settings.step()
                        : traffic.duration().minus(done);
                harness.advance(step);
                done = done.plus(step);
                for (Invocation i : tail.ended()) {
                    add(i, start);
                }
                settings.progress().progress(configuration.name(), done, traffic.duration(), f.ledger().total());
            }
            Map<String, String> probes = new LinkedHashMap<>();
            for (Map.Entry<String, Function<StreamHarness, String>> p : settings.probes().entrySet()) {
                probes.put(p.getKey(), p.getValue().apply(harness));
            }
            BigDecimal gbSeconds = Pricing.gbSeconds(billedMillis, memoryMb);
            return new ConfigurationResult(configuration, f.ledger().total(), f.ledger().counts(), invocations,
                    errors, timeouts, throttles, coldStarts, maxIteratorAge, periods(traffic.duration()),
                    f.hasDestination() ? f.deadLetterQueue().size() : 0,
                    f.hasDestination() ? f.deadLetterQueue().messages().stream().mapToLong(m -> m.batchSize()).sum()
                            : 0,
                    Duration.ofNanos(measuredNanos), billedMillis, gbSeconds,
                    settings.pricing().cost(invocations, gbSeconds), firstErrors, probes);
        }
    }

    private void add(Invocation i, Instant start) {
        if (i.outcome() instanceof Outcome.Throttled) {
            throttles++;
            period(i.startedAt(), start)[4]++;
            return;
        }
        invocations++;
        long[] ended = period(i.endedAt(), start);
        ended[1]++;
        if (i.outcome() instanceof Outcome.FunctionError e) {
            errors++;
            if (firstErrors.size() < ConfigurationResult.FIRST_ERRORS) {
                firstErrors.add(i);
            }
            ended[2]++;
            if (e.kind() == Outcome.ErrorKind.TIMEOUT) {
                timeouts++;
                ended[3]++;
            }
        }
        coldStarts += i.coldStart() ? 1 : 0;
        Duration duration = i.duration();
        measuredNanos += duration.toNanos();
        billedMillis += Pricing.billedMillis(duration, memoryMb);
        if (i.iteratorAgeAtStart().compareTo(maxIteratorAge) > 0) {
            maxIteratorAge = i.iteratorAgeAtStart();
        }
        long[] started = period(i.startedAt(), start);
        started[0] = Math.max(started[0], i.iteratorAgeAtStart().toMillis());
    }

    private long[] period(Instant at, Instant start) {
        int index = (int) (Duration.between(start, at).toSeconds() / settings.period().toSeconds());
        while (periods.size() <= index) {
            periods.add(new long[5]);
        }
        return periods.get(index);
    }

    private List<Period> periods(Duration total) {
        long count = (total.toSeconds() + settings.period().toSeconds() - 1) / settings.period().toSeconds();
        List<Period> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            long[] v = p < periods.size() ? periods.get(p) : new long[5];
            out.add(new Period(settings.period().multipliedBy(p), Duration.ofMillis(v[0]), v[1], v[2], v[3], v[4]));
        }
        return out;
    }
}
