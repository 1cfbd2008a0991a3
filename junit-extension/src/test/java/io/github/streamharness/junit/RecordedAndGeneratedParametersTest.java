package io.github.streamharness.junit;

import io.github.streamharness.InvocationLog;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.traffic.KinesisRecords;
import io.github.streamharness.traffic.RecordSpec;
import io.github.streamharness.traffic.RecordedRecord;
import io.github.streamharness.traffic.RecordedStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Recorded files and seeded generators reach tests as parameters (issue 5). */
@KinesisStreamTest(handler = MisconfigurationTest.Noop.class, seed = 99)
class RecordedAndGeneratedParametersTest {

    @Test
    void theAwsDocsExampleEventLoadsAsAParameterAndReplaysIntoTheStream(
            StreamHarness stream, InvocationLog log,
            @RecordedEventsSource("recorded/aws-docs-example-event.json") RecordedStream recorded) {
        assertThat(recorded.records()).singleElement().satisfies(r -> {
            assertThat(r.partitionKey()).isEqualTo("partitionKey-3");
            assertThat(new String(r.dataBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello, this is a test 123.");
        });
        recorded.replayInto(stream);
        stream.runUntilIdle();
        assertThat(log.all()).singleElement().satisfies(i ->
                assertThat(i.records().get(0).dataAsString()).isEqualTo("Hello, this is a test 123."));
    }

    @Test
    void listsOfRecordsOrSpecsCanBeAskedFor(
            @RecordedEventsSource("recorded/get-records-output.json") List<RecordedRecord> records,
            @RecordedEventsSource("recorded/get-records-output.json") List<RecordSpec> specs) {
        assertThat(records).isNotEmpty().hasSameSizeAs(specs);
        assertThat(specs.get(0).partitionKey()).isEqualTo(records.get(0).partitionKey());
    }

    @Test
    void generatorsAreSeededFromTheHarnessSeed(KinesisRecords records, StreamHarness stream) {
        assertThat(records.seed()).isEqualTo(99L).isEqualTo(stream.seed());
        List<RecordSpec> first = records.take(5);
        assertThat(KinesisRecords.withSeed(99).take(5)).isEqualTo(first);
        stream.putAll(first);
        stream.runUntilIdle();
        assertThat(stream.ledger().total()).isEqualTo(5);
    }

    @Tag("fixture")
    @KinesisStreamTest
    static class MissingFile {
        @Test
        void test(@RecordedEventsSource("recorded/no-such-file.json") RecordedStream recorded) {
        }
    }

    @Test
    void aMissingFileFailsTheTestWithItsName() {
        var failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingFile.class)).execute()
                .testEvents().failed().list();
        assertThat(failed).singleElement().satisfies(e -> assertThat(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageContaining("recorded/no-such-file.json").hasMessageContaining("no such resource"));
    }
}
