package io.github.streamharness.internal.observe.insights;

import io.github.streamharness.LogEvent;
import io.github.streamharness.LogsInsightsQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Logs Insights subset of rule 16.3 over a fixed Lambda log group: three invocations as Lambda prints them (A with
 * a cold start and a JSON line, B timing out with a JSON line, C with a plain line), without a harness.
 */
class InsightsQueryTest {
    private static final String A = "6f1c8f3a-1b2c-4d5e-8f90-0a1b2c3d4e5f";
    private static final String B = "0c2d9e7b-3a4f-4b6c-9d8e-1f2a3b4c5d6e";
    private static final String C = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String STREAM = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
    private static final String LOG = "123456789012:/aws/lambda/orders";
    private static final List<LogEvent> EVENTS = List.of(
            event("00:00:00.000", "START RequestId: " + A + " Version: $LATEST", A),
            event("00:00:00.250", "{\"level\":\"INFO\",\"latency\":\"250\",\"retries\":2,\"note\":\"\","
                    + "\"user-name\":\"alice\",\"items\":[{\"id\":\"r1\"},{\"id\":\"r2\"}],\"big\":1e308}", A),
            event("00:00:02.000", "END RequestId: " + A, A),
            event("00:00:02.000", "REPORT RequestId: " + A + "\tDuration: 2000.00 ms\tBilled Duration: 2151 ms"
                    + "\tMemory Size: 256 MB\tMax Memory Used: 90 MB\tInit Duration: 150.50 ms", A),
            event("00:05:10.000", "START RequestId: " + B + " Version: $LATEST", B),
            event("00:05:10.100", "{\"level\":\"WARN\",\"latency\":\"75\",\"retries\":0,\"note\":\"slow\"}", B),
            event("00:05:40.000", "2026-01-01T00:05:40.000Z " + B + " Task timed out after 30.00 seconds", B),
            event("00:05:40.000", "END RequestId: " + B, B),
            event("00:05:40.000", "REPORT RequestId: " + B + "\tDuration: 30000.00 ms\tBilled Duration: 30000 ms"
                    + "\tMemory Size: 256 MB\tMax Memory Used: 128 MB", B),
            event("00:06:00.000", "START RequestId: " + C + " Version: $LATEST", C),
            event("00:06:00.500", "GET /orders/42 took 1000 ms", C),
            event("00:06:01.001", "END RequestId: " + C, C),
            event("00:06:01.001", "REPORT RequestId: " + C + "\tDuration: 1000.50 ms\tBilled Duration: 1001 ms"
                    + "\tMemory Size: 256 MB\tMax Memory Used: 91 MB", C));

    private static LogEvent event(String time, String message, String requestId) {
        return new LogEvent(Instant.parse("2026-01-01T" + time + "Z"), STREAM, message, requestId);
    }

    private static List<Map<String, String>> query(String query) {
        return InsightsQuery.parse(query).run(EVENTS, LOG);
    }

    @Test
    void arithmeticAddsSubtractsMultipliesDividesTakesTheRemainderAndNegates() {
        // rule 16.3
        assertThat(query("filter @type = \"REPORT\" | fields @duration + 1 as plus, @duration - 1 as minus, "
                + "@duration * 2 as times, @duration / 4 as quarter, @duration % 7 as rest, -@duration as negative "
                + "| sort @duration asc")).containsExactly(
                Map.of("plus", "1001.5", "minus", "999.5", "times", "2001", "quarter", "250.125", "rest", "6.5",
                        "negative", "-1000.5"),
                Map.of("plus", "2001", "minus", "1999", "times", "4000", "quarter", "500", "rest", "5",
                        "negative", "-2000"),
                Map.of("plus", "30001", "minus", "29999", "times", "60000", "quarter", "7500", "rest", "5",
                        "negative", "-30000"));
    }

    @Test
    void divisionByZeroArithmeticOnAMissingFieldAndArithmeticOnAComparisonGiveNoValue() {
        // rule 16.3: a row leaves out a column without a value
        List<Map<String, String>> rows = query("filter @type = \"REPORT\" | fields @duration as dur, @duration / 0 "
                + "as a, @duration % 0 as b, @initDuration + 1 as c, (@duration > 5000) * 2 as d, -@initDuration as e "
                + "| sort @duration asc | limit 1");

        assertThat(rows).containsExactly(Map.of("dur", "1000.5"));
    }

