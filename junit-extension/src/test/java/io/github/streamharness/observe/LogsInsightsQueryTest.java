package io.github.streamharness.observe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.LogsInsightsQueryException;
import io.github.streamharness.StreamHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Logs Insights over the function's log group: the subset of rule 16.3 and its output formats. */
class LogsInsightsQueryTest {
    /** The seed's step 1, exactly as its runbook gives it. */
    private static final String SEED_QUERY = "fields @timestamp, @message, @duration | filter @message like /Task "
            + "timed out/ or @message like /Runtime exited/ | sort @timestamp asc | limit 50";

    /**
     * Records whose data is a number of seconds of work: "40" times out (timeout 30 s), "fail" throws. The handler
     * logs a JSON line per batch. Three batches: 2 s at 00:00:00, a timeout at 00:00:10 (retried once, again a
     * timeout), then 1 s at 00:06:00.
     */
    private static StreamHarness incident() {
        StreamHarness[] self = new StreamHarness[1];
        RequestHandler<KinesisEvent, Void> handler = (event, context) -> {
            String data = StandardCharsets.UTF_8.decode(event.getRecords().get(0).getKinesis().getData()).toString();
            context.getLogger().log("{\"level\":\"INFO\",\"records\":" + event.getRecords().size() + ",\"work\":"
                    + data + "}");
            self[0].clock().sleep(Duration.ofSeconds(Long.parseLong(data)));
            return null;
        };
        self[0] = StreamHarness.builder().functionTimeout(Duration.ofSeconds(30)).memorySize(256)
                .mapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(1).build())
                .handler(handler).build();
        StreamHarness h = self[0];
        h.put("pk", "2");
        h.advance(Duration.ofSeconds(10));
        h.put("pk", "40");
        h.advance(Duration.ofMinutes(6).minusSeconds(10));
        h.put("pk", "1");
        h.runUntilIdle();
        return h;
    }

    @Test
    void theSeedsQueryPastedAsItIsFindsOneRowPerTimeoutOldestFirst() {
        // rule 16.3
        StreamHarness h = incident();
        List<Invocation> timedOut = h.invocations().where(i -> i.outcome().label().equals("TIMEOUT"));

        List<Map<String, String>> rows = h.logs().query(SEED_QUERY);

        assertThat(timedOut).hasSize(2);
        assertThat(rows).containsExactly(
                Map.of("@timestamp", "2026-01-01 00:00:40.000", "@message", "2026-01-01T00:00:40.000Z "
                        + timedOut.get(0).awsRequestId() + " Task timed out after 30.00 seconds"),
                Map.of("@timestamp", "2026-01-01 00:01:11.000", "@message", "2026-01-01T00:01:11.000Z "
                        + timedOut.get(1).awsRequestId() + " Task timed out after 30.00 seconds"));
        assertThat(rows.get(0).keySet()).containsExactly("@timestamp", "@message"); // no @duration on the line
    }

    @Test
    void withoutSortRowsComeNewestFirstWithTheDefaultColumns() {
        // rule 16.3
        List<Map<String, String>> rows = incident().logs().query("filter @type = \"START\"");

        assertThat(rows).hasSize(4).extracting(r -> r.get("@timestamp"))
                .containsExactly("2026-01-01 00:06:00.000", "2026-01-01 00:00:41.000", "2026-01-01 00:00:10.000",
                        "2026-01-01 00:00:00.000");
        assertThat(rows.get(0).keySet()).containsExactly("@timestamp", "@message");
    }

    @Test
    void reportFieldsAreNumbersAndMemoryIsInBytesAsAwsSampleQueriesExpect() {
        // rule 16.3: @memorySize and @maxMemoryUsed are MB x 1,000,000
        List<Map<String, String>> rows = incident().logs().query("filter @type = \"REPORT\" "
                + "| stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB, "
                + "max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB, max(@memorySize) as bytes, "
                + "count(*), sum(@billedDuration), avg(@duration), min(@duration), pct(@duration, 50)");

        assertThat(rows).containsExactly(Map.of("provisonedMemoryMB", "256", "maxMemoryUsedMB", "90",
                "bytes", "256000000", "count(*)", "4", "sum(@billedDuration)", "63000",
                "avg(@duration)", "15750", "min(@duration)", "1000", "pct(@duration, 50)", "2000"));
    }

    @Test
    void statsByBinPrintsTheBinAsAnInsightsTimestampAndNamesColumnsByTheirText() {
        // rule 16.3
        List<Map<String, String>> rows = incident().logs().query("filter @type = \"REPORT\" "
                + "| stats count(*), max(@duration) by bin(5m) | sort bin(5m) asc");

        assertThat(rows).containsExactly(
                Map.of("bin(5m)", "2026-01-01 00:00:00.000", "count(*)", "3", "max(@duration)", "30000"),
                Map.of("bin(5m)", "2026-01-01 00:05:00.000", "count(*)", "1", "max(@duration)", "1000"));
        assertThat(rows.get(0).keySet()).containsExactly("bin(5m)", "count(*)", "max(@duration)");
    }

    @Test
    void parseWithAGlobOrARegexAndDisplayTheParsedFields() {
        // rule 16.3
        StreamHarness h = incident();
        String firstId = h.invocations().all().get(0).awsRequestId();

        assertThat(h.logs().query("filter @type = \"REPORT\" | parse @message \"Billed Duration: * ms\" as billed "
                + "| display billed | sort billed asc | limit 2"))
                .containsExactly(Map.of("billed", "1000"), Map.of("billed", "2000"));
        assertThat(h.logs().query("parse @message /^START RequestId: (?<id>[0-9a-f-]+)/ | filter id = \"" + firstId + "\" | fields @requestId, id"))
                .containsExactly(Map.of("@requestId", firstId, "id", firstId));
    }

    @Test
    void filterTakesInNotLikeTextParenthesesAndComparisons() {
        // rule 16.3
        StreamHarness h = incident();

        assertThat(h.logs().query("filter @type in [\"START\", \"END\"] and not (@message like \"00:00\") "
                + "| stats count(*) as n")).containsExactly(Map.of("n", "8"));
        assertThat(h.logs().query("filter @duration >= 2000 and @duration < 30000 or @initDuration > 0 "
                + "| fields @duration | sort @duration desc")).containsExactly(Map.of("@duration", "2000"));
        assertThat(h.logs().query("filter @message not like /Task/ and @message like /(?i)task timed/ "
                + "| stats count(*) as n")).isEmpty();
        assertThat(h.logs().query("filter @message not like /^(START|END|REPORT) / | stats count(*) as lines"))
                .containsExactly(Map.of("lines", "6")); // 4 handler lines, 2 timeout lines
        assertThat(h.logs().query("filter @type != \"REPORT\" | stats count(*) as lines")) // a missing field
                .containsExactly(Map.of("lines", "8")); // compares false, as in Insights
    }

    @Test
    void fieldsOfJsonMessagesAreDiscovered() {
        // rule 16.3
        List<Map<String, String>> rows = incident().logs().query("filter level = \"INFO\" and work > 1 "
                + "| fields work, records, work * 1000 as ms | sort ms desc");

        assertThat(rows).hasSize(3).first().isEqualTo(Map.of("work", "40", "records", "1", "ms", "40000"));
        assertThat(rows).last().satisfies(r -> assertThat(r).contains(entry("work", "2")));
    }

    @ParameterizedTest
    // no quoting: the texts hold ' and ", and JUnit 6's CSV parser refuses a bare quote character in a value
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "fields @message | dedup @message;19;the command 'dedup' is valid in CloudWatch Logs Insights but not in the "
                + "subset the harness answers (supported: display, fields, filter, limit, parse, sort, stats; "
                + "rule 16.3)",
        "fields @message | frobnicate;19;unknown command 'frobnicate'",
        "fields strlen(@message);8;the function 'strlen' is outside the subset the harness answers",
        "filter @message like /Task timed out;22;this regular expression is not closed: add the / that ends it",
        "filter @message =~ /x/;17;'=~' is outside the subset the harness answers: write like /regex/",
        "fields @mesage;8;unknown field @mesage: a Lambda log group has @billedDuration, @duration,",
        "fields @message sort @timestamp;17;expected '|' before the next command, found 'sort @timest...'",
        "fields @message | limit 20000;25;limit takes 1 to 10000 rows, as Logs Insights does; got 20000",
        "stats @duration by bin(5m);7;'@duration' is not an aggregate",
        "stats count(*) by bin(5y);24;unknown period unit 'y' (ms, s, m, h, d, w)",
        "filter max(@duration) > 1;8;the aggregate max() belongs in a stats command",
        "filter @message like \"abc;22;this string is not closed",
    })
    void aQueryOutsideTheSubsetFailsNamingThePartAndPointingAtIt(String query, int column, String message) {
        // rule 16.3
        StreamHarness h = incident();
        assertThatThrownBy(() -> h.logs().query(query))
                .isInstanceOf(LogsInsightsQueryException.class)
                .hasMessageStartingWith(message)
                .hasMessageEndingWith("(at column " + column + ")\n  " + query + "\n  " + " ".repeat(column - 1) + "^")
                .extracting(e -> ((LogsInsightsQueryException) e).column()).isEqualTo(column);
    }

    @Test
    void theCaretSitsUnderTheUnsupportedPart() {
        // rule 16.3: the message as a user sees it
        StreamHarness h = incident();
        assertThatThrownBy(() -> h.logs().query("fields @message | dedup @message"))
                .hasMessage("the command 'dedup' is valid in CloudWatch Logs Insights but not in the subset the "
                        + "harness answers (supported: display, fields, filter, limit, parse, sort, stats; rule 16.3) "
                        + "(at column 19)\n"
                        + "  fields @message | dedup @message\n"
                        + "                    ^");
    }
}
