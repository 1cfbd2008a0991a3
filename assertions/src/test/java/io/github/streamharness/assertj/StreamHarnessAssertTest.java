package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.HandWrittenLogs;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.assertj.core.api.AbstractAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Navigation from a harness or mapping, ledger checks, descriptions and the representation of every assert. */
class StreamHarnessAssertTest {
    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();

    @Test
    void poisonPillReadsAsOneFluentStory() { // rule 4.7, 0.1, 4.4
        StreamHarness stream = poison.stream();
        assertThat(stream).deadLetterQueue().containsOnly(poison.record(3)).hasMessageCount(1);
        assertThat(stream).shard(Scenarios.SHARD_0).hasCheckpointAt(poison.record(9)).isCaughtUp().isNotBlocked()
                .hasIteratorAgeAtMost(Duration.ZERO);
        assertThat(stream).invocations().keptOrderPerShard().redeliveredOnlyAfterFailure()
                .deliveredTimes(poison.record(5), 2); // in the failed [0..9], then in [5..9]
        assertThat(stream).hasConsistentLedger();
        assertThat(stream.mapping()).deadLetterQueue().containsOnly(poison.record(3));
    }

    @Test
    void mappingAssertionsCarryTheMappingsTimeline() {
        MappedFunction mapping = poison.stream().mapping();
        assertThatThrownBy(() -> assertThat(mapping).shard(Scenarios.SHARD_0).isNotCaughtUp())
                .hasMessageContaining("timeline of orders-fn (9 invocation(s))");
        assertThatThrownBy(() -> assertThat(mapping).invocations().hasInvocationCount(0))
                .hasMessageContaining("timeline of orders-fn (9 invocation(s))");
    }

    @Test
    void aDescriptionCarriesOverToTheNavigatedAssertion() {
        assertThatThrownBy(() -> assertThat(poison.stream()).as("after the poison pill").deadLetterQueue().isEmpty())
                .hasMessageStartingWith("[after the poison pill] Expecting the on-failure destination");
    }

    @Test
    void hasConsistentLedgerFailsWhenAMessageCoversARecordTheLedgerDoesNotCount() {
        HandWrittenLogs.forgeDeadLetter(poison.stream().deadLetterQueue(), poison.record(5));
        assertThatThrownBy(() -> assertThat(poison.stream()).hasConsistentLedger())
                .hasMessageStartingWith(String.format("Expecting every record to be in exactly one state for "
                        + "orders-fn%nbut:%n  ledger of orders-fn is inconsistent: 1 records are SENT_TO_DESTINATION "
                        + "but the on-failure messages cover 2%nledger: {"))
                .hasMessageContaining("timeline of orders-fn");
        assertThatThrownBy(() -> assertThat(poison.stream().mapping()).hasConsistentLedger())
                .hasMessageContaining("1 records are SENT_TO_DESTINATION but the on-failure messages cover 2");
    }

    @Test
    void severalMappingsAreReachedByFunctionName() { // rule 3.4
        StreamHarness stream = StreamHarness.builder().build();
        StreamRecord r = stream.put("user-0", "{}");
        RequestHandler<KinesisEvent, Void> noop = (e, c) -> null;
        stream.addMapping(EventSourceMappingConfig.defaults(), noop, FunctionSettings.named("first"));
        stream.addMapping(EventSourceMappingConfig.defaults(), noop, FunctionSettings.named("second"));
        stream.runUntilIdle();
        assertThat(stream).mapping("second").invocations().deliveredExactlyOnce(r);
        assertThat(stream).hasConsistentLedger();
        assertThatIllegalStateException().isThrownBy(() -> assertThat(stream).deadLetterQueue())
                .withMessageContaining("is ambiguous");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(stream).mapping("third"))
                .withMessage("no mapping invokes third; the mappings invoke: first, second");
    }

    @Test
    void aMappingWithoutDestinationExplainsWhatAwsDoes() { // rule 4.4
        StreamHarness stream = StreamHarness.builder().handler(Scenarios.parsesJson()).build();
        assertThatIllegalStateException().isThrownBy(() -> assertThat(stream).deadLetterQueue())
                .withMessageContaining("has no on-failure destination");
    }

    @Test
    void everyAssertPrintsWithTheKinesisRepresentation() {
        StreamHarness stream = poison.stream();
        List<AbstractAssert<?, ?>> asserts = List.of(assertThat(stream), assertThat(stream.mapping()),
                assertThat(stream.deadLetterQueue()), assertThat(stream.invocations()),
                assertThat(stream.position(Scenarios.SHARD_0)), assertThat(poison.record(0)),
                assertThat(new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse()),
                assertThat(stream).deadLetterQueue(), assertThat(stream).invocations(), assertThat(stream).shard(0),
                assertThat(stream).mapping());
        assertThat(asserts).allSatisfy(a -> assertThat(a.info.representation())
                .isSameAs(KinesisRepresentation.KINESIS_REPRESENTATION));
    }
}
