package io.github.streamharness.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.traffic.KinesisRecords;
import io.github.streamharness.traffic.RateProducer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lambda bills each invocation's duration rounded up to a whole millisecond (https://aws.amazon.com/lambda/pricing/):
 * the what-if's billed time is that rounding per invocation, summed, not one rounding of the run's total.
 */
class WhatIfBillingTest {
    private static final EventSourceMappingConfig ONE_RECORD = EventSourceMappingConfig.builder().batchSize(1).build();
    /** At a full vCPU or more the CPU share leaves the duration as it is (rule 15.1). */
    private static final FunctionSettings FULL_VCPU = FunctionSettings.builder().memorySize(2048).build();
    private static final Duration SUB_MILLISECOND = Duration.ofNanos(200_000);

    /** {@code records} records on one shard, put before the clock moves, read one per invocation. */
    private static Traffic records(int shards, int records) {
        return Traffic.of(shards, Duration.ofSeconds(30), h -> {
            for (int i = 0; i < records; i++) {
                h.put("k" + i, "r" + i);
            }
        });
    }

    /** A handler that spends {@code each} on the virtual clock per invocation. */
    private static HandlerFactory spending(Duration each) {
        return (harness, configuration) -> (event, context) -> {
            harness.clock().sleep(each);
            return null;
        };
    }

    private static ConfigurationResult run(Traffic traffic, HandlerFactory handlers, Configuration configuration) {
        return WhatIf.of(traffic, handlers).configurations(configuration).run().results().get(0);
    }

    @Test
    void subMillisecondInvocationsAreEachBilledAWholeMillisecond() { // rule 19.3
        ConfigurationResult r = WhatIf.of(records(1, 100), spending(SUB_MILLISECOND))
                .configurations(Configuration.of("0.2 ms", ONE_RECORD, FULL_VCPU))
                .probe("billed", h -> h.logs().query("stats sum(@billedDuration) as billed").get(0).get("billed"))
                .run().results().get(0);
        assertThat(r.invocations()).isEqualTo(100);
        // the Duration metric: 100 x 0.2 ms; the bill: 100 x 1 ms, not the 20 ms of rounding the total once
        assertThat(r.measured()).isEqualTo(Duration.ofMillis(20));
        assertThat(r.billedMillis()).isEqualTo(100);
        assertThat(r.probes()).as("the REPORT lines' Billed Duration, summed").containsEntry("billed", "100");
        // 100 ms x 2 GB = 0.2 GB-s
        assertThat(r.gbSeconds()).isEqualByComparingTo("0.2");
    }

    @Test
    void anInvocationOfExactlyOneMillisecondBillsOneAndOneNanosecondMoreBillsTwo() { // rule 19.3
        assertThat(Pricing.billedMillis(Duration.ofMillis(1), 2048)).isEqualTo(1);
        assertThat(Pricing.billedMillis(Duration.ofNanos(1_000_001), 2048)).isEqualTo(2);
        assertThat(Pricing.billedMillis(Duration.ofMillis(1), Pricing.FULL_VCPU_MB)).isEqualTo(1);
        assertThat(Pricing.billedMillis(Duration.ofNanos(1_000_001), Pricing.FULL_VCPU_MB)).isEqualTo(2);
        assertThat(Pricing.billedMillis(Duration.ZERO, 128)).isZero();
        assertThatThrownBy(() -> Pricing.billedMillis(Duration.ofMillis(-1), 1024)).hasMessage("an invocation's "
                + "billed time needs a duration of 0 or more and a memory of at least 1 MB, got PT-0.001S at 1024 MB");
        Configuration c = Configuration.of("one per batch", ONE_RECORD, FULL_VCPU);
        ConfigurationResult exact = run(records(1, 10), spending(Duration.ofMillis(1)), c);
        assertThat(exact.invocations()).isEqualTo(10);
        assertThat(exact.billedMillis()).isEqualTo(10);
        ConfigurationResult over = run(records(1, 10), spending(Duration.ofNanos(1_000_001)), c);
        assertThat(over.invocations()).isEqualTo(10);
        assertThat(over.measured()).isEqualTo(Duration.ofNanos(10_000_010));
        // each invocation rounds up on its own: 10 x 2 ms, not ceil(10.00001 ms) = 11 ms
        assertThat(over.billedMillis()).isEqualTo(20);
    }

