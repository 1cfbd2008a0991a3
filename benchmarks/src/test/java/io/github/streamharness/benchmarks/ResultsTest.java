package io.github.streamharness.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report takes the incident's median run among several fresh JVMs, and says what the other runs gave. */
class ResultsTest {
    private static void run(Path dir, String file, double speedup, double wall) throws IOException {
        new Results().put("speedup", speedup).put("wallSeconds", wall).write(dir.resolve(file));
    }

    @Test
    void theMedianRunIsTakenWholeAndEveryRunIsListedInRunOrder(@TempDir Path dir) throws IOException {
        run(dir, "incident-pf10-run1.properties", 347.2, 10.4);
        run(dir, "incident-pf10-run2.properties", 282.0, 12.8);
        run(dir, "incident-pf10-run3.properties", 311.6, 11.6);

        Results median = Results.median(dir, "incident-pf10", "speedup");

        assertEquals(311.6, median.number("speedup"));
        assertEquals(11.6, median.number("wallSeconds")); // the figures of that one run, not mixed
        assertEquals("347, 282, 312", median.get("speedupRuns"));
        assertEquals("3", median.get("runs"));
    }

    @Test
    void withoutRunFilesTheSingleRunIsReadAsItIs(@TempDir Path dir) throws IOException {
        run(dir, "incident-pf1.properties", 369.0, 9.8);

        Results single = Results.median(dir, "incident-pf1", "speedup");

        assertEquals(369.0, single.number("speedup"));
        assertFalse(single.has("speedupRuns"));
        assertFalse(Files.exists(dir.resolve("incident-pf1-run1.properties")));
    }
}
