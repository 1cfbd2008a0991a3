package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Failures that compare an expected with an actual value are opentest4j {@link AssertionFailedError}s carrying both,
 * which IDEs show as a diff; their message keeps AssertJ's layout and the timeline. Failures without one value to
 * compare (isEmpty, neverDelivered, keptOrder...) stay plain {@link AssertionError}s.
 */
class IdeDiffTest {
    private final Scenarios.Run poison = Scenarios.poisonPillWithBisection();

    private static AssertionFailedError diff(Runnable assertion) {
        Throwable thrown = catchThrowable(assertion::run);
        assertThat(thrown).isExactlyInstanceOf(AssertionFailedError.class);
        AssertionFailedError failure = (AssertionFailedError) thrown;
        assertThat(failure.isExpectedDefined()).isTrue();
        assertThat(failure.isActualDefined()).isTrue();
        return failure;
    }

    @Test
    void invocationCountCarriesTheExpectedAndActualCounts() { // rule 4.7, 0.1: 9 invocations
        AssertionFailedError failure = diff(() -> assertThat(poison.stream()).invocations().hasInvocationCount(3));
        assertThat(failure.getExpected().getValue()).isEqualTo("3");
        assertThat(failure.getActual().getValue()).isEqualTo("9");
        assertThat(failure).hasMessageStartingWith("Expecting orders-fn to have been invoked 3 time(s)")
                .hasMessageContaining("timeline of orders-fn (9 invocation(s)):");
    }

    @Test
    void deadLetterRecordsCarryBothListsOneRecordPerLine() { // rule 4.7: the poison record lands alone
        AssertionFailedError failure = diff(() -> assertThat(poison.stream()).deadLetterQueue()
                .containsOnly(poison.record(3), poison.record(4)));
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo(
                "shardId-000000000000/4900...000003 pk=user-3 data={not json\n"
                        + "shardId-000000000000/4900...000004 pk=user-4 data={\"id\":4}");
        assertThat(failure.getActual().getStringRepresentation())
                .isEqualTo("shardId-000000000000/4900...000003 pk=user-3 data={not json");
        assertThat(failure).hasMessageStartingWith(
                "Expecting the records sent to the on-failure destination arn:aws:sqs:us-east-1:123456789012:orders-dlq");
    }

    @Test
    void recordDataAndJsonCarryTheTexts() {
        AssertionFailedError text = diff(() -> assertThat(poison.record(4)).hasDataAsText("{\"id\":5}"));
        assertThat(text.getExpected().getValue()).isEqualTo("{\"id\":5}");
        assertThat(text.getActual().getValue()).isEqualTo("{\"id\":4}");

        AssertionFailedError json = diff(() -> assertThat(poison.record(4)).hasJsonData("{\"id\": 5}"));
        assertThat(json.getExpected().getStringRepresentation()).contains("\"id\" : 5");
        assertThat(json.getActual().getStringRepresentation()).contains("\"id\" : 4");

        AssertionFailedError key = diff(() -> assertThat(poison.record(4)).hasPartitionKey("user-5"));
        assertThat(key.getExpected().getValue()).isEqualTo("user-5");
        assertThat(key.getActual().getValue()).isEqualTo("user-4");
    }

    @Test
    void checkpointCarriesTheExpectedAndTheActualRecord() {
        AssertionFailedError failure = diff(() -> assertThat(poison.stream()).shard(0)
                .hasCheckpointAt(poison.record(3)));
        assertThat(failure.getExpected().getStringRepresentation()).contains("...000003");
        assertThat(failure.getActual().getStringRepresentation()).contains("...000009");
    }

    @Test
    void reportedItemFailuresCarryBothIdentifierLists() { // rule 5.3
        StreamsEventResponse response = StreamsEventResponse.builder().withBatchItemFailures(
                List.of(new StreamsEventResponse.BatchItemFailure("495"))).build();
        AssertionFailedError failure = diff(() -> assertThat(response).reportsFailuresFor("495", "496"));
        assertThat(failure.getExpected().getValue()).isEqualTo("\"495\"\n\"496\"");
        assertThat(failure.getActual().getValue()).isEqualTo("\"495\"");
    }

    @Test
    void aFailureWithoutTwoValuesToCompareKeepsAssertJsPlainError() {
        Throwable thrown = catchThrowable(() -> assertThat(poison.stream()).deadLetterQueue().isEmpty());
        assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessageStartingWith("Expecting");
    }

    @Test
    void aDescriptionStillPrefixesTheMessage() {
        AssertionFailedError failure = diff(() -> assertThat(poison.stream()).invocations().as("after the fix")
                .hasInvocationCount(3));
        assertThat(failure).hasMessageStartingWith("[after the fix] Expecting orders-fn");
    }
}
