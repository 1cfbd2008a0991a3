package io.github.streamharness.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B of two checkouts alternates its sides, leaves the warm-up rounds out and says how B compares with A. */
class AbCompareTest {
    @Test
    void theSidesTakeTurnsGoingFirstAndTheWarmUpRoundsDoNotCount() throws Exception {
        List<String> order = new ArrayList<>();
        double[] aFigures = {1, 1, 100, 100, 100, 100};
        double[] bFigures = {9, 9, 110, 90, 120, 105};
        int[] next = new int[2];
        AbCompare.Workload a = () -> {
            order.add("A");
            return aFigures[next[0]++];
        };
        AbCompare.Workload b = () -> {
            order.add("B");
            return bFigures[next[1]++];
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        AbCompare.Comparison c = AbCompare.compare(a, b, 6, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertEquals(List.of("A", "B", "B", "A", "A", "B", "B", "A", "A", "B", "B", "A"), order);
        assertEquals(4, c.rounds().size()); // the two warm-up rounds (B at 9x A) are left out
        assertEquals(1.075, c.medianRatio(), 1e-9); // ratios 0.9, 1.05, 1.1, 1.2
        assertEquals(106.25 / 100, c.meanRatio(), 1e-9);
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("round  0 (warm-up)  A 1  B 9  B/A 9.000"), printed);
        assertTrue(printed.contains("round  3  A 100  B 90  B/A 0.900"), printed);
        assertTrue(c.summary("x").startsWith("4 rounds counted (x): B/A median 1.075, B/A of the means 1.063"),
                c.summary("x"));
    }

    @Test
    void tooFewRoundsAnUnknownWorkloadAndAnUnbuiltCheckoutAreRefusedWithWhatToDo(@TempDir Path empty) {
        AbCompare.Workload one = () -> 1;
        IllegalArgumentException rounds = assertThrows(IllegalArgumentException.class,
                () -> AbCompare.compare(one, one, 2, System.out));
        assertEquals("rounds must be more than the 2 warm-up rounds, got 2", rounds.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> AbCompare.workload("incidnet", getClass().getClassLoader()));
        assertEquals("unknown workload \"incidnet\": incident or overhead", mode.getMessage());
        IllegalArgumentException unbuilt = assertThrows(IllegalArgumentException.class,
                () -> AbCompare.dependencyJars(empty));
        assertTrue(unbuilt.getMessage().endsWith("classpath.txt is missing: build the checkout first with "
                + "mvn -B -q -pl benchmarks -am process-classes -DskipTests"), unbuilt.getMessage());
    }
}
