package io.github.streamharness.assertj;

import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.streamharness.assertj.BddStreamAssertions.then;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.DEAD_LETTER_QUEUE;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.INVOCATION_LOG;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.MAPPED_FUNCTION;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.SHARD_POSITION;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.STREAMS_EVENT_RESPONSE;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.STREAM_HARNESS;
import static io.github.streamharness.assertj.StreamInstanceOfAssertFactories.STREAM_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BDD entry point and the InstanceOfAssertFactory constants. */
class BddAndFactoriesTest {
    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();
    private final StreamHarness stream = poison.stream();

    @Test
    void thenReadsLikeAssertThat() {
        then(stream).deadLetterQueue().containsOnly(poison.record(3));
        then(stream.mapping()).invocations().hasInvocationCount(9);
        then(stream.deadLetterQueue()).hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted);
        then(stream.invocations()).keptOrderPerShard();
        then(stream.position(Scenarios.SHARD_0)).isCaughtUp();
        then(poison.record(0)).hasJsonData("{\"id\":0}");
        then((com.amazonaws.services.lambda.runtime.events.StreamsEventResponse) null).reportsNoFailures();
        assertThatThrownBy(() -> then(stream.deadLetterQueue()).isEmpty())
                .hasMessageContaining("to have received no message");
    }

    @Test
    void factoriesTurnPlainObjectsIntoStreamAssertions() {
        Object harness = stream;
        assertThat(harness).asInstanceOf(STREAM_HARNESS).shard(0).hasIteratorAgeAtMost(Duration.ZERO);
        assertThat((Object) stream.mapping()).asInstanceOf(MAPPED_FUNCTION).hasConsistentLedger();
        assertThat((Object) stream.deadLetterQueue()).asInstanceOf(DEAD_LETTER_QUEUE).hasMessageCount(1);
        assertThat((Object) stream.invocations()).asInstanceOf(INVOCATION_LOG).noBatchLargerThan(10);
        assertThat((Object) stream.position(Scenarios.SHARD_0)).asInstanceOf(SHARD_POSITION).isNotBlocked();
        assertThat(stream.deadLetterQueue().records()).first(STREAM_RECORD).hasPartitionKey("user-3");
        assertThat((Object) new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(List.of()))
                .asInstanceOf(STREAMS_EVENT_RESPONSE).reportsNoFailures();
        assertThatThrownBy(() -> assertThat(stream.deadLetterQueue().records()).first(STREAM_RECORD)
                .hasPartitionKey("user-4"))
                .hasMessageContaining("to have partition key:");
    }
}
