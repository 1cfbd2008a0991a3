package io.github.streamharness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.Shard;
import io.github.streamharness.StreamHarness;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateProducerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void tenThousandPerSecondForTenMinutesPutsSixMillionRecordsWithoutBuildingThemUpFront() {
        FakeSink sink = new FakeSink(T0, false);
        RecordSpec tiny = RecordSpec.of("pk", "x");

        RateProducer.Run run = RateProducer.of(j -> tiny).recordsPerSecond(10_000)
                .forDuration(Duration.ofMinutes(10)).start(sink);

        assertThat(sink.count()).as("nothing is put before time moves").isZero();
        assertThat(run.plannedRecords()).isEqualTo(6_000_000);
        assertThat(run.endsAt()).isEqualTo(T0.plusSeconds(600));

        sink.advanceTo(T0.plusSeconds(1).minusNanos(1));
        assertThat(sink.count()).isEqualTo(10_000);
        sink.advanceTo(T0.plusSeconds(600));
        assertThat(sink.count()).isEqualTo(6_000_000);
        assertThat(run.isFinished()).isTrue();
        assertThat(sink.lastPutAt()).isEqualTo(T0.plusSeconds(600).minusMillis(1));
        assertThat(sink.maxPending()).as("the producer keeps one tick scheduled at a time").isEqualTo(1);
        assertThat(sink.actionsRun()).as("one tick per millisecond").isEqualTo(600_000);
        assertThat(sink.pending()).isZero();
    }

    @Test
    void generatedRecordsArePutInOrderTenPerMillisecond() {
        FakeSink sink = new FakeSink(T0);
        KinesisRecords records = KinesisRecords.withSeed(3).json("{\"id\":${index}}");

        RateProducer.of(records).recordsPerSecond(10_000).forDuration(Duration.ofMinutes(10)).start(sink);
        sink.advanceTo(T0.plusMillis(999));

        assertThat(sink.puts()).hasSize(10_000);
        assertThat(sink.puts()).extracting(FakeSink.Put::record).isEqualTo(records.take(10_000));
        TreeMap<Instant, Long> perMilli = sink.puts().stream()
                .collect(Collectors.groupingBy(FakeSink.Put::at, TreeMap::new, Collectors.counting()));
        assertThat(perMilli).hasSize(1_000);
        assertThat(perMilli.values()).containsOnly(10L);
        assertThat(perMilli.firstKey()).isEqualTo(T0);
        assertThat(perMilli.lastKey()).isEqualTo(T0.plusMillis(999));
    }

    @Test
    void arrivalsFollowTheExactRateWithoutDrift() {
        FakeSink sink = new FakeSink(T0);

        RateProducer.Run run = RateProducer.of(KinesisRecords.create()).recordsPerSecond(3)
                .forDuration(Duration.ofSeconds(2)).start(sink);
        sink.runUntilIdle();

        // record j is due at j/3 s, put at the start of the millisecond tick it falls in
        assertThat(sink.puts()).extracting(FakeSink.Put::at).containsExactly(
                T0, T0.plusMillis(333), T0.plusMillis(666), T0.plusMillis(1_000), T0.plusMillis(1_333),
                T0.plusMillis(1_666));
        assertThat(sink.actionsRun()).as("no tick without a record due").isEqualTo(6);
        assertThat(run.recordsPut()).isEqualTo(6);
    }

    @Test
    void aLongerTickPutsChunks() {
        FakeSink sink = new FakeSink(T0, false);
        RateProducer.of(KinesisRecords.create()).recordsPerSecond(10_000).forDuration(Duration.ofSeconds(1))
                .tick(Duration.ofMillis(100)).start(sink);

        sink.advanceTo(T0);
        assertThat(sink.count()).isEqualTo(1_000);
        sink.advanceTo(T0.plusMillis(99));
        assertThat(sink.count()).isEqualTo(1_000);
        sink.advanceTo(T0.plusMillis(100));
        assertThat(sink.count()).isEqualTo(2_000);
        sink.runUntilIdle();
        assertThat(sink.count()).isEqualTo(10_000);
        assertThat(sink.actionsRun()).isEqualTo(10);
    }

    @Test
    void aTickPutsItsRecordsInCallsOfAtMostFiveHundredAsPutRecordsTakes() {
        FakeSink sink = new FakeSink(T0, false);
        RateProducer.of(KinesisRecords.create()).recordsPerSecond(12_000).forDuration(Duration.ofMillis(200))
                .tick(Duration.ofMillis(100)).start(sink);

        sink.runUntilIdle();

        assertThat(sink.count()).isEqualTo(2_400);
        assertThat(sink.callSizes()).containsExactly(500, 500, 200, 500, 500, 200); // 1,200 per tick
    }

    @Test
    void aRefusedCallPutsNoneOfItsRecordsAndTheRunCountsOnlyWhatWentIn() {
        try (StreamHarness h = StreamHarness.builder().build()) {
            String tooLong = "k".repeat(257); // rule 19.1: a partition key has at most 256 characters
            RateProducer.Run run = RateProducer.of(j -> RecordSpec.of(j == 13 ? tooLong : "k" + j, "{}"))
                    .recordsPerSecond(1_000).forDuration(Duration.ofSeconds(1)).tick(Duration.ofMillis(10))
                    .start(h);

            assertThatThrownBy(h::runUntilIdle)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("record 3 (0-based) of the 10 put together was refused, so none of them was "
                            + "written: PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got 257 "
                            + "characters");
            assertThat(h.shard(0).records()).hasSize(10); // the first tick's call; the second's none
            assertThat(run.recordsPut()).isEqualTo(10);
            assertThat(run.isFinished()).isFalse();
        }
    }

    @Test
    void sameSeedGivesTheSameRunTwice() {
        KinesisRecords records = KinesisRecords.withSeed(99).skewedKeys(5, 0.5).malformedJson(0.1);
        FakeSink first = new FakeSink(T0);
        FakeSink second = new FakeSink(T0);

        RateProducer producer = RateProducer.of(records).recordsPerSecond(700).forDuration(Duration.ofSeconds(3));
        producer.start(first);
        producer.start(second);
        first.runUntilIdle();
        second.runUntilIdle();

        assertThat(second.puts()).hasSize(2_100).isEqualTo(first.puts());
    }

    @Test
    void perShardRateRoutesEveryShardItsShareOnTheHarness() {
        // every record has the same partition key, yet each shard gets exactly its rate (explicit hash keys)
        try (StreamHarness harness = StreamHarness.builder().shards(4).build()) {
            RateProducer.of(j -> RecordSpec.of("same-key", "r" + j)).recordsPerSecondPerShard(100, 4)
                    .forDuration(Duration.ofSeconds(10)).start(harness);

            harness.advance(Duration.ofSeconds(10));

            assertThat(harness.shards()).extracting(shard -> shard.records().size())
                    .containsExactly(1_000, 1_000, 1_000, 1_000);
            Shard first = harness.shard(0);
            assertThat(first.records().get(0).dataAsString()).isEqualTo("r0");
            assertThat(first.records().get(1).dataAsString()).isEqualTo("r4");
            assertThat(first.records().get(1).approximateArrivalTimestamp())
                    .isEqualTo(first.records().get(0).approximateArrivalTimestamp().plusMillis(10));
        }
    }

    @Test
    void shardHashKeysSitInsideTheirEvenRange() {
        BigInteger space = BigInteger.ONE.shiftLeft(128);
        for (int n : new int[] {1, 2, 3, 7, 64}) {
            for (int i = 0; i < n; i++) {
                BigInteger key = new BigInteger(RateProducer.hashKeyInShard(i, n));
                BigInteger start = space.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
                BigInteger next = space.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n));
                assertThat(key).isGreaterThanOrEqualTo(start).isLessThan(next);
            }
        }
    }

    @Test
    void stopEndsTheRun() {
        FakeSink sink = new FakeSink(T0, false);
        RateProducer.Run run = RateProducer.of(KinesisRecords.create()).recordsPerSecond(1_000)
                .forDuration(Duration.ofSeconds(5)).start(sink);

        sink.advanceTo(T0.plusMillis(499));
        run.stop();
        sink.runUntilIdle();

        assertThat(sink.count()).isEqualTo(500);
        assertThat(run.isFinished()).isTrue();
    }

    @Test
    void iteratorSourceEndsTheRunWhenItRunsOut() {
        FakeSink sink = new FakeSink(T0);
        List<RecordSpec> three = KinesisRecords.create().take(3);

        RateProducer.Run run = RateProducer.of(three.iterator()).recordsPerSecond(10)
                .forDuration(Duration.ofMinutes(1)).start(sink);
        sink.runUntilIdle();

        assertThat(sink.puts()).extracting(FakeSink.Put::record).isEqualTo(three);
        assertThat(run.isFinished()).isTrue();
        assertThat(run.recordsPut()).isEqualTo(3);
    }

    @Test
    void startsAtTheSinksCurrentTimeEvenOffTheMillisecondGrid() {
        Instant odd = T0.plusNanos(123_456);
        FakeSink sink = new FakeSink(odd);

        RateProducer.of(KinesisRecords.create()).recordsPerSecond(2).forDuration(Duration.ofSeconds(1)).start(sink);
        sink.runUntilIdle();

        assertThat(sink.puts()).extracting(FakeSink.Put::at).containsExactly(odd, odd.plusMillis(500));
    }

    @Test
    void incompleteConfigurationIsRejected() {
        FakeSink sink = new FakeSink(T0);
        assertThatThrownBy(() -> RateProducer.of(KinesisRecords.create()).forDuration(Duration.ofSeconds(1))
                .start(sink)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no rate");
        assertThatThrownBy(() -> RateProducer.of(KinesisRecords.create()).recordsPerSecond(1).start(sink))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no duration");
        assertThatThrownBy(() -> RateProducer.of(KinesisRecords.create()).recordsPerSecond(0))
                .hasMessageContaining("at least 1 record per second");
        assertThatThrownBy(() -> RateProducer.of(KinesisRecords.create()).recordsPerSecond(1_000_000)
                .forDuration(Duration.ofDays(1)).plannedRecords())
                .hasMessageContaining("more than 2147483647");
    }
}
