package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger query made between two retries sees the records that the retention period took meanwhile (rule 4.5),
 * whichever query comes first: the count, the list of records in a state, or the state of one record.
 */
class RetentionLedgerQueryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUST_PAST_RETENTION = T0.plus(Duration.ofHours(24)).plusMillis(1);

    private static StreamHarness poisonRetriedUntilItExpires(StreamRecord[] poison, MappedFunction[] f) {
        StreamHarness h = StreamHarness.builder().startTime(T0).retention(Duration.ofHours(24)).build();
        f[0] = h.addMapping(EventSourceMappingConfig.defaults(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
            throw new IllegalStateException("poison");
        });
        poison[0] = h.put("poison", "x");
        h.advanceTo(JUST_PAST_RETENTION); // the retries run at whole seconds: the last one saw it 24 h old, not older
        return h;
    }

    @Test
    void theCountsSeeTheExpiry() { // rule 4.5
        StreamRecord[] poison = new StreamRecord[1];
        MappedFunction[] f = new MappedFunction[1];
        try (StreamHarness h = poisonRetriedUntilItExpires(poison, f)) {
            assertThat(f[0].ledger().count(RecordState.EXPIRED_BY_RETENTION)).isEqualTo(1);
            assertThat(f[0].ledger().count(RecordState.PENDING)).isZero();
        }
    }

    @Test
    void theRecordsInAStateSeeTheExpiry() { // rule 4.5
        StreamRecord[] poison = new StreamRecord[1];
        MappedFunction[] f = new MappedFunction[1];
        try (StreamHarness h = poisonRetriedUntilItExpires(poison, f)) {
            assertThat(f[0].ledger().records(RecordState.EXPIRED_BY_RETENTION)).containsExactly(poison[0]);
            assertThat(f[0].ledger().records(RecordState.PENDING)).isEmpty();
        }
    }

    @Test
    void theStateOfTheRecordSeesTheExpiry() { // rule 4.5
        StreamRecord[] poison = new StreamRecord[1];
        MappedFunction[] f = new MappedFunction[1];
        try (StreamHarness h = poisonRetriedUntilItExpires(poison, f)) {
            assertThat(f[0].ledger().stateOf(poison[0])).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
            f[0].ledger().verify();
        }
    }
}
