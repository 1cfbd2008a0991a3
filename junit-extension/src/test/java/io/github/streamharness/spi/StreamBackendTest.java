package io.github.streamharness.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hooks streamharness-live uses, with a stand-in for the real stream: the harness takes its shard layout, its
 * records (with their own sequence numbers and arrival times) and its clock from the backend, and the mapping rules
 * apply to them unchanged.
 */
class StreamBackendTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** A stream elsewhere: two shards with ids and ranges of its own, 58-digit sequence numbers, records on demand. */
    private static final class StandInStream implements StreamBackend {
        final List<String[]> stream = new ArrayList<>();
        Mirror mirror;
        int opened;
        boolean closed;
        long counter = 1_000;

        @Override
        public Layout open(String streamName, int shardCount) {
            opened++;
            BigInteger half = BigInteger.TWO.pow(127);
            return new Layout(streamName + "-real", "arn:aws:kinesis:eu-west-1:000000000000:stream/" + streamName
                    + "-real", START, List.of(
                    new ShardRange("shardId-000000000007", BigInteger.ZERO, half.subtract(BigInteger.ONE)),
                    new ShardRange("shardId-000000000009", half, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));
        }

        @Override
        public void bind(Mirror harness) {
            this.mirror = harness;
        }

        @Override
        public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey) {
            String shard = partitionKey.startsWith("a") ? "shardId-000000000007" : "shardId-000000000009";
            String sequence = "4966" + String.format("%054d", counter++);
            stream.add(new String[] {shard, sequence, partitionKey, new String(data)});
            return new StreamRecord(shard, sequence, partitionKey, data, mirror.now());
        }

        @Override
        public void runUntilIdle() {
            for (String[] r : stream) {
                mirror.append(r[0], r[1], r[2], r[3].getBytes(), mirror.now().toEpochMilli());
            }
            stream.clear();
            while (!mirror.caughtUp()) {
                mirror.advanceTo(mirror.now().plusSeconds(1));
            }
        }

        @Override
        public void advance(Duration duration) {
            mirror.advanceTo(mirror.now().plus(duration));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theHarnessTakesShardsRecordsAndClockFromTheBackend() {
        StandInStream real = new StandInStream();
        List<KinesisEvent.KinesisEventRecord> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().streamName("orders").backend(real)
                .handler((KinesisEvent e, Context c) -> seen.addAll(e.getRecords())).build()) {
            assertThat(h.streamArn()).isEqualTo("arn:aws:kinesis:eu-west-1:000000000000:stream/orders-real");
            assertThat(h.shards()).extracting(s -> s.id()).containsExactly("shardId-000000000007",
                    "shardId-000000000009");
            assertThat(h.clock().now()).isEqualTo(START);

            StreamRecord put = h.put("a-1", "first");
            h.put("b-1", "second");
            h.runUntilIdle();

            assertThat(seen).extracting(r -> r.getEventID()).containsExactlyInAnyOrder(
                    "shardId-000000000007:4966000000000000000000000000000000000000000000000000001000",
                    "shardId-000000000009:4966000000000000000000000000000000000000000000000000001001");
            assertThat(h.shard("shardId-000000000007").records()).containsExactly(put);
            assertThat(h.checkpoint("shardId-000000000007")).contains(put.sequenceNumber());
        }
        assertThat(real.opened).isEqualTo(1);
        assertThat(real.closed).isTrue();
    }

    @Test
    void aPartialBatchResponseNamesTheBackendsOwnSequenceNumbers() { // rule 5.5
        StandInStream real = new StandInStream();
        List<String> delivered = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().backend(real)
                .mapping(EventSourceMappingConfig.builder().batchSize(10)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((KinesisEvent e, Context c) -> {
                    e.getRecords().forEach(r -> delivered.add(r.getKinesis().getPartitionKey()));
                    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
                    if (delivered.size() == 3) { // the first batch: report its second record
                        failures.add(new StreamsEventResponse.BatchItemFailure(
                                e.getRecords().get(1).getKinesis().getSequenceNumber()));
                    }
                    return new StreamsEventResponse(failures);
                }).build()) {
            h.put("a-1", "1");
            h.put("a-2", "2");
            h.put("a-3", "3");
            h.runUntilIdle();

            assertThat(delivered).containsExactly("a-1", "a-2", "a-3", "a-2", "a-3");
        }
    }

    @Test
    void aStreamFromABackendTakesNoLocallyNumberedRecords() {
        StandInStream real = new StandInStream();
        try (StreamHarness h = StreamHarness.builder().backend(real).build()) {
            real.mirror.append("shardId-000000000007", "4966000000000000000000000000000000000000000000000000000001",
                    "a-1", new byte[0], START.toEpochMilli());
            assertThatThrownBy(() -> real.mirror.append("shardId-000000000007",
                    "4966000000000000000000000000000000000000000000000000000001", "a-1", new byte[0],
                    START.toEpochMilli()))
                    .hasMessage("shardId-000000000007 already holds sequence number "
                            + "4966000000000000000000000000000000000000000000000000000001");
            assertThat(h.shard(0).record("4966000000000000000000000000000000000000000000000000000001")).isPresent();
        }
    }
}
