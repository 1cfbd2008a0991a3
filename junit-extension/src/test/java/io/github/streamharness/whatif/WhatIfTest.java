package io.github.streamharness.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.traffic.KinesisRecords;
import io.github.streamharness.traffic.RateProducer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class WhatIfTest {
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:dlq";

    /** 100 records/s over 4 shards for 2 minutes, record 250 a poison pill. */
    private static Traffic traffic() {
        return Traffic.of(4, Duration.ofMinutes(2), h -> RateProducer
                .of(KinesisRecords.withSeed(3).keys(java.util.stream.IntStream.range(0, 40).mapToObj(k -> "k" + k).toArray(String[]::new)).text(i -> i == 250 ? "poison" : "{\"i\":" + i + "}"))
                .recordsPerSecond(100).forDuration(Duration.ofSeconds(90)).start(h));
    }

    /** Fails on the poison pill; otherwise spends 5 ms per record on the virtual clock. */
    private static HandlerFactory handlers() {
        return (harness, configuration) -> (event, context) -> {
            for (var r : event.getRecords()) {
                if (StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString().equals("poison")) {
                    throw new IllegalArgumentException("malformed record");
                }
                harness.clock().sleep(Duration.ofMillis(5));
            }
            return null;
        };
    }

    private static final List<Configuration> CONFIGURATIONS = configurations();

    private static List<Configuration> configurations() {
        EventSourceMappingConfig before = EventSourceMappingConfig.builder().batchSize(50).build();
        Configuration stalls = Configuration.of("before", before, FunctionSettings.builder().timeout(
                Duration.ofSeconds(30)).memorySize(256).build());
        return List.of(stalls,
                stalls.withMapping("bisect + DLQ", m -> m.bisectBatchOnFunctionError(true).maximumRetryAttempts(1)
                        .onFailureDestination(DLQ)),
                stalls.withMapping("PF 4", m -> m.parallelizationFactor(4)),
                stalls.withFunction("1769 MB", f -> f.memorySize(1769)));
    }

    private static WhatIfReport run(int threads) {
        return WhatIf.of(traffic(), handlers()).configurations(CONFIGURATIONS).threads(threads)
                .period(Duration.ofMinutes(1)).probe("dlq", h -> Integer.toString(
                        h.mapping().hasDestination() ? h.deadLetterQueue().records().size() : 0))
                .run();
    }

    @Test
    void theSameWhatIfGivesTheSameResultsEveryTime() {
        assertThat(run(2).results()).isEqualTo(run(2).results());
    }

    @Test
    void runningTheConfigurationsInParallelGivesExactlyTheFiguresOfRunningThemOneAfterTheOther() {
        WhatIfReport parallel = run(4);
        WhatIfReport sequential = run(1);
        assertThat(parallel.results()).isEqualTo(sequential.results());
        assertThat(parallel.table()).isEqualTo(sequential.table());
    }

    @Test
    void eachConfigurationIsReportedWithItsLedgerErrorsAndDestination() {
        WhatIfReport report = run(2);
        assertThat(report.results()).extracting(ConfigurationResult::name)
                .containsExactly("before", "bisect + DLQ", "PF 4", "1769 MB");
        ConfigurationResult before = report.result("before");
        assertThat(before.recordsPut()).isEqualTo(9_000);
        assertThat(before.waiting()).as("the pill's shard is blocked: retried until the end").isPositive();
        assertThat(before.errors()).as("retried with back-off up to 60 s").isGreaterThan(5);
        assertThat(before.dlqMessages()).isZero();
        ConfigurationResult fixed = report.result("bisect + DLQ");
        assertThat(fixed.ledger().get(RecordState.SENT_TO_DESTINATION)).isEqualTo(1);
        assertThat(fixed.dlqMessages()).isEqualTo(1);
        assertThat(fixed.dlqRecords()).isEqualTo(1);
        assertThat(fixed.probes()).containsEntry("dlq", "1");
        assertThat(fixed.processed()).isEqualTo(9_000 - 1);
        assertThat(fixed.waiting()).isZero();
        assertThat(fixed.periods()).hasSize(2);
        assertThat(fixed.periods().stream().mapToLong(Period::invocations).sum()).isEqualTo(fixed.invocations());
        assertThat(fixed.periods().stream().mapToLong(Period::errors).sum()).isEqualTo(fixed.errors());
        assertThat(report.result("1769 MB").measured()).isEqualTo(report.result("before").measured());
        assertThat(report.result("1769 MB").billedMillis()).isLessThan(report.result("before").billedMillis());
    }

    @Test
    void billedDurationScalesWithTheCpuShareBelow1769Mb() { // rule 19.3, 15.1
        // 100 ms measured at 256 MB: 100 x 1769 / 256 = 691.015625 ms, billed 692 ms
        assertThat(Pricing.billedMillis(Duration.ofMillis(100), 256)).isEqualTo(692);
        // at and above a full vCPU nothing is scaled; a fraction of a millisecond is billed as a whole one
        assertThat(Pricing.billedMillis(Duration.ofMillis(100), 1769)).isEqualTo(100);
        assertThat(Pricing.billedMillis(Duration.ofNanos(100_000_001), 3008)).isEqualTo(101);
        assertThat(Pricing.billedMillis(Duration.ZERO, 128)).isZero();
        // 692 ms at 256 MB: 0.692 s x 0.25 GB
        assertThat(Pricing.gbSeconds(692, 256)).isEqualByComparingTo("0.173");
    }

    @Test
    void costIsInvocationsTimesThePricePerRequestPlusGbSecondsTimesThePricePerGbSecond() { // rule 19.3
        // a million invocations of 100 ms at 1024 MB: USD 0.20 + 100,000 GB-s x 0.0000166667 = 0.20 + 1.66667
        Pricing.Cost cost = Pricing.US_EAST_1_X86.cost(1_000_000, Pricing.gbSeconds(1_000_000L * 100, 1024));
        assertThat(cost.requests()).isEqualByComparingTo("0.20");
        assertThat(cost.compute()).isEqualByComparingTo("1.66667");
        assertThat(cost.total()).isEqualByComparingTo("1.86667");
        Pricing custom = new Pricing(new java.math.BigDecimal("0.0000001"), new java.math.BigDecimal("0.00001"));
        assertThat(custom.cost(10, new java.math.BigDecimal("2")).total()).isEqualByComparingTo("0.000021");
    }

    /** 10 records, one per invocation, each spending 100 ms on the virtual clock. */
    private static WhatIf.Builder tenSlowInvocations() {
        Traffic ten = Traffic.of(1, Duration.ofSeconds(30), h -> {
            for (int i = 0; i < 10; i++) {
                h.put("pk", "r" + i);
            }
        });
        HandlerFactory slow = (harness, configuration) -> (event, context) -> {
            harness.clock().sleep(Duration.ofMillis(100));
            return null;
        };
        return WhatIf.of(ten, slow);
    }

    private static final EventSourceMappingConfig ONE_RECORD = EventSourceMappingConfig.builder().batchSize(1).build();

    @Test
    void theEstimateBillsEachInvocationsDurationScaledByTheCpuShare() { // rule 19.3
        WhatIfReport report = tenSlowInvocations().configurations(
                Configuration.of("2048 MB", ONE_RECORD, FunctionSettings.builder().memorySize(2048).build()),
                Configuration.of("512 MB", ONE_RECORD, FunctionSettings.builder().memorySize(512).build()))
                .probe("Duration SUM", h -> Double.toString(h.metrics().total("Duration",
                        io.github.streamharness.Statistic.SUM))).run();
        ConfigurationResult big = report.result("2048 MB");
        assertThat(big.invocations()).isEqualTo(10);
        assertThat(big.probes()).containsEntry("Duration SUM", "1000.0");
        assertThat(big.measured()).isEqualTo(Duration.ofSeconds(1));
        assertThat(big.billedMillis()).isEqualTo(1_000);
        // 1 s x 2 GB = 2 GB-s: 2 x 0.0000166667 + 10 x 0.0000002
        assertThat(big.gbSeconds()).isEqualByComparingTo("2");
        assertThat(big.cost().total()).isEqualByComparingTo("0.0000353334");
        ConfigurationResult small = report.result("512 MB");
        // each invocation's 100 ms x 1769 / 512 = 345.5078125 ms, billed 346 ms; ten of them 3,460 ms (rounding
        // the Duration metric's 1,000 ms once would bill 3,456), at 0.5 GB = 1.73 GB-s
        assertThat(small.measured()).isEqualTo(Duration.ofSeconds(1));
        assertThat(small.billedMillis()).isEqualTo(3_460);
        assertThat(small.gbSeconds()).isEqualByComparingTo("1.73");
        // 10 x 0.0000002 + 1.73 x 0.0000166667
        assertThat(small.cost().total()).isEqualByComparingTo("0.000030833391");
    }

    @Test
    void theInitPhaseOfEveryColdStartIsBilledAndProvisionedConcurrencyHasNone() { // rule 19.3, 16.2, 15.4
        FunctionSettings cold = FunctionSettings.builder().memorySize(2048).initDuration(Duration.ofSeconds(2))
                .build();
        WhatIfReport report = tenSlowInvocations().configurations(
                Configuration.of("on demand", ONE_RECORD, cold),
                Configuration.of("provisioned 1", ONE_RECORD, cold.toBuilder().provisionedConcurrentExecutions(1)
                        .build())).run();
        ConfigurationResult onDemand = report.result("on demand");
        // one lane, one environment: the first invocation is cold, its 2 s Init billed with its own 100 ms
        assertThat(onDemand.coldStarts()).isEqualTo(1);
        assertThat(onDemand.periods().get(0).coldStarts()).isEqualTo(1);
        assertThat(onDemand.measured()).isEqualTo(Duration.ofSeconds(1));
        assertThat(onDemand.billedMillis()).isEqualTo(3_000);
        ConfigurationResult provisioned = report.result("provisioned 1");
        assertThat(provisioned.coldStarts()).isZero();
        assertThat(provisioned.billedMillis()).isEqualTo(1_000);
    }

    @Test
    void theFiguresAreTheFunctionsMetrics() { // rule 17.1
        WhatIfReport report = WhatIf.of(traffic(), handlers()).configurations(CONFIGURATIONS.get(0))
                .period(Duration.ofMinutes(1))
                .probe("metrics", h -> String.join(" ", java.util.stream.Stream.of("Invocations", "Errors",
                        "Throttles").map(m -> Long.toString(Math.round(h.metrics().total(m,
                        io.github.streamharness.Statistic.SUM)))).toList()) + " " + Math.round(h.metrics().total(
                        "IteratorAge", io.github.streamharness.Statistic.MAXIMUM)))
                .run();
        ConfigurationResult r = report.results().get(0);
        assertThat(r.probes().get("metrics")).isEqualTo(r.invocations() + " " + r.errors() + " " + r.throttles() + " "
                + r.maxIteratorAge().toMillis());
        assertThat(r.periods().stream().mapToLong(Period::invocations).sum()).isEqualTo(r.invocations());
        assertThat(r.periods().stream().map(Period::maxIteratorAge).max(Duration::compareTo))
                .contains(r.maxIteratorAge());
    }

    @Test
    void theTableHasARowPerConfigurationAndTheChartIsWellFormedSvg() throws Exception {
        WhatIfReport report = run(2);
        assertThat(report.table().lines()).hasSize(2 + 4);
        assertThat(report.table().lines().skip(2)).allSatisfy(line -> assertThat(line).matches(
                "(before|bisect \\+ DLQ|PF 4|1769 MB) +\\| .*"));
        String svg = report.svg("what if");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).contains(">bisect + DLQ<", ">Estimated cost, USD<", ">IteratorAge maximum<");
    }

    @Test
    void noThreadOfTheWhatIfIsLeftRunningAfterRunReturns() {
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        WhatIf.of(traffic(), handlers()).configurations(CONFIGURATIONS).threads(3)
                .progress((c, done, total, put) -> workers.add(Thread.currentThread())).run();
        assertThat(workers).hasSize(3).noneMatch(Thread::isAlive);
    }

    @Test
    void aWhatIfWithoutConfigurationsIsRefused() {
        assertThatThrownBy(() -> WhatIf.of(traffic(), handlers()).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a what-if needs at least one configuration: add them with configurations(..) before "
                        + "run()");
    }

    @Test
    void twoConfigurationsOfTheSameNameAreRefused() {
        Configuration c = configurations().get(0);
        assertThatThrownBy(() -> WhatIf.of(traffic(), handlers()).configurations(c, c).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two what-if configurations are named \"before\"; give each its own name, it labels its "
                        + "row in the report");
    }

    @Test
    void badSettingsAreRefusedWithWhatWasWrong() {
        WhatIf.Builder w = WhatIf.of(traffic(), handlers());
        assertThatThrownBy(() -> w.period(Duration.ofMillis(1500))).hasMessage(
                "a what-if's period must be whole seconds, at least 1 s, got PT1.5S");
        assertThatThrownBy(() -> w.threads(0)).hasMessage("a what-if needs at least 1 thread, got 0");
        assertThatThrownBy(() -> w.retainInvocations(9)).hasMessage("a what-if retains at least 10 invocations, got 9");
        w.probe("p", h -> "");
        assertThatThrownBy(() -> w.probe("p", h -> "")).hasMessage(
                "a what-if probe named \"p\" was added twice; give each probe its own name");
        assertThatThrownBy(() -> Traffic.of(1, Duration.ZERO, h -> { })).hasMessage(
                "the traffic's duration must be positive (the virtual time each configuration runs for), got PT0S");
        assertThatThrownBy(() -> Configuration.of(" ", EventSourceMappingConfig.defaults(), FunctionSettings.DEFAULTS))
                .hasMessage("a what-if configuration needs a name for its row in the report");
    }

    @Test
    void moreInvocationsInOneStepThanTheLogRetainsAreRefusedWithTheFix() {
        // 6,000 records put at once, one per batch, a handler that takes no virtual time: all end in the first step
        Traffic burst = Traffic.of(1, Duration.ofSeconds(5), h -> {
            for (int i = 0; i < 6_000; i++) {
                h.put("pk", "r" + i);
            }
        });
        HandlerFactory instant = (harness, configuration) -> (event, context) -> null;
        assertThatThrownBy(() -> WhatIf.of(burst, instant).configurations(Configuration.of("one per batch",
                EventSourceMappingConfig.builder().batchSize(1).build(), FunctionSettings.DEFAULTS)).run())
                .isInstanceOf(WhatIfException.class).hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageEndingWith(" invocations ended between two readings of the what-if's "
                        + "invocation log, more than the 5000 it retains (it reads once 2000 are unread, after a "
                        + "step): choose a shorter step(..) or retain more with retainInvocations(..)");
        ConfigurationResult retained = WhatIf.of(burst, instant).retainInvocations(10_000).configurations(
                Configuration.of("one per batch", EventSourceMappingConfig.builder().batchSize(1).build(),
                        FunctionSettings.DEFAULTS)).run().results().get(0);
        assertThat(retained.invocations()).isEqualTo(6_000);
        assertThat(retained.processed()).isEqualTo(6_000);
    }

    @Test
    void aConfigurationWhoseHandlerFactoryFailsIsNamedAndTheOthersStop() {
        HandlerFactory failing = (harness, configuration) -> {
            if (configuration.name().equals("PF 4")) {
                throw new IllegalStateException("no table");
            }
            return handlers().create(harness, configuration);
        };
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> WhatIf.of(traffic(), failing).configurations(CONFIGURATIONS).threads(2)
                .progress((c, done, total, put) -> workers.add(Thread.currentThread())).run())
                .isInstanceOf(WhatIfException.class)
                .hasMessage("configuration \"PF 4\" failed: java.lang.IllegalStateException: no table");
        assertThat(workers).isNotEmpty().noneMatch(Thread::isAlive);
    }
}
