package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.WarningKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Strict by default: a warning that means records would be lost in production fails the test after it ran, with the
 * warning and the timeline; tests opt out of exactly the kinds they provoke; other warnings only print.
 */
class StrictWarningsTest {

    /** Reports every record failed: on a mapping without ReportBatchItemFailures AWS ignores it (rule 5.1). */
    public static final class ReportsEverythingFailed implements RequestHandler<KinesisEvent, StreamsEventResponse> {
        @Override
        public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
            return new StreamsEventResponse(event.getRecords().stream()
                    .map(r -> new StreamsEventResponse.BatchItemFailure(r.getKinesis().getSequenceNumber())).toList());
        }
    }

    /** Always throws. */
    public static final class AlwaysFails implements RequestHandler<KinesisEvent, Void> {
        @Override
        public Void handleRequest(KinesisEvent event, Context context) {
            throw new IllegalStateException("boom");
        }
    }

    private static void putOneAndRun(StreamHarness stream) {
        stream.put("pk", "{\"id\":1}");
        stream.runUntilIdle();
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = ReportsEverythingFailed.class)
    static class IgnoredBatchItemFailures {
        @Test
        void passesOnItsOwn(StreamHarness stream) {
            putOneAndRun(stream);
        }

        @Test
        @AllowWarnings(WarningKind.IGNORED_BATCH_ITEM_FAILURES)
        void allowsExactlyThatKind(StreamHarness stream) {
            putOneAndRun(stream);
        }

        @Test
        @AllowWarnings(WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION)
        void allowsAnotherKind(StreamHarness stream) {
            putOneAndRun(stream);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = AlwaysFails.class)
    @EventSourceMapping(maximumRetryAttempts = 0)
    static class DiscardedWithoutDestination {
        @Test
        void passesOnItsOwn(StreamHarness stream) {
            putOneAndRun(stream);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = ReportsEverythingFailed.class, failOnWarnings = false)
    static class NotStrict {
        @Test
        void passesOnItsOwn(StreamHarness stream) {
            putOneAndRun(stream);
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = AlwaysFails.class,
            allowWarnings = WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION)
    @EventSourceMapping(maximumRetryAttempts = 0)
    static class AllowedOnTheClass {
        @Test
        void passesOnItsOwn(StreamHarness stream) {
            putOneAndRun(stream);
        }
    }

    @Tag("fixture")
    static class AllowedOnTheBuilder {
        @RegisterExtension
        static KinesisStreamExtension stream = KinesisStreamExtension.builder().handler(ReportsEverythingFailed.class)
                .allowWarnings(WarningKind.IGNORED_BATCH_ITEM_FAILURES).build();

        @Test
        void passesOnItsOwn(StreamHarness harness) {
            putOneAndRun(harness);
        }
    }

    @Tag("fixture")
    static class NotStrictOnTheBuilder {
        @RegisterExtension
        static KinesisStreamExtension stream = KinesisStreamExtension.builder().handler(ReportsEverythingFailed.class)
                .failOnWarnings(false).build();

        @Test
        void passesOnItsOwn(StreamHarness harness) {
            putOneAndRun(harness);
        }
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().allEvents();
    }

    private static String failure(Events events, String method) {
        return events.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .map(t -> t.getClass().getName() + ": " + t.getMessage()).findFirst().orElse(null);
    }

    private static List<String> warningEntries(Events events) {
        return events.reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(WarningPolicy.REPORT_KEY))
                .filter(Objects::nonNull).toList();
    }

    @Test
    void ignoredBatchItemFailuresFailAPassingTestWithTheWarningAndTheTimeline() { // rule 5.1
        Events events = run(IgnoredBatchItemFailures.class);
        assertThat(events.succeeded().stream().filter(e -> e.getTestDescriptor().isTest()).count())
                .as("tests that passed").isEqualTo(1);
        assertThat(failure(events, "passesOnItsOwn")).startsWith("java.lang.AssertionError: passesOnItsOwn("
                        + "StreamHarness) passed, but the harness raised 1 warning(s) that mean records would be lost "
                        + "or never delivered in production:\n  test-function: [IGNORED_BATCH_ITEM_FAILURES] "
                        + "invocation #1: the function returned batchItemFailures [")
                .contains("Enable REPORT_BATCH_ITEM_FAILURES on the mapping.")
                .contains("allow it with @AllowWarnings(WarningKind.IGNORED_BATCH_ITEM_FAILURES) on the test method")
                .contains("timeline of test-function (1 invocation(s))")
                .contains("OK (batchItemFailures IGNORED)");
        assertThat(failure(events, "allowsAnotherKind")).contains("[IGNORED_BATCH_ITEM_FAILURES]");
        assertThat(failure(events, "allowsExactlyThatKind")).isNull();
        assertThat(warningEntries(events)).hasSize(3)
                .allSatisfy(w -> assertThat(w).startsWith("test-function: [IGNORED_BATCH_ITEM_FAILURES] "));
    }

    @Test
    void recordsDiscardedWithoutADestinationFailAPassingTest() { // rule 4.4
        Events events = run(DiscardedWithoutDestination.class);
        assertThat(failure(events, "passesOnItsOwn")).contains("[RECORDS_DISCARDED_WITHOUT_DESTINATION] 1 record(s) "
                + "[...000000] (1 record) discarded (RetryAttemptsExhausted, approximateInvokeCount 1): no on-failure "
                + "destination is configured, so AWS skips them");
    }

    @Test
    void failOnWarningsFalseAndAllowWarningsOnTheClassOrTheBuilderOnlyPrint() {
        for (Class<?> fixture : List.of(NotStrict.class, AllowedOnTheClass.class, AllowedOnTheBuilder.class,
                NotStrictOnTheBuilder.class)) {
            Events events = run(fixture);
            assertThat(events.failed().count()).as(fixture.getSimpleName()).isZero();
            assertThat(warningEntries(events)).as(fixture.getSimpleName()).hasSize(1);
        }
    }

    @Test
    void onlyTheKindsThatMeanLostRecordsFailTests() {
        assertThat(WarningKind.values()).filteredOn(WarningKind::failsTests).containsExactly(
                WarningKind.IGNORED_BATCH_ITEM_FAILURES, WarningKind.FILTER_ON_NON_DATA_KEY,
                WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION, WarningKind.DESTINATION_DELIVERY_FAILED);
    }
}