    @Test
    void aColdStartsInitIsBilledWithItsOwnInvocationInOneRounding() { // rule 19.3, 16.2, 15.4
        FunctionSettings cold = FULL_VCPU.toBuilder().initDuration(Duration.ofNanos(1_500_000)).build();
        ConfigurationResult onDemand = run(records(1, 10), spending(SUB_MILLISECOND),
                Configuration.of("on demand", ONE_RECORD, cold));
        // one lane, one environment: the first invocation spends 1.5 ms of Init and 0.2 ms of its own, billed
        // ceil(1.7 ms) = 2 ms as its REPORT line says; the nine warm ones 1 ms each
        assertThat(onDemand.coldStarts()).isEqualTo(1);
        assertThat(onDemand.measured()).isEqualTo(Duration.ofMillis(2));
        assertThat(onDemand.billedMillis()).isEqualTo(2 + 9);
        // at 512 MB the whole invocation, Init included, is scaled by 1769 / 512 and rounded once: the cold one
        // 1.7 ms x 3.455... = 5.87 ms, billed 6; each warm one 0.2 ms x 3.455... = 0.69 ms, billed 1
        ConfigurationResult small = run(records(1, 10), spending(SUB_MILLISECOND),
                Configuration.of("512 MB", ONE_RECORD, cold.toBuilder().memorySize(512).build()));
        assertThat(small.coldStarts()).isEqualTo(1);
        assertThat(small.billedMillis()).isEqualTo(6 + 9);
        // a provisioned environment never cold-starts: no Init on the bill
        ConfigurationResult provisioned = run(records(1, 10), spending(SUB_MILLISECOND),
                Configuration.of("provisioned 1", ONE_RECORD, cold.toBuilder().provisionedConcurrentExecutions(1)
                        .build()));
        assertThat(provisioned.coldStarts()).isZero();
        assertThat(provisioned.billedMillis()).isEqualTo(10);
    }

    @Test
    void everyColdStartOfSeveralEnvironmentsAddsItsInit() { // rule 19.3, 16.2
        FunctionSettings cold = FULL_VCPU.toBuilder().initDuration(Duration.ofNanos(1_500_000)).build();
        ConfigurationResult r = run(records(4, 40), spending(SUB_MILLISECOND),
                Configuration.of("4 shards", ONE_RECORD, cold));
        assertThat(r.invocations()).isEqualTo(40);
        assertThat(r.coldStarts()).as("four lanes start at once, each in an environment of its own").isEqualTo(4);
        assertThat(r.billedMillis()).isEqualTo(r.coldStarts() * 2 + (r.invocations() - r.coldStarts()));
    }

    @Test
    void throttledAttemptsAreNotBilled() { // rule 19.3, 15.3
        ConfigurationResult r = run(records(4, 40), spending(SUB_MILLISECOND), Configuration.of("reserved 1",
                ONE_RECORD, FULL_VCPU.toBuilder().reservedConcurrentExecutions(1).build()));
        assertThat(r.throttles()).isPositive();
        assertThat(r.invocations()).isEqualTo(40);
        assertThat(r.billedMillis()).isEqualTo(40);
    }

    @Test
    void noInvocationIsLeftOffTheBillWhenTheLogRetainsFarFewerThanRan() { // rule 19.3
        // 4 records/s for 50 s, one per invocation, through an invocation log that keeps only the last 10
        Traffic steady = Traffic.of(1, Duration.ofSeconds(60), h -> RateProducer
                .of(KinesisRecords.withSeed(7).keys("pk").text(i -> "{\"i\":" + i + "}"))
                .recordsPerSecond(4).forDuration(Duration.ofSeconds(50)).start(h));
        ConfigurationResult r = WhatIf.of(steady, spending(SUB_MILLISECOND)).retainInvocations(10)
                .configurations(Configuration.of("retain 10", ONE_RECORD, FULL_VCPU)).run().results().get(0);
        assertThat(r.invocations()).isEqualTo(200);
        assertThat(r.processed()).isEqualTo(200);
        assertThat(r.measured()).isEqualTo(Duration.ofMillis(40));
        assertThat(r.billedMillis()).isEqualTo(200);
    }
}
