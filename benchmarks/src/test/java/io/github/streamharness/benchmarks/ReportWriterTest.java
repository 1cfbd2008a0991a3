package io.github.streamharness.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overhead ratio is judged on the round with the median ratio, taken whole (both paths of one round); the PF 10
 * incident is also given as a share of the direct path's real-time factor in the same run.
 */
class ReportWriterTest {
    private static JsonNode round(double direct, double harness) throws Exception {
        return new ObjectMapper().readTree("[{\"benchmark\": \"x.OverheadBenchmark.direct\", \"primaryMetric\":"
                + " {\"score\": " + direct + "}}, {\"benchmark\": \"x.OverheadBenchmark.harness\", \"primaryMetric\":"
                + " {\"score\": " + harness + "}}]");
    }

    @Test
    void theRoundWithTheMedianRatioIsTakenNotTheMedianOfEachPath() throws Exception {
        JsonNode slow = round(10e6, 4e6);      // ratio 2.5
        JsonNode fast = round(16e6, 8.4e6);    // ratio 1.90
        JsonNode middle = round(12e6, 5.7e6);  // ratio 2.11

        assertSame(middle, OverheadRounds.medianRound(List.of(slow, fast, middle)));
        assertSame(middle, OverheadRounds.medianRound(List.of(middle, slow, fast)));
    }

    @Test
    void anEvenCountTakesTheLowerMiddleRoundAndOneRoundIsItself() throws Exception {
        JsonNode a = round(10e6, 4e6);   // 2.5
        JsonNode b = round(10e6, 5e6);   // 2.0
        JsonNode c = round(10e6, 4.5e6); // 2.22
        JsonNode d = round(10e6, 6e6);   // 1.67

        assertSame(b, OverheadRounds.medianRound(List.of(a, b, c, d))); // 1.67, [2.0], 2.22, 2.5
        assertSame(d, OverheadRounds.medianRound(List.of(d)));
    }

    @Test
    void theIncidentIsGivenAsAShareOfTheDirectPathsRealTimeFactor() {
        // 12,529,274 records/s direct is 1,253x the incident's 10,000 records/s; 436x is 35% of it
        assertEquals("35% of the direct path's 1,253x at 10,000 records/s in this run (a share that depends less on"
                + " the host than the speed-up)", ReportWriter.incidentShare(436, 12_529_274));
        assertEquals("50%", ReportWriter.incidentShare(500, 10_000_000).substring(0, 3)); // the issue's own figures
    }
}
