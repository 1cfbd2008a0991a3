package io.github.streamharness.examples.demo;

import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.Shard;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.events.RateProducer;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.examples.incident.FunctionConfig;
import io.github.streamharness.examples.incident.MetricTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Replays the incident for one function configuration: {@value #SHARDS} shards, metric records from
 * {@value #HOSTS} hosts at the production rate with one poison pill, DynamoDB writes of which some are throttled for
 * 25 s or more ({@link SlowDynamoDb}), and the real {@link AnalyticsStreamProcessor}. Samples the stream every
 * virtual second. Each replay owns its harness, so two replays can run on two threads.
 */
final class IncidentReplay implements Callable<IncidentReplay.Result> {
    static final int SHARDS = 10;
    static final int HOSTS = 500;
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final Duration NORMAL_WRITE = Duration.ofMillis(4);
    private static final long DYNAMO_SEED = 7L;
    private static final long BASE_SEED = 8L;

    private final FunctionConfig config;
    private final Scenario scenario;
    private volatile long secondsDone;
    private volatile long recordsPut;

    /**
     * What is replayed, the same for both configurations: a peak at the production rate, then quieter traffic.
     *
     * @param peakRate       records per second over the whole stream during the peak
     * @param peak           how long the peak lasts, from the start
     * @param baseRate       records per second after the peak
     * @param duration       how much virtual time to replay
     * @param poisonAt       when the poison pill is written (during the peak)
     * @param throttledOneIn one DynamoDB write in this many is throttled (25 s and more)
     * @param reportEvery    how often to take a full sample (a table row); the iterator age is sampled every second
     */
    record Scenario(long peakRate, Duration peak, long baseRate, Duration duration, Duration poisonAt,
                    int throttledOneIn, Duration reportEvery) {
        int poisonIndex() {
            return Math.toIntExact(peakRate * poisonAt.toMillis() / 1000);
        }
    }

    /**
     * What one replay produced: the iterator age of every virtual second, a full sample every report interval, and
     * what it cost in real time.
     */
    record Result(FunctionConfig config, List<Duration> iteratorAgePerSecond, List<Sample> rows, long wallMillis,
                  long countedSamples, long throttledWrites, String poisonPill) {
        Sample last() {
            return rows.get(rows.size() - 1);
        }

        Duration worstIteratorAge() {
            return iteratorAgePerSecond.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    IncidentReplay(FunctionConfig config, Scenario scenario) {
        this.config = config;
        this.scenario = scenario;
    }

    FunctionConfig config() {
        return config;
    }

    /** Virtual seconds replayed so far (read by the progress line from another thread). */
    long secondsDone() {
        return secondsDone;
    }

    /** Records written so far (read by the progress line from another thread). */
    long recordsPut() {
        return recordsPut;
    }

    @Override
    public Result call() {
        long wallStart = System.nanoTime(); // the demo reports its own real cost; the replay itself is virtual
        StreamHarness.Builder builder = config.harness(SHARDS).retainInvocations(5_000)
                .releaseCommittedRecords(true); // a long replay keeps only what is not done yet
        try (StreamHarness stream = builder.build()) {
            SlowDynamoDb dynamoDb = new SlowDynamoDb(stream.clock(), NORMAL_WRITE, scenario.throttledOneIn(),
                    DYNAMO_SEED);
            stream.addMapping(config.mapping(), new AnalyticsStreamProcessor(dynamoDb));
            Instant start = stream.clock().now();
            RateProducer.Run peak = RateProducer
                    .of(MetricTraffic.withPoisonPill(HOSTS, start, scenario.peakRate(), scenario.poisonIndex()))
                    .recordsPerSecond(scenario.peakRate()).tick(Duration.ofMillis(100))
                    .forDuration(scenario.peak()).start(stream);
            Instant baseStart = start.plus(scenario.peak());
            RateProducer base = RateProducer
                    .of(MetricTraffic.metrics(HOSTS, baseStart, scenario.baseRate(), BASE_SEED))
                    .recordsPerSecond(scenario.baseRate()).tick(Duration.ofMillis(100))
                    .forDuration(scenario.duration().minus(scenario.peak()));
            List<RateProducer.Run> baseRun = new ArrayList<>(1);
            stream.schedule(baseStart, () -> baseRun.add(base.start(stream)));
            LongSupplier recordsWritten = () -> peak.recordsPut()
                    + (baseRun.isEmpty() ? 0 : baseRun.get(0).recordsPut());
            List<Duration> ages = new ArrayList<>();
            List<Sample> rows = new ArrayList<>();
            long errors = 0;
            long timeouts = 0;
            int logged = 0;
            long steps = scenario.duration().dividedBy(STEP);
            for (long step = 1; step <= steps; step++) {
                stream.advance(STEP);
                // invocations are logged when they end: the ones added this step are the tail of the log
                List<Invocation> retained = stream.invocations().all();
                int added = stream.invocations().count() - logged;
                if (added > retained.size()) {
                    throw new IllegalStateException(added + " invocations in one step, more than the log retains");
                }
                for (Invocation i : retained.subList(Math.max(0, retained.size() - added), retained.size())) {
                    if (i.outcome() instanceof Outcome.FunctionError e) {
                        errors++;
                        timeouts += e.kind() == Outcome.ErrorKind.TIMEOUT ? 1 : 0;
                    }
                }
                logged = stream.invocations().count();
                Duration maxAge = stream.shards().stream().map(Shard::id)
                        .map(id -> stream.position(id).iteratorAge()).max(Duration::compareTo).orElseThrow();
                ages.add(maxAge);
                Duration at = STEP.multipliedBy(step);
                if (step == steps || at.toSeconds() % scenario.reportEvery().toSeconds() == 0) {
                    // the ledger count walks every record: once per row, not once per second
                    rows.add(new Sample(at, maxAge, stream.ledger().count(RecordState.COMMITTED),
                            stream.invocations().count(), errors, timeouts,
                            stream.mapping().hasDestination() ? stream.deadLetterQueue().size() : 0,
                            recordsWritten.getAsLong()));
                }
                secondsDone = step;
                recordsPut = recordsWritten.getAsLong();
            }
            byte[] pillData = MetricTraffic.withPoisonPill(HOSTS, start, scenario.peakRate(), scenario.poisonIndex())
                    .record(scenario.poisonIndex()).data();
            String pill = stream.shards().stream().flatMap(s -> s.records().stream())
                    .filter(r -> r.dataSize() == pillData.length && Arrays.equals(r.dataBytes(), pillData))
                    .map(r -> r.shardId() + " " + r.dataAsString() + " (cut short)").findFirst().orElse("none");
            return new Result(config, ages, rows, (System.nanoTime() - wallStart) / 1_000_000,
                    dynamoDb.countedSamples(), dynamoDb.throttledWrites(), pill);
        }
    }
}
