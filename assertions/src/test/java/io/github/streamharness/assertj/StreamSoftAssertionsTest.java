package io.github.streamharness.assertj;

import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamHarness;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Soft assertions collect every failure, down navigation chains too, and work with SoftAssertionsExtension. */
class StreamSoftAssertionsTest {
    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();

    @Test
    void collectsSeveralFailuresOfDifferentAssertionsInOneTest() {
        StreamSoftAssertions softly = new StreamSoftAssertions();
        softly.assertThat(poison.stream().deadLetterQueue()).containsOnly(poison.record(4));
        softly.assertThat(poison.stream().invocations()).hasInvocationCount(1);
        softly.assertThat(poison.stream().position(Scenarios.SHARD_0)).isNotCaughtUp();
        softly.assertThat(poison.record(3)).hasJsonData("{}");
        softly.assertThat(poison.stream().mapping()).hasConsistentLedger(); // passes
        softly.assertThat(1 + 1).isEqualTo(3); // AssertJ's own soft assertions are there too

        assertThat(softly.errorsCollected()).hasSize(5);
        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("to contain only:", "pk=user-4"),
                m -> assertThat(m).contains("to have been invoked 1 time(s) but it was invoked 9 time(s)"),
                m -> assertThat(m).contains("to have records left to process"),
                m -> assertThat(m).contains("but it is not JSON"),
                m -> assertThat(m).contains("expected: 3"));
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (5 failures)");
    }

    @Test
    void navigationChainsStaySoft() {
        StreamSoftAssertions softly = new StreamSoftAssertions();
        StreamHarness stream = poison.stream();
        softly.assertThat(stream).deadLetterQueue().isEmpty().hasMessageCount(2)
                .hasOnlyCondition(OnFailureCondition.RetryAttemptsExhausted); // the last one passes
        softly.assertThat(stream).shard(0).hasNoCheckpoint().hasIteratorAgeAtMost(Duration.ZERO);
        softly.assertThat(stream).mapping().invocations().deliveredExactlyOnce(poison.record(3))
                .noBatchLargerThan(2);

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("to have received no message", "timeline of orders-fn"),
                m -> assertThat(m).contains("to have received 2 message(s)"),
                m -> assertThat(m).contains("to be absent (no record done yet)"),
                m -> assertThat(m).contains("to be delivered to orders-fn exactly once"),
                m -> assertThat(m).contains("to hold more than 2 record(s)"));
    }

    @Test
    void assertSoftlyReportsEveryFailureAtTheEnd() {
        assertThatThrownBy(() -> StreamSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(poison.stream()).deadLetterQueue().isEmpty();
            softly.assertThat(poison.stream()).invocations().hasInvocationCount(2);
        })).hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("to have received no message")
                .hasMessageContaining("to have been invoked 2 time(s)");
    }

    @Test
    void softFailureMessagesUseTheKinesisRepresentation() {
        StreamSoftAssertions softly = new StreamSoftAssertions();
        softly.assertThat(poison.stream().deadLetterQueue()).doesNotContain(poison.record(3));
        assertThat(softly.errorsCollected()).singleElement().extracting(Throwable::getMessage).asString()
                .contains("shardId-000000000000/4900...000003 pk=user-3 data={not json")
                .doesNotContain("HeapByteBuffer");
    }

    @Test
    void injectedSoftAssertionsCollectFailuresThroughTheExtension() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InjectedFixture.class))
                .execute().testEvents();
        assertThat(events.failed().count()).isEqualTo(1);
        Throwable failure = events.failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("to have received no message")
                .hasMessageContaining("not to be blocked");
    }

    /** Run only by {@link #injectedSoftAssertionsCollectFailuresThroughTheExtension}. */
    @Tag("fixture")
    @ExtendWith(SoftAssertionsExtension.class)
    static class InjectedFixture {
        @InjectSoftAssertions
        StreamSoftAssertions softly;

        @Test
        void twoFailures() {
            Scenarios.Run blocked = Scenarios.blockedShard();
            softly.assertThat(blocked.stream()).deadLetterQueue().isEmpty(); // passes: still retrying
            softly.assertThat(blocked.stream()).shard(0).isNotBlocked();
            softly.assertThat(Scenarios.poisonPillWithBisection().stream()).deadLetterQueue().isEmpty();
        }
    }
}
