package io.github.streamharness.examples.demo;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.TemplateFunction;
import io.github.streamharness.traffic.RateProducer;
import io.github.streamharness.examples.analytics.AnalyticsStreamProcessor;
import io.github.streamharness.examples.incident.MetricTraffic;
import io.github.streamharness.whatif.Configuration;
import io.github.streamharness.whatif.HandlerFactory;
import io.github.streamharness.whatif.Traffic;
import java.time.Duration;
import java.util.Map;

/**
 * The incident of {@code analytics-stream-processor} as a what-if: {@link #SHARDS} shards, metric records from
 * {@link #HOSTS} hosts at a steady rate, one of them cut short (the poison pill), and the real
 * {@link AnalyticsStreamProcessor} behind the incident's three causes:
 * <ul>
 *   <li>A: the parser hangs on the pill until the function timeout ({@link HangsOnMalformedRecord});</li>
 *   <li>B: one DynamoDB write in 20,000 is throttled and takes 25 s or more ({@link SlowDynamoDb});</li>
 *   <li>C: a new execution environment spends {@link #INIT} in Init, which counts against the timeout (rule 0.15).</li>
 * </ul>
 *
 * @param rate     records per second over the whole stream
 * @param duration how long the traffic runs (and the virtual time each configuration runs for)
 * @param poisonAt when the pill is written
 */
record IncidentScenario(long rate, Duration duration, Duration poisonAt) {
    static final int SHARDS = 10;
    static final int HOSTS = 500;
    /** The Init phase of the Java function (Spring-free, SDK clients built in the constructor). */
    static final Duration INIT = Duration.ofSeconds(6);
    static final int SLOW_WRITE_ONE_IN = 20_000;
    private static final Duration NORMAL_WRITE = Duration.ofMillis(4);
    private static final long DYNAMO_SEED = 7L;

    /** The incident at its real scale: 10,000 records/s for 45 minutes, the pill at 00:20. */
    static IncidentScenario incident() {
        return new IncidentScenario(10_000, Duration.ofMinutes(45), Duration.ofSeconds(20));
    }

    /** The record index of the pill. */
    int poisonIndex() {
        return Math.toIntExact(rate * poisonAt.toMillis() / 1000);
    }

    /** Records each configuration is given. */
    long records() {
        return rate * duration.toSeconds();
    }

    /** The traffic: every configuration's harness gets the same records at the same virtual times. */
    Traffic traffic() {
        return new Traffic("analytics-stream", SHARDS, duration, 20_261_123L,
                java.time.Instant.parse("2026-11-23T09:00:00Z"), this::produce);
    }

    private void produce(StreamHarness harness) {
        RateProducer.of(MetricTraffic.withPoisonPill(HOSTS, harness.clock().now(), rate, poisonIndex()))
                .recordsPerSecond(rate).tick(Duration.ofMillis(100)).forDuration(duration).start(harness);
    }

    /** The handler of each configuration: the real processor, writing to a slow table, hanging on the pill. */
    static HandlerFactory handlers() {
        return (harness, configuration) -> new HangsOnMalformedRecord(harness.clock(),
                new AnalyticsStreamProcessor(new SlowDynamoDb(harness.clock(), NORMAL_WRITE, SLOW_WRITE_ONE_IN,
                        DYNAMO_SEED)));
    }

    /** The configuration a SAM template of the examples module deploys, with the Init duration of cause C. */
    static Configuration fromTemplate(String name, String template) {
        TemplateFunction f = TemplateFunction.readResource(IncidentScenario.class.getClassLoader(), template,
                "AnalyticsStreamProcessor", Map.of());
        return Configuration.fromTemplate(name, f).withFunction(name, s -> s.initDuration(INIT));
    }

    /** {@code template-before-the-fix.yaml}: BatchSize 200, AWS defaults otherwise, timeout 30 s, 256 MB. */
    static Configuration beforeTheFix() {
        return fromTemplate("before the fix", "template-before-the-fix.yaml");
    }

    /** {@code template.yaml}: BatchSize 100, window 5 s, PF 10, bisect, 3 retries, SQS DLQ, 120 s, 1024 MB. */
    static Configuration afterTheFix() {
        return fromTemplate("after the fix", "template.yaml");
    }
}
