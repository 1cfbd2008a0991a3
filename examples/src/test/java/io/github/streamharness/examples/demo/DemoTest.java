package io.github.streamharness.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.whatif.Configuration;
import io.github.streamharness.whatif.ConfigurationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The demo on a scaled-down incident (1,000 records/s for 3 minutes): the figures it prints must tell the story. */
class DemoTest {
    private static final IncidentScenario SMALL = new IncidentScenario(1_000, Duration.ofMinutes(3),
            Duration.ofSeconds(20));

    @Test
    void beforeTheFixThePillTimesOutEveryAttemptAndItsShardFallsBehindForTheWholeRun() { // rule 0.4, 4.5, 10.1
        List<ConfigurationResult> results = Demo.incident(SMALL);
        ConfigurationResult before = results.get(0);
        ConfigurationResult after = results.get(1);
        // the pill's batch times out at 30 s, is retried after 1, 2, 4, 8 s: five attempts in three minutes
        assertThat(before.timeouts()).isEqualTo(before.errors()).isBetween(4L, 6L);
        assertThat(Probes.timeouts(before)).contains("Task timed out after 30.00 seconds");
        assertThat(before.dlqMessages()).isZero();
        // IteratorAge is taken at invoke start (rule 10.1, 0.5): the last attempt, started at about 01:57, of the
        // batch that ends just before the pill written at 00:20
        assertThat(before.maxIteratorAge()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(160));
        assertThat(before.waiting()).isGreaterThan(10_000);
        // after: one lane of a hundred is held by the pill's 120 s timeouts, the rest keep up
        assertThat(after.timeouts()).isPositive();
        assertThat(Probes.timeouts(after)).contains("Task timed out after 120.00 seconds");
        // waiting at the end: the pill's lane, and up to a 5 s batching window on each of the 100 lanes
        assertThat(after.waiting()).isLessThan(before.waiting() / 4);
        assertThat(after.processed()).isGreaterThan(before.processed());
        assertThat(after.coldStarts()).as("at most a cold start per lane: 10 shards x PF 10").isBetween(90L, 100L);
    }

    @Test
    void step5ProvisionedConcurrencyTakesTheColdStartsOutOfTheScaleOut() { // rule 15.4, 0.15
        List<ConfigurationResult> results = Demo.whatIf(new IncidentScenario(200, Duration.ofMinutes(1),
                Duration.ofSeconds(20)), Demo.quiet()).configurations(Sweeps.provisioned(IncidentScenario.afterTheFix()))
                .period(Duration.ofMinutes(1)).run().results();
        ConfigurationResult onDemand = results.get(0);
        ConfigurationResult provisioned = results.get(1);
        // 10 shards x PF 10: each lane that gets a batch opens an environment of its own, with 6 s of Init
        assertThat(onDemand.coldStarts()).isBetween(90L, 100L);
        assertThat(onDemand.periods().get(0).coldStarts()).isEqualTo(onDemand.coldStarts());
        assertThat(provisioned.name()).isEqualTo("after + provisioned 100");
        assertThat(provisioned.configuration().function().provisionedConcurrentExecutions()).isEqualTo(100);
        assertThat(provisioned.coldStarts()).isZero();
        // the Init phase is billed on demand (rule 16.2): the same work costs less without it
        assertThat(provisioned.billedMillis()).isLessThan(onDemand.billedMillis());
    }

    @Test
    void theRunbookSweepChangesOneParameterAtATimeThenAllTogether() {
        Configuration before = IncidentScenario.beforeTheFix();
        Configuration after = IncidentScenario.afterTheFix();
        List<Configuration> sweep = Sweeps.parameterTable(before, after);
        assertThat(sweep).extracting(Configuration::name).doesNotHaveDuplicates().startsWith("before the fix")
                .endsWith("all together", "all, timeout 30 s");
        assertThat(sweep.get(3).mapping().parallelizationFactor()).isEqualTo(10);
        assertThat(sweep.get(3).mapping().batchSize()).isEqualTo(200);
        assertThat(sweep.get(sweep.size() - 2).mapping().toString()).isEqualTo(after.mapping().toString());
        assertThat(sweep.get(sweep.size() - 2).function()).isEqualTo(after.function());
        assertThat(Sweeps.memory(after)).extracting(c -> c.function().memorySize())
                .containsExactly(128, 256, 512, 1024, 1536, 2048, 3008);
    }

    @Test
    void theDemoPrintsEveryStepAndWritesChartsWithTheLegendAboveThePlots(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.Scale scale = new Demo.Scale(new IncidentScenario(500, Duration.ofMinutes(2), Duration.ofSeconds(20)),
                new IncidentScenario(50, Duration.ofMinutes(1), Duration.ofSeconds(20)),
                new IncidentScenario(50, Duration.ofMinutes(1), Duration.ofSeconds(20)),
                new IncidentScenario(200, Duration.ofMinutes(1), Duration.ofSeconds(20)));
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, scale, false);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Logs Insights (step 1): " + Probes.TIMEOUT_QUERY,
                "Step 2, h.metrics().statistics(\"IteratorAge\", MAXIMUM, 5 min)", "Errors SUM", "Throttles SUM",
                "h.logs().query(..):", "On-failure destination (step 3)", "still waiting", "all together", "3008 MB",
                "cost USD", "Step 5, provisioned concurrency").doesNotContain("\r");
        for (String chart : List.of("incident.svg", "parameter-sweep.svg", "memory-what-if.svg",
                "provisioned-concurrency.svg")) {
            assertThat(dir.resolve(chart)).isRegularFile();
        }
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                Files.readAllBytes(dir.resolve("incident.svg"))));
        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(4 * 2);
        NodeList rects = svg.getElementsByTagName("rect");
        double firstPlotTop = IntStream.range(1, rects.getLength()).mapToDouble(i -> Double.parseDouble(
                rects.item(i).getAttributes().getNamedItem("y").getNodeValue())).min().orElseThrow();
        NodeList lines = svg.getElementsByTagName("line");
        double lowestLegend = IntStream.range(0, lines.getLength()).filter(i -> "3".equals(attribute(lines, i,
                "stroke-width"))).mapToDouble(i -> Double.parseDouble(attribute(lines, i, "y1"))).max().orElseThrow();
        assertThat(lowestLegend).as("the legend is above every plot area").isLessThan(firstPlotTop - 20);
    }

    @Test
    void progressIsOneLineRewrittenOnATerminalAndSeparateLinesInALog() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Progress plain = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        plain.progress("before the fix", Duration.ofMinutes(1), Duration.ofMinutes(45), 600_000);
        plain.finish();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\r")
                .contains("before the fix 01:00 (600,000 records); of 45:00 virtual").endsWith("\n");
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        Progress terminal = new Progress(new PrintStream(tty, true, StandardCharsets.UTF_8), true);
        terminal.progress("after the fix", Duration.ofMinutes(2), Duration.ofMinutes(45), 1_200_000);
        terminal.finish();
        assertThat(tty.toString(StandardCharsets.UTF_8)).startsWith("\r  progress: after the fix 02:00");
    }

    private static String attribute(NodeList nodes, int i, String name) {
        var a = nodes.item(i).getAttributes().getNamedItem(name);
        return a == null ? "" : a.getNodeValue();
    }
}
