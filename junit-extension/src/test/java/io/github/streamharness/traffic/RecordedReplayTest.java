package io.github.streamharness.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedReplayTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ClassLoader LOADER = RecordedReplayTest.class.getClassLoader();

    private static RecordedStream orders() {
        // file order: seq ...900 (arrived 52.250 s), ...898 (50.987 s), ...899 (51.000 s)
        return RecordedEvents.fromClasspath("recorded/orders-event.json", LOADER);
    }

    @Test
    void defaultReplayPutsEveryRecordNowInFileOrderKeepingKeysAndData() {
        FakeSink sink = new FakeSink(T0);

        Replay replay = orders().replayInto(sink, ReplayOptions.defaults());

        assertThat(sink.puts()).extracting(FakeSink.Put::record).containsExactlyElementsOf(orders().specs());
        assertThat(sink.puts()).extracting(FakeSink.Put::at).containsOnly(T0);
        assertThat(sink.puts()).extracting(p -> p.record().partitionKey()).containsExactly("user-7", "user-1", "user-1");
        assertThat(replay).isEqualTo(new Replay(3, T0, T0));
        assertThat(sink.pending()).isZero();
    }

    @Test
    void sequenceOrderReplaysByOriginalSequenceNumber() {
        FakeSink sink = new FakeSink(T0);

        orders().replayInto(sink, ReplayOptions.defaults().inSequenceOrder());

        assertThat(sink.puts()).extracting(p -> p.record().dataAsString())
                .containsExactly("{\"order\":1,\"amount\":3}", "{not json", "{\"order\":3,\"amount\":12.5}");
    }

    @Test
    void originalSpacingPutsRecordsAtTheirOriginalGaps() {
        FakeSink sink = new FakeSink(T0);

        Replay replay = orders().replayInto(sink, ReplayOptions.defaults().inSequenceOrder().withOriginalSpacing());

        assertThat(sink.puts()).as("only the first record is due now").hasSize(1);
        assertThat(sink.pending()).isEqualTo(1);
        assertThat(replay).isEqualTo(new Replay(3, T0, T0.plusMillis(1_263)));

        sink.runUntilIdle();
        assertThat(sink.puts()).extracting(FakeSink.Put::at)
                .containsExactly(T0, T0.plusMillis(13), T0.plusMillis(1_263));
        assertThat(sink.maxPending()).isEqualTo(1);
    }

    @Test
    void originalSpacingNeverPutsARecordBeforeTheOneBeforeIt() {
        // in file order the 2nd and 3rd records arrived before the 1st: they follow it at once
        FakeSink sink = new FakeSink(T0);

        orders().replayInto(sink, ReplayOptions.defaults().withOriginalSpacing());
        sink.runUntilIdle();

        assertThat(sink.puts()).extracting(FakeSink.Put::at).containsExactly(T0, T0, T0);
    }

    @Test
    void aRecordWithoutArrivalTimeGoesWithTheOneBeforeIt() {
        FakeSink sink = new FakeSink(T0);
        RecordedStream capture = RecordedEvents.fromClasspath("recorded/get-records-output.json", LOADER);

        capture.replayInto(sink, ReplayOptions.defaults().withOriginalSpacing());
        sink.runUntilIdle();

        assertThat(sink.puts()).extracting(FakeSink.Put::at)
                .containsExactly(T0, T0.plusMillis(2_377), T0.plusMillis(2_377));
    }

    @Test
    void awsDocsEventReplaysIntoTheHarnessWithArrivalFromTheVirtualClock() {
        try (StreamHarness harness = StreamHarness.builder().shards(2).build()) {
            harness.advance(Duration.ofSeconds(5));
            RecordedStream event = RecordedEvents.fromClasspath("recorded/aws-docs-example-event.json", LOADER);

            event.replayInto(harness);

            List<StreamRecord> stored = harness.shards().stream().flatMap(s -> s.records().stream()).toList();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).partitionKey()).isEqualTo("partitionKey-3");
            assertThat(stored.get(0).dataAsString()).isEqualTo("Hello, this is a test 123.");
            assertThat(stored.get(0).approximateArrivalTimestamp()).isEqualTo(harness.clock().now());
        }
    }

    @Test
    void spacedReplayIntoTheHarnessReproducesTheOriginalGapsAsArrivalTimes() {
        try (StreamHarness harness = StreamHarness.builder().shards(2).build()) {
            Instant start = harness.clock().now();

            Replay replay = orders().replayInto(harness, ReplayOptions.defaults().inSequenceOrder()
                    .withOriginalSpacing());
            harness.advanceTo(replay.endsAt());

            List<StreamRecord> stored = harness.shards().stream().flatMap(s -> s.records().stream())
                    .sorted(Comparator.comparing(StreamRecord::approximateArrivalTimestamp)).toList();
            assertThat(stored).extracting(StreamRecord::approximateArrivalTimestamp)
                    .containsExactly(start, start.plusMillis(13), start.plusMillis(1_263));
            assertThat(stored).extracting(StreamRecord::partitionKey).containsExactly("user-1", "user-1", "user-7");
            assertThat(stored.get(1).dataAsString()).isEqualTo("{not json");
        }
    }
}
