package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input on the stream side (docs/bad-inputs.md, "Stream and destination"): malformed keys are refused at put
 * time with nothing written, a FIFO destination drops records with a warning, and a shard that can never drain
 * stops at retention and says so.
 */
class StreamMisuseTest {
    private static final String MAX_HASH_KEY = "340282366920938463463374607431768211455";
    private static final RequestHandler<KinesisEvent, Void> ALWAYS_FAILS = (event, context) -> {
        throw new IllegalStateException("poison");
    };

    @ParameterizedTest(name = "ExplicitHashKey ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "abc|ExplicitHashKey 'abc' is not a decimal integer; Kinesis expects a value in 0.." + MAX_HASH_KEY,
        "-1|ExplicitHashKey '-1' is outside the hash key range 0.." + MAX_HASH_KEY,
        "340282366920938463463374607431768211456|ExplicitHashKey '340282366920938463463374607431768211456' is "
                + "outside the hash key range 0.." + MAX_HASH_KEY})
    void badExplicitHashKeyIsRefusedAndNothingIsWritten(String hashKey, String message) {
        try (StreamHarness h = StreamHarness.builder().shards(2).build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            byte[] data = "x".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> h.put("pk", data, hashKey))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThat(h.ledger().total()).isZero();
            assertThat(h.shards()).allMatch(s -> s.size() == 0);
        }
    }

    @Test
    void explicitHashKeyAtTheTopOfTheRangeGoesToTheLastShard() {
        try (StreamHarness h = StreamHarness.builder().shards(3).build()) {
            StreamRecord r = h.put("pk", "x".getBytes(StandardCharsets.UTF_8), MAX_HASH_KEY);
            assertThat(r.shardId()).isEqualTo("shardId-000000000002");
        }
    }

    @ParameterizedTest(name = "partition key of length {0}")
    @CsvSource(delimiter = '|', value = {
        "0|PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got 0 characters",
        "257|PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got 257 characters"})
    void emptyOrOversizedPartitionKeyIsRefusedAndNothingIsWritten(int length, String message) {
        try (StreamHarness h = StreamHarness.builder().build()) {
            assertThatThrownBy(() -> h.put("k".repeat(length), "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThat(h.shard(0).size()).isZero();
            assertThat(h.put("k".repeat(256), "x").partitionKey()).hasSize(256); // the limit itself is fine
        }
    }

    @Test
    void nullPartitionKeyIsRefused() {
        try (StreamHarness h = StreamHarness.builder().build()) {
            assertThatThrownBy(() -> h.put(null, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PartitionKey must be 1 to 256 characters (Kinesis PutRecord), got null");
        }
    }

    @Test
    void fifoDestinationDropsTheRecordsWithAWarningAndTheLedgerSaysDiscarded() { // rule 1.9, 6.5
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                    .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq.fifo").build(), ALWAYS_FAILS);
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(h.deadLetterQueue().isEmpty()).isTrue();
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.DISCARDED);
            assertThat(h.invocations().warnings()).singleElement().asString().endsWith(" dropped: delivery to the "
                    + "on-failure destination failed (a FIFO queue or topic is not a supported destination type, "
                    + "rule 1.9, 6.5)");
            h.ledger().verify();
        }
    }

    @Test
    void shardThatCanNeverDrainStopsAtRetentionAndTheTimelineSaysWhy() { // rule 4.5, 13.11
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), ALWAYS_FAILS); // -1 retries, no record age
            StreamRecord r = h.put("pk", "poison");
            h.runUntilIdle();

            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
            assertThat(h.invocations().timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.EXPIRED)
                    .singleElement().satisfies(e -> {
                        assertThat(e.text()).startsWith("1 record(s) ").endsWith(" left the stream by retention "
                                + "(PT24H) before this mapping processed them: lost (rule 4.5)");
                        assertThat(e.at()).isAfter(Instant.parse("2026-01-02T00:00:00Z"));
                    });
            // retries every 60 s once the back-off is capped (rule 0.2): about 1,440 attempts in a day, no spin
            assertThat(h.invocations().count()).isBetween(1_400, 1_500);
            h.ledger().verify();
        }
    }

    @Test
    void shardThrottledForeverStopsAtRetentionToo() { // rule 4.2, 13.10: throttles never exhaust retries
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    (e, c) -> null);
            h.faults().always().throttle();
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
            assertThat(h.invocations().all()).allMatch(i -> i.outcome().label().equals("THROTTLED"));
            assertThat(h.clock().now()).isBefore(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(25)));
        }
    }

    @Test
    void scenarioThatNeverSettlesStopsAtTheEventLimitWithAnExplanation() {
        try (StreamHarness h = StreamHarness.builder().eventLimit(1_000).build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> null);
            Runnable[] producer = new Runnable[1];
            producer[0] = () -> {
                h.put("pk", "tick");
                h.schedule(h.clock().now().plusSeconds(1), producer[0]); // a producer without an end
            };
            h.schedule(h.clock().now(), producer[0]);

            assertThatThrownBy(h::runUntilIdle).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("runUntilIdle() processed 1000 events and the stream is still not idle at ")
                    .hasMessageEndingWith("; a scenario that never settles (e.g. a producer without an end) should "
                            + "use advance(Duration).");
            h.ledger().verify();
        }
    }
}
