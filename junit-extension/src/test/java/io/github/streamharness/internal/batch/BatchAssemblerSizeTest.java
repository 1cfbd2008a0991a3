package io.github.streamharness.internal.batch;

import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.StreamLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** When a batch waiting in its batching window is full by size (rule 2.3 c, 2.5, 0.7), measured incrementally. */
class BatchAssemblerSizeTest {
    private static final String ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/s";
    private static final long T0 = 1_767_225_600_000L;

    private final StreamLog stream = new StreamLog("s", ARN, 1, T0 / 1000, 86_400_000L);
    private final BatchAssembler assembler = new BatchAssembler(FilterCriteria.compile(List.of()),
            new EventCodec(ARN, "us-east-1", "arn:aws:iam::123456789012:role/r"), 10_000, 300, -1);

    @Test
    void aWaitingBatchIsFullOnceTheNextRecordWouldPassSixMegabytesAndEachRecordIsMeasuredOnce() { // rule 2.3 (c)
        List<StreamRecord> put = new ArrayList<>();
        List<Integer> measured = new ArrayList<>();
        IntFunction<StreamRecord> nth = i -> {
            measured.add(i);
            return put.get(i);
        };
        ShardLog shard = stream.shards().get(0);
        BatchAssembler.Fill fill = new BatchAssembler.Fill();
        for (int i = 0; i < 4; i++) { // 1,000,000 bytes are 1,333,336 of base64: four stay under 6,291,456
            put.add(stream.put("pk", new byte[1_000_000], null, T0));
            assertThat(assembler.full(fill, put.size(), nth, shard, () -> 0)).isFalse();
        }
        assertThat(measured).isEmpty(); // four fit even at the shard's largest record: nothing measured
        put.add(stream.put("pk", new byte[1_000_000], null, T0));
        assertThat(assembler.full(fill, 5, nth, shard, () -> 0)).isTrue(); // the 5th would pass 6 MB
        put.add(stream.put("pk", new byte[1_000_000], null, T0));
        assertThat(assembler.full(fill, 6, nth, shard, () -> 0)).isTrue();
        assertThat(measured).containsExactly(0, 1, 2, 3, 4);
        assertThat(assembler.cut(6, put::get, shard)).isEqualTo(new BatchAssembler.Cut(4, true));

        fill.reset(); // the batch starts anew (a poll, records gone): measured again from its first record
        assertThat(assembler.full(fill, 4, nth, shard, () -> 0)).isFalse();
        assertThat(assembler.full(fill, 5, nth, shard, () -> 0)).isTrue();
        assertThat(measured).containsExactly(0, 1, 2, 3, 4, 0, 1, 2, 3, 4);
        assertThat(assembler.cut(4, put::get, shard)).isEqualTo(new BatchAssembler.Cut(4, false));
    }

    @Test
    void theWindowFieldsOfATumblingWindowCountTowardTheLimitOfAWaitingBatch() { // rule 2.3 (c), 8.2
        List<StreamRecord> put = new ArrayList<>();
        ShardLog shard = stream.shards().get(0);
        for (int i = 0; i < 4; i++) {
            put.add(stream.put("pk", new byte[1_000_000], null, T0));
        }
        assertThat(assembler.full(new BatchAssembler.Fill(), 4, put::get, shard, () -> 0)).isFalse();
        assertThat(assembler.full(new BatchAssembler.Fill(), 4, put::get, shard, () -> 1_000_000)).isTrue();
        assertThat(assembler.cut(4, put::get, shard, 1_000_000)).isEqualTo(new BatchAssembler.Cut(3, true));
    }
}
