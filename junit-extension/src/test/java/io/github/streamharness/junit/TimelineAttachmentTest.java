package io.github.streamharness.junit;

import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A failed test's full timeline is attached as a file where the running JUnit can attach files (5.12 and later), and
 * said once per run where it cannot. Compiled against JUnit 5.10, run on every JUnit of .ci/junit-matrix.sh.
 */
class TimelineAttachmentTest {

    @Tag("fixture")
    @KinesisStreamTest(handler = MisconfigurationTest.Noop.class)
    static class TwoFailingTests {
        @Test
        void first(StreamHarness stream) {
            stream.put("pk", "x");
            stream.runUntilIdle();
            throw new AssertionError("deliberate");
        }

        @Test
        void second(StreamHarness stream) {
            stream.put("pk", "y");
            stream.runUntilIdle();
            throw new AssertionError("deliberate");
        }
    }

    @Test
    void theTimelineFileIsAttachedWhenJUnitCanAttachFilesAndItsAbsenceIsSaidOnceOtherwise(@TempDir Path dir)
            throws Exception {
        boolean canAttach = TimelineFile.publishFileMethod() != null;
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoFailingTests.class));
        if (canAttach) {
            kit = Output.into(kit, dir);
        }
        Events events = kit.execute().allEvents();
        assertThat(events.failed().count()).isEqualTo(2);
        List<String> absence = events.reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(TimelineFile.NOT_ATTACHED_KEY))
                .filter(v -> v != null).toList();
        List<Event> files = events.stream().filter(e -> e.getType().name().equals("FILE_ENTRY_PUBLISHED")).toList();
        if (canAttach) {
            assertThat(absence).isEmpty();
            assertThat(files).hasSize(2);
            for (Event file : files) {
                Object entry = file.getPayload().orElseThrow();
                Path path = (Path) entry.getClass().getMethod("getPath").invoke(entry);
                assertThat(path.getFileName()).hasToString(TimelineFile.FILE_NAME);
                assertThat(Files.readString(path)).contains("timeline of test-function (1 invocation(s))")
                        .contains("-> OK");
            }
        } else {
            assertThat(files).isEmpty();
            assertThat(absence).singleElement().asString().startsWith("not attached: this JUnit cannot attach files");
        }
    }

    /** Only loaded on a JUnit that has file entries (the testkit's output directory arrived with them, in 5.12). */
    @SuppressWarnings("deprecation") // OutputDirectoryProvider: the form every JUnit from 5.12 to 6.1 accepts
    private static final class Output implements org.junit.platform.engine.reporting.OutputDirectoryProvider {
        private final Path root;

        private Output(Path root) {
            this.root = root;
        }

        static EngineTestKit.Builder into(EngineTestKit.Builder kit, Path root) {
            return kit.outputDirectoryProvider(new Output(root));
        }

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws java.io.IOException {
            return Files.createDirectories(root.resolve(Integer.toHexString(descriptor.getUniqueId().hashCode())));
        }
    }
}
