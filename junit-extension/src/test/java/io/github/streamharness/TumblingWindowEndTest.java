package io.github.streamharness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a tumbling window's final invocation ends when it keeps failing (rule 8.4, 8.5): it holds the shard, and the
 * retry policy still ends it, so {@code runUntilIdle()} returns. Each test has a wall-clock timeout: before the retry
 * policy applied to a final invocation with {@code Records: []}, these runs never settled.
 */
class TumblingWindowEndTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String WINDOW = "window [2026-01-01T00:00:00Z, 2026-01-01T00:02:00Z)";

    private static StreamHarness harness(TumblingWindowTest.Counter handler, EventSourceMappingConfig.Builder mapping) {
        return StreamHarness.builder().mapping(mapping.tumblingWindowInSeconds(120)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq").build()).handler(handler).build();
    }

    private static List<String> windowNotes(StreamHarness h) {
        return h.invocations().timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.WINDOW)
                .map(TimelineEntry::text).toList();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFinalInvocationThatAlwaysFailsIsGivenUpAfterMaximumRetryAttemptsAndTheNextWindowGoesOn() { // rule 8.4, 8.5
        TumblingWindowTest.Counter counter = new TumblingWindowTest.Counter();
        counter.respond = (event, state) -> event.get("isFinalInvokeForWindow").asBoolean()
                && event.get("window").get("start").asText().equals("2026-01-01T00:00:00Z") ? "{}" : null;
        StreamHarness h = harness(counter, EventSourceMappingConfig.builder().maximumRetryAttempts(2));
        h.put("pk", "a");
        h.advance(Duration.ofSeconds(121));
        StreamRecord next = h.put("pk", "b");
        h.runUntilIdle();
        // the aggregation, three attempts of the final one (MaximumRetryAttempts 2), then the next window's two
        assertThat(counter.finals()).containsExactly(false, true, true, true, false, true);
        assertThat(h.invocations().where(Invocation::isFinalInvokeForWindow)).extracting(Invocation::attempt)
                .containsExactly(1, 2, 3, 1);
        assertThat(windowNotes(h)).contains("final invocation for " + WINDOW + " given up: its 3 attempt(s) failed "
                + "and MaximumRetryAttempts 2 allows no more (rule 8.4, 8.5, 1.7); state dropped, no record to send "
                + "to the on-failure destination");
        assertThat(h.deadLetterQueue().messages()).isEmpty();
        assertThat(h.invocations().deliveriesOf(next).get(0).startedAt())
                .isEqualTo(T0.plusSeconds(120 + 1 + 2)); // after the back-offs of 1 and 2 s
        assertThat(h.ledger().stateOf(next)).isEqualTo(RecordState.COMMITTED);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFaultPredicateThatThrowsEndsAtTheRetentionPeriodWithInfiniteRetries() { // rule 8.5, 4.5
        TumblingWindowTest.Counter counter = new TumblingWindowTest.Counter();
        StreamHarness h = harness(counter, EventSourceMappingConfig.builder()); // -1 retries, no record age
        StreamRecord a = h.put("pk", "a");
        h.faults().onBatch(batch -> {
            throw new IllegalStateException("a bug in the test's predicate");
        }).fail("never reached");
        h.runUntilIdle(); // returns: the record leaves by retention, then the final invocation is given up
        assertThat(counter.events).isEmpty();
        assertThat(h.ledger().stateOf(a)).isEqualTo(RecordState.EXPIRED_BY_RETENTION);
        List<String> notes = windowNotes(h);
        assertThat(notes.get(notes.size() - 1)).startsWith("final invocation for " + WINDOW + " given up: it has "
                + "been due since ").endsWith(", longer than the stream's retention period PT24H (rule 8.5, 4.5); "
                + "state dropped, no record to send to the on-failure destination");
        assertThat(h.clock().now()).isAfter(T0.plus(Duration.ofHours(48)));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFinalInvocationWithInfiniteRetriesIsGivenUpOnceDueLongerThanMaximumRecordAge() { // rule 8.5, 0.12
        TumblingWindowTest.Counter counter = new TumblingWindowTest.Counter();
        counter.respond = (event, state) -> event.get("isFinalInvokeForWindow").asBoolean() ? "{}" : null;
        StreamHarness h = harness(counter, EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60));
        StreamRecord a = h.put("pk", "a");
        h.runUntilIdle();
        assertThat(h.ledger().stateOf(a)).isEqualTo(RecordState.COMMITTED); // its aggregation invocation succeeded
        List<Invocation> finals = h.invocations().where(Invocation::isFinalInvokeForWindow);
        // due at 00:02:00; retried after 1, 2, 4, 8, 16, 32 s (63 s in all, past the 60 s): the 7th is not made
        assertThat(finals).extracting(Invocation::attempt).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(finals.get(0).startedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(windowNotes(h).get(windowNotes(h).size() - 1)).isEqualTo("final invocation for " + WINDOW
                + " given up: it has been due since 2026-01-01T00:02:00Z, longer than MaximumRecordAgeInSeconds "
                + "allows (rule 8.5, 0.12); state dropped, no record to send to the on-failure destination");
        assertThat(h.deadLetterQueue().messages()).isEmpty();
    }

    @Test
    void anUpdateCannotChangeTheTumblingWindowNorTheParallelizationFactorOfAWindowedMapping() { // rule 18.1, 8.4
        try (StreamHarness h = StreamHarness.builder().build()) {
            MappedFunction f = h.addMapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60).build(),
                    new TumblingWindowTest.Counter());
            String text = "update(..) cannot change TumblingWindowInSeconds (60 -> %d), nor the ParallelizationFactor "
                    + "of a mapping with tumbling windows, in this version of the harness (AWS allows it; how open "
                    + "windows carry over is not documented, rule 8.4); keep both, or delete the mapping and add a "
                    + "new one.";
            assertThatThrownBy(() -> f.update(f.config().toBuilder().tumblingWindowInSeconds(120).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(text, 120);
            assertThatThrownBy(() -> f.update(f.config().toBuilder().parallelizationFactor(2).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(text, 60);
            f.update(f.config().toBuilder().batchSize(5).build()); // anything else still updates
            assertThat(f.config().batchSize()).isEqualTo(5);
        }
    }

    private static String describe(com.fasterxml.jackson.databind.JsonNode e) {
        return e.get("shardId").asText().substring("shardId-00000000000".length()) + " " + e.get("Records").size()
                + (e.get("isFinalInvokeForWindow").asBoolean() ? " final" : "") + " " + e.get("state");
    }

    @Test
    void aSplitClosesTheParentsWindowWithItsFinalInvocationAndTheChildStartsAFreshWindow() { // rule 11.2, 8.5
        TumblingWindowTest.Counter counter = new TumblingWindowTest.Counter();
        StreamHarness h = harness(counter, EventSourceMappingConfig.builder());
        h.put("pk", "a");
        h.advance(Duration.ofSeconds(30)); // the parent's window [00:00, 00:02) is open, its state {"count":1}
        h.splitShard("shardId-000000000000");
        StreamRecord b = h.put("pk", "b"); // into a child, whose window is the same interval, but its own
        h.runUntilIdle();
        String child = b.shardId().substring("shardId-00000000000".length());
        assertThat(counter.events).extracting(TumblingWindowEndTest::describe).containsExactly(
                "0 1 {}", "0 0 final {\"count\":1}", child + " 1 {}", child + " 0 final {\"count\":1}");
        List<Invocation> all = h.invocations().all();
        assertThat(all.get(1).startedAt()).isEqualTo(T0.plusSeconds(30)); // at the shard's end, not at 00:02
        assertThat(all.get(2).startedAt()).isAfterOrEqualTo(all.get(1).endedAt()); // the child after the parent
        assertThat(all.get(3).startedAt()).isEqualTo(T0.plusSeconds(120)); // the child's window ends as usual
        assertThat(windowNotes(h)).contains("the shard has ended (split or merged): " + WINDOW + " closes before "
                + "its end with this final invocation (rule 11.2, 8.5)");
    }

    @Test
    void aMergeClosesBothParentsWindowsAndTheMergedShardWaitsForTheirFinalInvocations() { // rule 11.2, 0.10, 8.4
        TumblingWindowTest.Counter counter = new TumblingWindowTest.Counter();
        int[] failures = {2};
        counter.respond = (event, state) -> event.get("isFinalInvokeForWindow").asBoolean()
                && event.get("shardId").asText().equals("shardId-000000000001") && failures[0]-- > 0 ? "{}" : null;
        StreamHarness h = StreamHarness.builder().shards(2).mapping(EventSourceMappingConfig.builder()
                .tumblingWindowInSeconds(120).build()).handler(counter).build();
        StreamRecord a = h.put("pk-a", "a".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                h.shard("shardId-000000000000").startingHashKey().toString());
        StreamRecord b = h.put("pk-b", "b".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                h.shard("shardId-000000000001").startingHashKey().toString());
        h.advance(Duration.ofSeconds(30));
        Shard merged = h.mergeShards("shardId-000000000000", "shardId-000000000001");
        StreamRecord c = h.put("pk-c", "c");
        h.runUntilIdle();
        assertThat(List.of(a.shardId(), b.shardId(), c.shardId())).containsExactly("shardId-000000000000",
                "shardId-000000000001", merged.id());
        // shard 1's final invocation fails twice (retried after 1 and 2 s); the merged shard waits for it
        Invocation first = h.invocations().deliveriesOf(c).get(0);
        assertThat(first.startedAt()).isAfterOrEqualTo(T0.plusSeconds(30 + 1 + 2));
        assertThat(h.invocations().where(Invocation::isFinalInvokeForWindow)).extracting(Invocation::shardId)
                .containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000001",
                        "shardId-000000000001", merged.id());
        assertThat(first.window().state()).isEmpty(); // a fresh window in the merged shard
    }
}
