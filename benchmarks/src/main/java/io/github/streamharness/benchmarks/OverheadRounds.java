package io.github.streamharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.streamharness.benchmarks.ReportSections.f2;

/**
 * The overhead benchmark's JMH results, one per round of benchmarks/run.sh: reading them, a path's figures in a round,
 * and the round the report judges (the one with the median ratio, both paths taken from it).
 */
final class OverheadRounds {
    private OverheadRounds() {
    }

    /** The JMH results of every round of the overhead benchmark (jmh-round1.json, ...), or of the one jmh.json. */
    static List<JsonNode> read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rounds = new ArrayList<>();
        for (int r = 1; Files.exists(dir.resolve("jmh-round" + r + ".json")); r++) {
            rounds.add(json.readTree(dir.resolve("jmh-round" + r + ".json").toFile()));
        }
        if (rounds.isEmpty()) {
            rounds.add(json.readTree(dir.resolve("jmh.json").toFile()));
        }
        return rounds;
    }

    /** The round whose ratio is the median (the lower middle one of an even count). */
    static JsonNode medianRound(List<JsonNode> rounds) {
        List<JsonNode> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(ratioOf(a), ratioOf(b)));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** A round's ratio: the direct path's records/s over the harness path's. */
    static double ratioOf(JsonNode round) {
        return score(round, "direct") / score(round, "harness");
    }

    /** Every round's ratio, for the targets table: "; median of 3 rounds: 1.75, 1.78, 1.66" (empty for one). */
    static String roundsNote(List<JsonNode> rounds) {
        if (rounds.size() < 2) {
            return "";
        }
        List<String> each = new ArrayList<>();
        for (JsonNode r : rounds) {
            each.add(f2(ratioOf(r)));
        }
        return "; median of " + rounds.size() + " rounds: " + String.join(", ", each);
    }

    /** The result of benchmark {@code name} ("direct" or "harness") in one round. */
    static JsonNode bench(JsonNode jmh, String name) {
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().endsWith("." + name)) {
                return b;
            }
        }
        throw new IllegalStateException("no JMH result for " + name);
    }

    /** Records/s of benchmark {@code name} in one round. */
    static double score(JsonNode jmh, String name) {
        return bench(jmh, name).path("primaryMetric").path("score").asDouble();
    }

    /** A profiler's figure of a result (e.g. {@code gc.time}), or NaN when the run did not measure it. */
    static double secondary(JsonNode b, String metric) {
        return b.path("secondaryMetrics").path(metric).path("score").asDouble(Double.NaN);
    }
}