    @Test
    void aComparisonWithAMissingFieldIsFalseAndInIsTrueOrFalse() {
        // rule 16.3
        List<Map<String, String>> rows = query("fields @duration > 1500 as slow, @type in [\"START\", \"END\"] "
                + "as platform | sort @timestamp asc | limit 2");

        assertThat(rows).containsExactly(Map.of("slow", "false", "platform", "true"),
                Map.of("slow", "false", "platform", "false"));
    }

    @Test
    void lessOrEqualKeepsTheBoundaryValue() {
        // rule 16.3
        assertThat(query("filter @duration <= 2000 | fields @duration | sort @duration asc"))
                .containsExactly(Map.of("@duration", "1000.5"), Map.of("@duration", "2000"));
        assertThat(query("filter @duration > 1000.5 | fields @duration | sort @duration asc"))
                .containsExactly(Map.of("@duration", "2000"), Map.of("@duration", "30000"));
    }

    @Test
    void sortPutsRowsWithoutTheFieldLastAscendingAndDescending() {
        // rule 16.3
        assertThat(query("fields @duration, @type | sort @duration desc | limit 4")).containsExactly(
                Map.of("@duration", "30000", "@type", "REPORT"), Map.of("@duration", "2000", "@type", "REPORT"),
                Map.of("@duration", "1000.5", "@type", "REPORT"), Map.of("@type", "END"));
        assertThat(query("fields @duration, @type | sort @duration asc | limit 4")).containsExactly(
                Map.of("@duration", "1000.5", "@type", "REPORT"), Map.of("@duration", "2000", "@type", "REPORT"),
                Map.of("@duration", "30000", "@type", "REPORT"), Map.of("@type", "END"));
    }

    @Test
    void sortPutsRowsWithoutTheFieldLastAlsoInALongLogGroup() {
        // rule 16.3: hundreds of lines, a JSON field on every third
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<LogEvent> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(new LogEvent(t0.plusMillis(i), STREAM, i % 3 == 0 ? "{\"n\":" + (i * 7 % 300) + "}"
                    : "line " + i, A));
        }

