package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TestLambdaContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.github.streamharness.assertj.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StreamsEventResponseAssert, as a handler unit test uses it (section 5). */
class StreamsEventResponseAssertTest {

    /** The handler under test: reports every record that is not JSON, by sequence number (rule 5.2). */
    static final class ReportsBadJson implements RequestHandler<KinesisEvent, StreamsEventResponse> {
        @Override
        public StreamsEventResponse handleRequest(KinesisEvent event, com.amazonaws.services.lambda.runtime.Context c) {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String text = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                if (!text.startsWith("{\"")) {
                    failures.add(new StreamsEventResponse.BatchItemFailure(r.getKinesis().getSequenceNumber()));
                }
            }
            return failures.isEmpty() ? null : new StreamsEventResponse(failures);
        }
    }

    private static StreamsEventResponse response(String... ids) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String id : ids) {
            failures.add(new StreamsEventResponse.BatchItemFailure(id));
        }
        return new StreamsEventResponse(failures);
    }

    @Test
    void reportsFailuresForTheRecordsTheHandlerCouldNotProcess() {
        // the events come from a real harness run, captured as the handler received them
        List<KinesisEvent> events = new ArrayList<>();
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder()
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((e, c) -> {
                    events.add(e);
                    return null;
                }).build();
        stream.put("user-1", "{\"id\":1}");
        StreamRecord bad = stream.put("user-2", "oops");
        stream.put("user-3", "{\"id\":3}");
        stream.runUntilIdle();
        KinesisEvent event = events.get(0);

        StreamsEventResponse response = new ReportsBadJson().handleRequest(event, TestLambdaContext.forUnitTest());
        assertThat(response).reportsFailuresFor(bad).reportsFailuresFor(bad.sequenceNumber())
                .reportsFailuresFor(event.getRecords().get(1));
    }

    @Test
    void reportsFailuresForIgnoresOrderAndDuplicates() { // rule 5.5: duplicate ids are harmless
        assertThat(response("3", "1", "3")).reportsFailuresFor("1", "3");
    }

    @Test
    void reportsFailuresForNamesMissingAndUnexpectedIdentifiers() {
        assertThatThrownBy(() -> assertThat(response("1", "2")).reportsFailuresFor("2", "3"))
                .hasMessage(String.format("Expecting the response:%n"
                        + "  StreamsEventResponse[batchItemFailures=[\"1\", \"2\"]]%n"
                        + "to report failures for exactly these sequence numbers (in any order):%n"
                        + "  [\"2\", \"3\"]%n"
                        + "but it does not report:%n  [\"3\"]%n"
                        + "and it also reports:%n  [\"1\"]"));
    }

    @Test
    void reportsFailuresForShowsANullIdentifierThatFailsTheWholeBatch() { // rule 5.4
        assertThatThrownBy(() -> assertThat(response((String) null)).reportsFailuresFor("1"))
                .hasMessageContaining("StreamsEventResponse[batchItemFailures=[null]]")
                .hasMessageContaining(String.format("and it also reports:%n  [null]"));
    }

    @Test
    void reportsNoFailuresForEverySuccessShape() { // rule 5.3
        assertThat((StreamsEventResponse) null).reportsNoFailures();
        assertThat(new StreamsEventResponse()).reportsNoFailures();
        assertThat(new StreamsEventResponse(List.of())).reportsNoFailures();
    }

    @Test
    void reportsNoFailuresFailsListingTheReportedIdentifiers() {
        assertThatThrownBy(() -> assertThat(response("49")).reportsNoFailures())
                .hasMessage(String.format("Expecting the response to report no failure (null, or an empty "
                        + "batchItemFailures: the whole batch succeeded, rule 5.3)%nbut it reports:%n"
                        + "  [itemIdentifier=\"49\"]"));
    }
}
