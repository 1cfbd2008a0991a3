package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Ledger#verify()}'s check that every committed record was delivered reads the engine's batches by record
 * index (issue 19): it finds the same first undelivered record as a plain search of the batches does, for the
 * engine's batches and for batches that are plain lists, over two shards.
 */
class LedgerDeliveryCheckTest {
    private static final RequestHandler<KinesisEvent, Void> NOOP = (e, c) -> null;

    @Test
    void theFirstUndeliveredCommittedRecordIsTheOneAPlainSearchFinds() {
        try (StreamHarness h = StreamHarness.builder().shards(2)
                .mapping(EventSourceMappingConfig.builder().batchSize(10).build()).handler(NOOP).build()) {
            for (int i = 0; i < 60; i++) {
                h.put("key-" + (i % 7), "r" + i);
            }
            h.runUntilIdle();
            Ledger ledger = h.ledger();
            List<Invocation> all = h.invocations().all();
            assertThat(all).hasSizeGreaterThan(4);
            assertThat(ledger.firstUndelivered(all)).isNull();
            List<StreamRecord> committed = ledger.records(RecordState.COMMITTED);
            assertThat(committed).hasSize(60);
            for (int drop = 0; drop < all.size(); drop++) {
                List<Invocation> engineBatches = new ArrayList<>(all);
                engineBatches.remove(drop);
                List<Invocation> plainLists = new ArrayList<>();
                for (Invocation i : engineBatches) {
                    plainLists.add(copy(i));
                }
                StreamRecord expected = committed.stream()
                        .filter(r -> engineBatches.stream().noneMatch(i -> i.contains(r))).findFirst().orElseThrow();
                assertThat(ledger.firstUndelivered(engineBatches)).as("without invocation %d", drop)
                        .isEqualTo(expected);
                assertThat(ledger.firstUndelivered(plainLists)).as("plain lists, without invocation %d", drop)
                        .isEqualTo(expected);
            }
            assertThat(ledger.firstUndelivered(List.of())).isEqualTo(committed.get(0));
            ledger.verify();
        }
    }

    /** The invocation with its batch as a plain list instead of the engine's. */
    private static Invocation copy(Invocation i) {
        return new Invocation(i.number(), i.functionName(), i.shardId(), i.lane(), new ArrayList<>(i.records()),
                i.attempt(), i.outcome(), i.startedAt(), i.endedAt(), i.iteratorAgeAtStart(), i.iteratorAgeAtEnd(),
                i.awsRequestId(), i.environmentId(), i.coldStart(), i.logs(), i.window());
    }
}
