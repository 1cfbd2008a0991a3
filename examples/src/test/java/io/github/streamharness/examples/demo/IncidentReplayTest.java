package io.github.streamharness.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.examples.incident.FunctionConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The demo's replay on a small scenario: the numbers it prints must show the stall before and the recovery after. */
class IncidentReplayTest {
    /** 10 s at 2,000 records/s with a pill at 5 s, then 20 records/s, for 3 virtual minutes; a row per minute. */
    private static final IncidentReplay.Scenario SMALL = new IncidentReplay.Scenario(2_000, Duration.ofSeconds(10),
            20, Duration.ofMinutes(3), Duration.ofSeconds(5), 0, Duration.ofMinutes(1));

    @Test
    void beforeTheFixTheIteratorAgeGrowsWithTimeAndAfterItStaysLow() { // spec 3.3, 4.5 vs 4.7, 4.4
        IncidentReplay.Result before = new IncidentReplay(FunctionConfig.BEFORE_THE_FIX, SMALL).call();
        IncidentReplay.Result after = new IncidentReplay(FunctionConfig.AFTER_THE_FIX, SMALL).call();

        assertThat(before.rows()).extracting(Sample::maxIteratorAge).isSorted();
        // the age of the blocked batch's first record, written just before the pill at 00:05
        assertThat(before.last().maxIteratorAge()).isCloseTo(Duration.ofMinutes(3).minusSeconds(5),
                Duration.ofSeconds(1));
        assertThat(before.last().recordsProcessed()).isLessThan(before.last().recordsPut());
        assertThat(before.last().dlqMessages()).isZero();
        assertThat(after.worstIteratorAge()).isLessThan(Duration.ofSeconds(15));
        assertThat(after.last().dlqMessages()).isEqualTo(1);
        // not processed at the end: the pill and at most one batching window (5 s) of the 20 records/s
        assertThat(after.last().recordsPut() - after.last().recordsProcessed()).isLessThanOrEqualTo(1 + 5 * 20);
        assertThat(after.poisonPill()).startsWith("shardId-").endsWith("(cut short)");
    }

    @Test
    void theChartIsAnSvgDocumentWithOneLinePerConfiguration() throws Exception {
        IncidentReplay.Result before = new IncidentReplay(FunctionConfig.BEFORE_THE_FIX, SMALL).call();
        IncidentReplay.Result after = new IncidentReplay(FunctionConfig.AFTER_THE_FIX, SMALL).call();

        String svg = IteratorAgeChart.svg("chart", SMALL.duration(), SMALL.poisonAt(), List.of(before, after));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("before the fix: BatchSize 200", "after the fix: BatchSize 100");
    }
}
