package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Misconfigurations fail with a message that says how to fix them; failures publish the timeline. */
class MisconfigurationTest {

    public static final class Noop implements RequestHandler<KinesisEvent, Void> {
        @Override
        public Void handleRequest(KinesisEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            return null;
        }
    }

    @Tag("fixture")
    @KinesisStreamTest
    @EventSourceMapping(batchSize = 10)
    static class MappingWithoutHandler {
        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = Noop.class)
    static class TwoHandlers {
        @HandlerUnderTest
        RequestHandler<KinesisEvent, Void> handler = (e, c) -> null;

        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = Noop.class)
    static class DlqWithoutDestination {
        @Test
        void test(DeadLetterQueue dlq) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest
    static class LogOfABareStream {
        @Test
        void test(InvocationLog log) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = Noop.class)
    @EventSourceMapping(maximumRecordAgeInSeconds = 30)
    static class InvalidParameter {
        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest
    static class NullHandlerField {
        @HandlerUnderTest
        Object handler;

        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest
    static class FieldHoldingNoHandler {
        @HandlerUnderTest
        Object handler = "not a handler";

        @Test
        void test(StreamHarness stream) {
        }
    }

    @Tag("fixture")
    @KinesisStreamTest(handler = Noop.class, seed = 77)
    static class FailingTest {
        @Test
        void test(StreamHarness stream) {
            stream.put("pk", "x");
            stream.runUntilIdle();
            throw new AssertionError("deliberate");
        }
    }

    private static String failureMessage(Class<?> testClass) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents();
        assertThat(events.failed().count()).as("failed tests of " + testClass.getSimpleName()).isEqualTo(1);
        return events.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage() + (t.getCause() == null ? ""
                        : " / cause " + t.getCause().getMessage()))
                .orElseThrow();
    }

    @Test
    void aMappingWithoutAHandlerSaysWhereToGiveOne() {
        assertThat(failureMessage(MappingWithoutHandler.class))
                .contains("configures an event source mapping but no handler")
                .contains("@KinesisStreamTest(handler = MyHandler.class)").contains("@HandlerUnderTest");
    }

    @Test
    void twoHandlersAreRejected() {
        assertThat(failureMessage(TwoHandlers.class)).contains("Two handlers")
                .contains("@KinesisStreamTest(handler = Noop.class)").contains("TwoHandlers.handler");
    }

    @Test
    void aDeadLetterQueueWithoutDestinationExplainsWhatAwsDoes() {
        assertThat(failureMessage(DlqWithoutDestination.class)).contains("ParameterResolutionException")
                .contains("no on-failure destination").contains("AWS discards failed records")
                .contains("onFailureDestination");
    }

    @Test
    void theInvocationLogOfABareStreamCannotBeResolved() {
        assertThat(failureMessage(LogOfABareStream.class)).contains("the stream has 0 mappings");
    }

    @Test
    void anInvalidMappingParameterFailsWithTheAwsMessage() {
        assertThat(failureMessage(InvalidParameter.class)).contains("ExtensionConfigurationException")
                .contains("MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 "
                        + "(inclusive)");
    }

    @Test
    void aNullHandlerFieldIsReported() {
        assertThat(failureMessage(NullHandlerField.class)).contains("NullHandlerField.handler is null");
    }

    @Test
    void aHandlerFieldHoldingNeitherKindOfHandlerIsReported() {
        assertThat(failureMessage(FieldHoldingNoHandler.class)).contains("is a java.lang.String, which is neither a "
                + "RequestHandler<KinesisEvent, ?> nor a RequestStreamHandler");
    }

    @Test
    void aFailingTestPublishesTheSeedAndTheTimeline() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingTest.class)).execute()
                .allEvents();
        List<Map<String, String>> entries = events.reportingEntryPublished().list().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class).getKeyValuePairs())
                .toList();
        assertThat(entries).anySatisfy(m -> assertThat(m.get("streamharness.seed")).startsWith("77 (replay with @KinesisStreamTest(seed = 77)"));
        assertThat(entries).anySatisfy(m -> assertThat(m.get("streamharness.timeline"))
                .contains("timeline of test-function (1 invocation(s))").contains("#1").contains("-> OK"));
    }
}
