package io.github.streamharness.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** performance.md's demo section says how long the demo's incident ran, not "full scale" for a shorter run. */
class ReportSectionsTest {
    private static String demoOutput(String rate, String duration, String records, String seconds) {
        return "The incident of analytics-stream-processor, replayed in virtual time: 10 shards, 20 hosts, " + rate
                + " records/s for " + duration + " (" + records + " records per configuration);\n...\n"
                + "The incident ran twice (" + records + " records each) in " + seconds
                + " s of real time, one configuration per thread.\n";
    }

    private static List<String> section(double[] demo) {
        List<String> lines = new ArrayList<>();
        ReportSections.demoSection(lines::add, demo);
        return lines;
    }

    /**
     * The section written from a demo run of {@code records} at 10,000 records/s in {@code seconds}: its heading, the
     * command line and the figures' row.
     */
    private static void assertSection(String duration, String records, String seconds, String heading,
                                      String command, String row) {
        List<String> lines = section(ReportSections.demo(demoOutput("10,000", duration, records, seconds)));
        assertEquals(List.of(heading, command, row), List.of(lines.get(0), lines.get(2), lines.get(lines.size() - 2)));
    }

    @Test
    void theIncidentsFull45MinutesAreFullScale() {
        assertSection("45:00", "27,000,000", "83.7", "## 5. The demo's incident (45 minutes, full scale)",
                "`examples` Demo (`Demo target 45 10000 1 100`: the incident at its real scale, the sweeps shrunk to a "
                        + "minute),", "| 27,000,000 | 83.7 s | 645,161 |");
    }

    @Test
    void aShorterRunSaysHowManyMinutesItRan() {
        assertSection("05:00", "3,000,000", "9.5",
                "## 5. The demo's incident (5 minutes, shorter than the incident's 45)",
                "`examples` Demo (`Demo target 5 10000 1 100`: 5 of the incident's 45 minutes (DEMO_MINUTES), "
                        + "the sweeps shrunk to a minute),", "| 3,000,000 | 9.5 s | 631,579 |");
    }

    @Test
    void aDemoThatDidNotRunIsSaidSo() {
        assertNull(ReportSections.demo("no incident here"));
        assertEquals(List.of("## 5. The demo's incident", "",
                "Not run (benchmarks/run.sh runs `examples/demo` Demo with the incident's 45 minutes).", ""),
                section(null));
    }

    /** Section 3 prints the steady state beside the 20-repeat mean, and the target is judged on the mean. */
    @Test
    void thePerTestSectionPrintsTheSteadyStateBesideTheJudgedMean() {
        Results r = new Results().put("repeats", 20).put("coldMsPerTest", 20.26).put("warmMsPerTest", 1.78)
                .put("bestMsPerTest", 0.83).put("emptyWarmMsPerTest", 0.33).put("warmCpuMsPerTest", 1.48)
                .put("emptyWarmCpuMsPerTest", 0.28).put("steadyCpuMsPerTest", 0.55)
                .put("steadyEmptyCpuMsPerTest", 0.12);
        List<String> lines = new ArrayList<>();
        ReportSections.perTestSection(lines::add, r);
        String text = String.join("\n", lines);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("| Warm, mean of the 20 repeats | 1.78 |"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("| Steady state, CPU time per test method | 0.55 |"),
                text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("Over an empty test: **1.20 ms CPU** per test method, "
                + "the mean of the 20 measured repeats"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("; 0.43 ms CPU in the steady state"), text);
    }
}
