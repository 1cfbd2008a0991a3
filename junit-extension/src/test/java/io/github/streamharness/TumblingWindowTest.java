package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Tumbling windows (section 8, 0.11, 0.11b, 1.11): the window event, its state, and its final invocation. */
class TumblingWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A raw handler that counts records into state {"count": n} and keeps every event it received. */
    static final class Counter implements RequestStreamHandler {
        final List<JsonNode> events = new ArrayList<>();
        final List<String> raw = new ArrayList<>();
        /** Given the event and the state it would return, the response to write (null: write that state). */
        BiFunction<JsonNode, ObjectNode, String> respond = (event, state) -> null;

        @Override
        public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                                  com.amazonaws.services.lambda.runtime.Context c) throws java.io.IOException {
            byte[] bytes = in.readAllBytes();
            raw.add(new String(bytes, StandardCharsets.UTF_8));
            JsonNode event = JSON.readTree(bytes);
            events.add(event);
            ObjectNode state = JSON.createObjectNode();
            state.put("count", event.get("state").path("count").asInt(0) + event.get("Records").size());
            String custom = respond.apply(event, state);
            out.write((custom != null ? custom : "{\"state\":" + state + "}").getBytes(StandardCharsets.UTF_8));
        }

        List<Boolean> finals() {
            return events.stream().map(e -> e.get("isFinalInvokeForWindow").asBoolean()).toList();
        }
    }

    private static StreamHarness harness(Counter handler, EventSourceMappingConfig.Builder mapping) {
        return StreamHarness.builder().streamName("lambda-stream").functionName("f")
                .mapping(mapping.tumblingWindowInSeconds(120).build()).handler(handler).build();
    }

    private static EventSourceMappingConfig.Builder mapping() {
        return EventSourceMappingConfig.builder();
    }

    @Test
    void aStreamHandlerReceivesTheWindowEventOfTheAwsExampleFieldForField() { // rule 8.2
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        h.advance(Duration.ofMinutes(4).plusSeconds(35)); // 00:04:35, in [00:04:00, 00:06:00)
        StreamRecord r = h.put("1", "Hello, this is a test.");
        h.runUntilIdle();
        String record = "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"1\",\"sequenceNumber\":\""
                + r.sequenceNumber() + "\",\"data\":\"SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==\","
                + "\"approximateArrivalTimestamp\":1767225875.000},\"eventSource\":\"aws:kinesis\","
                + "\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000000:" + r.sequenceNumber() + "\","
                + "\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/f-role\","
                + "\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/"
                + "lambda-stream\"}";
        String tail = ",\"window\":{\"start\":\"2026-01-01T00:04:00Z\",\"end\":\"2026-01-01T00:06:00Z\"},"
                + "\"shardId\":\"shardId-000000000000\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream\",";
        assertThat(counter.raw).containsExactly(
                "{\"Records\":[" + record + "]" + tail.replace(",\"shardId\"", ",\"state\":{},\"shardId\"")
                        + "\"isFinalInvokeForWindow\":false,\"isWindowTerminatedEarly\":false}",
                "{\"Records\":[]" + tail.replace(",\"shardId\"", ",\"state\":{\"count\":1},\"shardId\"")
                        + "\"isFinalInvokeForWindow\":true,\"isWindowTerminatedEarly\":false}");
    }

    @Test
    void windowsFollowArrivalTimeAlignedToMultiplesOfTheirLengthSinceTheEpoch() { // rule 8.3, 0.11
        Counter counter = new Counter();
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(300))
                .mapping(mapping().tumblingWindowInSeconds(120).build()).handler(counter).build();
        h.faults().onInvocation(1).latency(Duration.ofSeconds(200)); // the lane is busy past both windows' ends
        h.put("pk", "a");
        h.advance(Duration.ofSeconds(1));
        h.put("pk", "b");                 // 00:00:01, window [00:00, 00:02)
        h.advance(Duration.ofSeconds(125));
        h.put("pk", "c");                 // 00:02:06, window [00:02, 00:04): a batch never spans two windows
        h.runUntilIdle();
        assertThat(counter.events).extracting(e -> e.get("window").get("start").asText() + " "
                        + e.get("Records").size() + (e.get("isFinalInvokeForWindow").asBoolean() ? " final" : ""))
                .containsExactly("2026-01-01T00:00:00Z 1", "2026-01-01T00:00:00Z 1 final",
                        "2026-01-01T00:02:00Z 1", "2026-01-01T00:02:00Z 0 final");
        // the second invocation delivered b, still undelivered at the end of its window (rule 0.11b)
        assertThat(h.invocations().all().get(1).window().windowEnd()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void stateIsCarriedFromInvocationToInvocationWithinTheWindowStartingFromEmpty() { // rule 8.1, 0.11
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        for (int i = 0; i < 3; i++) {
            h.put("pk", "r" + i);
            h.advance(Duration.ofSeconds(10));
        }
        h.runUntilIdle();
        assertThat(counter.events).extracting(e -> e.get("state").toString())
                .containsExactly("{}", "{\"count\":1}", "{\"count\":2}", "{\"count\":3}");
        assertThat(counter.finals()).containsExactly(false, false, false, true);
    }

    @Test
    void theFinalInvocationComesAtTheWindowEndWithNoRecordsWhenAllWereDelivered() { // rule 0.11b, 8.4
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        h.put("pk", "a");
        h.runUntilIdle();
        Invocation last = h.invocations().all().get(1);
        assertThat(last.isFinalInvokeForWindow()).isTrue();
        assertThat(last.records()).isEmpty();
        assertThat(last.startedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(last.window().state()).containsEntry("count", "1");
    }

    @Test
    void theFinalInvocationCarriesTheRecordsOfTheWindowNotYetDelivered() { // rule 0.11b
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        h.faults().onInvocation(1).latency(Duration.ofSeconds(2)); // timeout 3 s: ok
        h.put("pk", "a");
        h.advance(Duration.ofMillis(119_500));
        h.put("pk", "b");
        h.put("pk", "c");
        // the idle lane polls once a second (at 00:02:00 next): b and c are still undelivered at the window's end
        h.runUntilIdle();
        assertThat(counter.events).extracting(e -> e.get("Records").size()).containsExactly(1, 2);
        assertThat(counter.finals()).containsExactly(false, true);
        assertThat(h.invocations().all().get(1).startedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aFailingFinalInvocationHoldsTheShardWhileItIsRetried() { // rule 8.4, 8.5
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().maximumRetryAttempts(3)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq"));
        int[] calls = {0};
        counter.respond = (event, state) -> event.get("isFinalInvokeForWindow").asBoolean() && calls[0]++ < 3
                ? "not json at all" : null;
        h.put("pk", "a");
        h.advance(Duration.ofSeconds(121));
        StreamRecord next = h.put("pk", "b"); // the next window's record waits behind the failing final invocation
        h.runUntilIdle();
        assertThat(counter.finals()).containsExactly(false, true, true, true, true, false, true);
        assertThat(h.deadLetterQueue().messages()).isEmpty();
        Invocation nextDelivery = h.invocations().deliveriesOf(next).get(0);
        assertThat(nextDelivery.startedAt()).isEqualTo(T0.plusSeconds(120 + 1 + 2 + 4)); // after back-off 1, 2, 4 s
    }

    @Test
    void aFinalInvocationCarryingAPoisonRecordGivesItUpThenTheWindowEndsWithNoRecords() { // rule 8.5, 0.11b
        Counter counter = new Counter();
        StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10))
                .mapping(mapping().tumblingWindowInSeconds(120).maximumRetryAttempts(1).bisectBatchOnFunctionError(true)
                        .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq").build())
                .handler(counter).build();
        h.faults().onInvocation(1).latency(Duration.ofSeconds(5)); // the lane is busy across the window end
        h.advance(Duration.ofMillis(117_000));
        h.put("pk", "a");
        h.advance(Duration.ofMillis(2_000)); // 00:01:59, delivered only after 00:02:00: in the final invocation
        StreamRecord b = h.put("pk", "b");
        StreamRecord poison = h.put("pk", "poison");
        h.faults().onRecord(poison).fail("boom");
        h.runUntilIdle();
        assertThat(h.deadLetterQueue().records()).containsExactly(b, poison); // never bisected: both, together
        assertThat(counter.events).extracting(e -> e.get("Records").size()
                + (e.get("isFinalInvokeForWindow").asBoolean() ? " final" : "")).containsExactly("1", "0 final");
        assertThat(h.invocations().all()).extracting(Invocation::attempt).containsExactly(1, 1, 2, 1);
    }

    @Test
    void aResponseWithoutStateIsAFailedInvocation() { // rule 8.1
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        int[] calls = {0};
        counter.respond = (event, state) -> calls[0]++ == 0 ? "{\"batchItemFailures\":[]}" : null;
        h.put("pk", "a");
        h.runUntilIdle();
        Invocation first = h.invocations().all().get(0);
        assertThat(first.outcome()).isInstanceOf(Outcome.FunctionError.class);
        assertThat(((Outcome.FunctionError) first.outcome()).errorMessage())
                .isEqualTo("an invocation in a tumbling window must return {\"state\":{...}}, the invocation failed "
                        + "(rule 8.1): the response has no state");
        assertThat(first.window().returnedState()).isEmpty();
        assertThat(counter.events.get(1).get("state").toString()).isEqualTo("{}"); // the retry gets the old state
        assertThat(counter.finals()).containsExactly(false, false, true);
    }

    private static String stateOfBytes(int bytes) {
        String key = "k";
        int overhead = ("{\"" + key + "\":\"\"}").length();
        return "{\"" + key + "\":\"" + "x".repeat(bytes - overhead) + "\"}";
    }

    @Test
    void aStateOverOneMegabyteEndsTheWindowEarlyWithItsFinalInvocationAtOnce() { // rule 8.4, 0.11b
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        int[] calls = {0};
        counter.respond = (event, state) -> calls[0]++ == 0 ? "{\"state\":" + stateOfBytes(1_048_577) + "}" : null;
        h.put("pk", "a");
        h.runUntilIdle();
        assertThat(counter.events).hasSize(2);
        JsonNode early = counter.events.get(1);
        assertThat(early.get("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(early.get("isWindowTerminatedEarly").asBoolean()).isTrue();
        assertThat(h.invocations().all().get(1).startedAt()).isEqualTo(T0); // not at the window end
        assertThat(h.invocations().timeline()).extracting(TimelineEntry::text)
                .anyMatch(t -> t.contains("is 1048577 bytes, over the 1 MB limit"));
    }

    @Test
    void theWindowsStateCountsTowardTheSixMegabyteEventLimit() { // rule 2.5, 0.7, 8.2
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        String big = stateOfBytes(1_000_000); // under 1 MB: the window goes on
        counter.respond = (event, state) -> "{\"state\":" + big + "}";
        h.put("pk", "seed");
        h.advance(Duration.ofSeconds(1));
        byte[] data = new byte[800_000]; // 1,066,668 bytes of base64 in the event
        for (int i = 0; i < 5; i++) {
            h.put("pk", data);
        }
        h.runUntilIdle();
        // five records would be 5.33 MB of records: within 6 MB alone, over it with the 1 MB state beside them
        assertThat(counter.events).extracting(e -> e.get("Records").size()).containsExactly(1, 4, 1, 0);
        assertThat(counter.raw).allSatisfy(json -> assertThat(json.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(6_291_456));
    }

    @Test
    void aStateOfExactlyOneMegabyteKeepsTheWindowOpen() { // rule 0.11b: only over 1 MB ends it
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        int[] calls = {0};
        counter.respond = (event, state) -> calls[0]++ == 0 ? "{\"state\":" + stateOfBytes(1_048_576) + "}" : null;
        h.put("pk", "a");
        h.runUntilIdle();
        assertThat(counter.events.get(1).get("isWindowTerminatedEarly").asBoolean()).isFalse();
        assertThat(h.invocations().all().get(1).startedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void batchItemFailuresInsideAWindowCommitThePrefixAndHandOnTheReturnedState() { // rule 8.1, 5.5
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().functionResponseTypes(
                FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        int[] calls = {0};
        counter.respond = (event, state) -> calls[0]++ == 0
                ? "{\"state\":{\"count\":1},\"batchItemFailures\":[{\"itemIdentifier\":\""
                + event.get("Records").get(1).get("kinesis").get("sequenceNumber").asText() + "\"}]}" : null;
        h.put("pk", "a");
        StreamRecord b = h.put("pk", "b");
        h.runUntilIdle();
        assertThat(counter.events).extracting(e -> e.get("Records").size() + " " + e.get("state"))
                .containsExactly("2 {}", "1 {\"count\":1}", "0 {\"count\":2}");
        assertThat(h.invocations().deliveryCount(b)).isEqualTo(2);
    }

    @Test
    void aggregationInvocationsAreBisectedButTheFinalInvocationIsNeverSplit() { // rule 0.11b, 8.5
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().bisectBatchOnFunctionError(true));
        h.faults().onBatch(batch -> batch.size() == 4).fail("aggregation failed");
        h.faults().onInvocation(4).latency(Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) {
            h.put("pk", "r" + i);
        }
        h.runUntilIdle();
        assertThat(counter.events).extracting(e -> e.get("Records").size()
                + (e.get("isFinalInvokeForWindow").asBoolean() ? " final" : "")).containsExactly("2", "2", "0 final");
        assertThat(h.invocations().timeline()).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.BISECT);
    }

    @Test
    void maximumRetryAttemptsDiscardsAFailingAggregationBatchToTheDestination() { // rule 8.5
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().maximumRetryAttempts(1)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq"));
        StreamRecord poison = h.put("pk", "poison");
        h.faults().onRecord(poison).fail("boom");
        h.runUntilIdle();
        assertThat(h.deadLetterQueue().records()).containsExactly(poison);
        assertThat(counter.events).hasSize(1); // only the final invocation reached the handler, with state {}
        assertThat(counter.events.get(0).get("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(counter.events.get(0).get("state").toString()).isEqualTo("{}");
    }

    @Test
    void recordsOlderThanMaximumRecordAgeLeaveTheWindowAsRecordAgeExceeded() { // rule 8.5, 4.6
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().maximumRecordAgeInSeconds(60)
                .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:dlq"));
        StreamRecord old = h.put("pk", "old");
        h.faults().onRecord(old).fail("boom");
        h.runUntilIdle();
        assertThat(h.deadLetterQueue().messages()).extracting(DeadLetter::condition)
                .containsExactly(OnFailureCondition.RecordAgeExceeded);
        assertThat(counter.finals()).containsExactly(true);
    }

    @Test
    void eachLaneKeepsItsOwnStateAndFinalInvocationWithParallelizationFactor() { // modelled, rule 0.8, 8.4
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping().parallelizationFactor(10));
        String[] keys = {"pk-0", "pk-1"};
        assertThat(laneOf(h, keys[0])).isNotEqualTo(laneOf(h, keys[1]));
        h.put(keys[0], "a");
        h.put(keys[1], "b");
        h.put(keys[1], "c");
        h.runUntilIdle();
        Map<Integer, Map<String, String>> finalStates = new HashMap<>();
        h.invocations().where(Invocation::isFinalInvokeForWindow)
                .forEach(i -> finalStates.put(i.lane(), i.window().state()));
        assertThat(finalStates).hasSize(2).containsValues(Map.of("count", "1"), Map.of("count", "2"));
    }

    private static int laneOf(StreamHarness h, String key) {
        return io.github.streamharness.internal.stream.HashKeys.lane(
                io.github.streamharness.internal.stream.HashKeys.ofPartitionKey(key), 10);
    }

    @Test
    void aTypedTimeWindowHandlerGetsTheWindowEventAndReturnsItsState() { // rule 8.1, 8.2
        List<KinesisTimeWindowEvent> seen = new ArrayList<>();
        RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> aggregator = (event, context) -> {
            seen.add(event);
            int count = Integer.parseInt(event.getState().getOrDefault("count", "0")) + event.getRecords().size();
            return TimeWindowEventResponse.builder().withState(Map.of("count", String.valueOf(count))).build();
        };
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(60).build())
                .handler(aggregator).build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();
        assertThat(seen).hasSize(2);
        KinesisTimeWindowEvent last = seen.get(1);
        assertThat(last.getIsFinalInvokeForWindow()).isTrue();
        assertThat(last.getIsWindowTerminatedEarly()).isFalse();
        assertThat(last.getState()).containsEntry("count", "2");
        assertThat(last.getWindow().getStart()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(last.getWindow().getEnd()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(last.getShardId()).isEqualTo("shardId-000000000000");
        assertThat(last.getEventSourceArn()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/test-stream");
    }

    @Test
    void tumblingWindowInSecondsIsAcceptedUpTo900() { // rule 1.11
        Counter counter = new Counter();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().tumblingWindowInSeconds(900).build())
                .handler(counter).build();
        h.advance(Duration.ofSeconds(1000)); // 00:16:40 in [00:15:00, 00:30:00)
        h.put("pk", "a");
        h.runUntilIdle();
        assertThat(counter.events.get(0).get("window").toString())
                .isEqualTo("{\"start\":\"2026-01-01T00:15:00Z\",\"end\":\"2026-01-01T00:30:00Z\"}");
    }

    @Test
    void theTimelineShowsTheWindowOpeningItsStateSizeAndItsFinalInvocation() { // rule 8.4
        Counter counter = new Counter();
        StreamHarness h = harness(counter, mapping());
        h.put("pk", "a");
        h.runUntilIdle();
        assertThat(h.invocations().timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.WINDOW)
                .extracting(TimelineEntry::text).containsExactly(
                        "window [2026-01-01T00:00:00Z, 2026-01-01T00:02:00Z) opened with state {} (rule 8.3, 0.11)",
                        "state of window [2026-01-01T00:00:00Z, 2026-01-01T00:02:00Z) is 11 bytes",
                        "final invocation for window [2026-01-01T00:00:00Z, 2026-01-01T00:02:00Z) succeeded: "
                                + "checkpoint, state dropped (rule 8.4)");
    }
}