        for (String order : List.of("asc", "desc")) {
            List<Map<String, String>> rows = InsightsQuery.parse("fields n | sort n " + order).run(lines, LOG);

            assertThat(rows.subList(0, 100)).allSatisfy(r -> assertThat(r).containsKey("n"));
            assertThat(rows.subList(100, 300)).allSatisfy(r -> assertThat(r).isEmpty());
            List<Double> n = rows.subList(0, 100).stream().map(r -> Double.valueOf(r.get("n"))).toList();
            assertThat(n).isSortedAccordingTo(order.equals("asc") ? java.util.Comparator.<Double>naturalOrder()
                    : java.util.Comparator.<Double>reverseOrder());
        }
    }

    @Test
    void countOfAFieldCountsTheRowsThatHaveIt() {
        // rule 16.3
        assertThat(query("stats count(*) as lines, count(@duration) as reports, count(level) as json"))
                .containsExactly(Map.of("lines", "13", "reports", "3", "json", "2"));
    }

    @Test
    void minAndMaxOfTimestampsAreTimestampsAndOfTextNoValue() {
        // rule 16.3
        List<Map<String, String>> rows = query("stats min(@timestamp) as first, max(@timestamp) as last, "
                + "min(@duration) as fastest, max(@duration) as slowest, max(level) as maxLevel, "
                + "min(level) as minLevel");

        assertThat(rows).containsExactly(Map.of("first", "2026-01-01 00:00:00.000", "last",
                "2026-01-01 00:06:01.001", "fastest", "1000.5", "slowest", "30000"));
    }

    @Test
    void percentilesZeroAndHundredAreTheSmallestAndTheLargest() {
        // rule 16.3: pct is the nearest-rank percentile (modelled)
        assertThat(query("stats pct(@duration, 0) as p0, pct(@duration, 100) as p100, pct(@duration, 50) as p50"))
                .containsExactly(Map.of("p0", "1000.5", "p100", "30000", "p50", "2000"));
    }

    @Test
    void displayShowsOnlyItsFieldsWhateverFieldsCameBefore() {
        // rule 16.3
        assertThat(query("fields @duration, @type | display @type , @requestId | filter @type = \"REPORT\" "
                + "| limit 1")).containsExactly(Map.of("@type", "REPORT", "@requestId", C))
                .first().satisfies(r -> assertThat(r.keySet()).containsExactly("@type", "@requestId"));
    }

    @Test
    void statsShowsItsGroupsThenItsAggregatesWhateverFieldsCameBefore() {
        // rule 16.3
        List<Map<String, String>> rows = query("fields @duration, @type | filter @type = \"REPORT\" "
                + "| stats max(@duration) as @duration by @type");

        assertThat(rows).containsExactly(Map.of("@type", "REPORT", "@duration", "30000"));
        assertThat(rows.get(0).keySet()).containsExactly("@type", "@duration");
    }

    @Test
    void aFieldAloneAsAConditionKeepsRowsWhereItIsPresentNotZeroAndNotEmpty() {
        // rule 16.3
        assertThat(query("filter retries | fields level")).containsExactly(Map.of("level", "INFO"));
        assertThat(query("filter note | fields level")).containsExactly(Map.of("level", "WARN"));
        assertThat(query("filter level and not note | fields level")).containsExactly(Map.of("level", "INFO"));
    }

    @Test
    void textHoldingANumberComparesAsANumberAndOtherTextAsText() {
        // rule 16.3: "75" < 100 although "75" > "100" as text
        assertThat(query("filter latency > 100 | fields level")).containsExactly(Map.of("level", "INFO"));
        assertThat(query("filter latency < 100 | fields level")).containsExactly(Map.of("level", "WARN"));
        assertThat(query("filter level < \"J\" | fields level")).containsExactly(Map.of("level", "INFO"));
        assertThat(query("filter level > \"J\" | fields level")).containsExactly(Map.of("level", "WARN"));
    }

    @Test
    void anOverflowPrintsInfinityAndNaNInsteadOfFailing() {
        // rule 16.3
        assertThat(query("filter big | fields big * 10 as overflow, big * 10 - big * 10 as undefined"))
                .containsExactly(Map.of("overflow", "Infinity", "undefined", "NaN"));
    }

    @Test
    void jsonArraysAreFlattenedWithTheirIndexAndQuotedNamesTakeAnyCharacter() {
        // rule 16.3
        assertThat(query("filter items.1.id = \"r2\" | fields items.0.id, `user-name` as user"))
                .containsExactly(Map.of("items.0.id", "r1", "user", "alice"));
    }

    @Test
    void stringsAndRegexesTakeEscapesAndTheRegexFlagI() {
        // rule 16.3
        assertThat(query("filter @message like \"\\\"level\\\":\\\"INFO\\\"\" | fields level"))
                .containsExactly(Map.of("level", "INFO"));
        assertThat(query("filter @message like 'Task timed' | fields @requestId"))
                .containsExactly(Map.of("@requestId", B));
        assertThat(query("filter @message like /\\/orders\\/\\d+ / | fields @message"))
                .containsExactly(Map.of("@message", "GET /orders/42 took 1000 ms"));
        assertThat(query("filter @message like /get \\/ORDERS/i | fields @message"))
                .containsExactly(Map.of("@message", "GET /orders/42 took 1000 ms"));
        assertThat(query("filter @message like /get/ | fields @message")).isEmpty();
        assertThat(query("filter (@message like /Task timed out/ ) | fields @requestId"))
                .containsExactly(Map.of("@requestId", B));
        assertThat(query("fields @requestId | filter @message like /Task timed out/"))
                .containsExactly(Map.of("@requestId", B));
    }

    @Test
    void callsTakeSpacesAroundTheirArguments() {
        // rule 16.3
        assertThat(query("stats count (*) as n")).containsExactly(Map.of("n", "13"));
        assertThat(query("stats count( * ) as n, pct(@duration, 100 ) as slowest by bin( 5m ) "
                + "| sort bin( 5m ) asc")).containsExactly(
                Map.of("bin( 5m )", "2026-01-01 00:00:00.000", "n", "4", "slowest", "2000"),
                Map.of("bin( 5m )", "2026-01-01 00:05:00.000", "n", "9", "slowest", "30000"));
        assertThat(query("stats count(*) as n by bin(1m) as minute | sort minute desc | limit 1"))
                .containsExactly(Map.of("minute", "2026-01-01 00:06:00.000", "n", "4"));
    }

    @Test
    void namesGivenWithAsAreKnownFieldsAfterStats() {
        // rule 16.3: the check of @ fields knows the columns stats made
        assertThat(query("stats count(*) as @n by bin(5m) as @period | sort @period asc | sort @n desc"))
                .containsExactly(Map.of("@period", "2026-01-01 00:05:00.000", "@n", "9"),
                        Map.of("@period", "2026-01-01 00:00:00.000", "@n", "4"));
    }

    @Test
    void aGlobEndingInAStarTakesTheRestOfTheLine() {
        // rule 16.3
        assertThat(query("filter @type = \"START\" | parse @message \"START RequestId: *\" as rest | fields rest "
                + "| limit 1")).containsExactly(Map.of("rest", C + " Version: $LATEST"));
    }

    @Test
    void limitTakesOneToTenThousandRows() {
        // rule 16.3
        assertThat(query("fields @requestId | limit 1")).containsExactly(Map.of("@requestId", C));
        assertThat(query("fields @requestId | limit 10000")).hasSize(13);
    }

    @Test
    void withoutLimitAQueryReturnsAtMostTenThousandRows() {
        // rule 16.3: limit 10,000 by default
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<LogEvent> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(new LogEvent(t0.plus(Duration.ofMillis(i)), STREAM, "line " + i, A));
        }

        List<Map<String, String>> rows = InsightsQuery.parse("fields @message").run(many, LOG);

        assertThat(rows).hasSize(10_000);
        assertThat(rows.get(0)).containsEntry("@message", "line 10000");
        assertThat(rows.get(9_999)).containsEntry("@message", "line 1");
    }

    @Test
    void aQueryPrintsAsItsText() {
        assertThat(InsightsQuery.parse("fields @message | limit 5")).hasToString("fields @message | limit 5");
    }

    @Test
    void aMissingQueryIsAnEmptyQuery() {
        // rule 16.3
        assertThatThrownBy(() -> InsightsQuery.parse(null))
                .isInstanceOf(LogsInsightsQueryException.class)
                .hasMessageStartingWith("the query is empty: write commands such as fields @timestamp, @message")
                .extracting(e -> ((LogsInsightsQueryException) e).query()).isEqualTo("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '#', value = {
        "filter @duraton > 1;8;@duraton",
        "filter 1 < @duraton;12;@duraton",
        "filter not @duraton > 1;12;@duraton",
        "fields -@duraton;9;@duraton",
        "filter @mesage like /x/;8;@mesage",
        "filter @typ in [\"START\"];8;@typ",
        "filter @type in [@requestid];18;@requestid",
        "stats max(@duraton);11;@duraton",
        "stats count(*) by @typ;19;@typ",
        "sort @timestmp;6;@timestmp",
        "parse @mesage \"x*\" as y;7;@mesage",
        "display @mesage;9;@mesage",
    })
    void anUnknownAtFieldIsRefusedWhereverItIs(String query, int column, String field) {
        // rule 16.3: a typo would otherwise match nothing, silently (modelled)
        assertThatThrownBy(() -> InsightsQuery.parse(query))
                .isInstanceOf(LogsInsightsQueryException.class)
                .hasMessageStartingWith("unknown field " + field + ": a Lambda log group has @billedDuration, ")
                .extracting(e -> ((LogsInsightsQueryException) e).column()).isEqualTo(column);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '#', value = {
        "filter @message like \"abc\\ => 22 => this string is not closed: add the \" that ends it",
        "filter @message like /abc\\ => 22 => this regular expression is not closed: add the / that ends it",
        "fields `user-name => 8 => this quoted field name is not closed: add the ` that ends it",
        "filter @duration > => 19 => the query ends where a value was expected",
        "filter (@duration > 1 => 22 => expected ')' to close the '(' at column 8",
        "stats count(*) by bin(5m => 25 => expected ')' to close the call at column 19, found 'the end of the query'",
        "stats count(*) by bin(5 => 24 => unknown period unit '' (ms, s, m, h, d, w)",
        "stats count(*) by bin(0m => 23 => a bin period must be positive",
        "stats pct(@duration, 101) => 22 => the percentile of pct is a number from 0 to 100",
        "fields @message | limit 0 => 25 => limit takes 1 to 10000 rows, as Logs Insights does; got 0",
        "fields @message | limit 10001 => 25 => limit takes 1 to 10000 rows, as Logs Insights does; got 10001",
        "fields @message sort @timest => 17 => expected '|' before the next command, found 'sort @timest'",
        "fields @message | display => 26 => expected a field name after display",
    })
    void aMalformedQueryFailsNamingThePartAndItsColumn(String query, int column, String message) {
        // rule 16.3
        assertThatThrownBy(() -> InsightsQuery.parse(query))
                .isInstanceOf(LogsInsightsQueryException.class)
                .hasMessageStartingWith(message + " (at column " + column + ")")
                .extracting(e -> ((LogsInsightsQueryException) e).column()).isEqualTo(column);
    }
}
