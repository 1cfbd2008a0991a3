package io.github.streamharness;

import io.github.streamharness.internal.observe.SequenceRanges;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, bisection, partial batch responses, record age, destinations, timeouts and throttles (section 4, 5, 6). */
class FailureHandlingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(KinesisEvent.KinesisEventRecord r) {
        return StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
    }

    private static RequestHandler<KinesisEvent, Object> failIfAny(String poison) {
        return (event, context) -> {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                if (text(r).equals(poison)) {
                    throw new IllegalArgumentException("cannot parse " + poison);
                }
            }
            return null;
        };
    }

    @Test
    void alwaysFailingFunctionWithOneRetryIsInvokedTwiceThenSendsOneSqsMessageInTheAwsShape() throws Exception {
        // rule 1.7, 4.4, 6.1, 6.6, 13.2
        StreamHarness stream = StreamHarness.builder().build();
        StreamRecord first = stream.put("pk", "a");
        stream.advance(Duration.ofMillis(250));
        StreamRecord last = stream.put("pk", "b");
        MappedFunction h = stream.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1)
                .onFailureDestination(DLQ).build(), (e, c) -> {
                    throw new RuntimeException("boom");
                });
        stream.runUntilIdle();

        assertThat(h.invocations().all()).extracting(Invocation::attempt).containsExactly(1, 2);
        assertThat(h.invocations().all()).extracting(Invocation::startedAt)
                .containsExactly(T0.plusMillis(250), T0.plusMillis(1250)); // 1 s back-off (rule 0.2)
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(h.deadLetterQueue().size()).isEqualTo(1);
        assertThat(dl.condition()).isEqualTo(OnFailureCondition.RetryAttemptsExhausted);
        assertThat(dl.approximateInvokeCount()).isEqualTo(2);
        assertThat(dl.functionError()).isEqualTo("Unhandled");
        assertThat(dl.records()).containsExactly(first, last);

        JsonNode json = JSON.readTree(dl.json());
        assertThat(fieldNames(json)).containsExactly("requestContext", "responseContext", "version", "timestamp",
                "KinesisBatchInfo");
        assertThat(fieldNames(json.get("requestContext")))
                .containsExactly("requestId", "functionArn", "condition", "approximateInvokeCount");
        assertThat(json.at("/requestContext/requestId").asText())
                .isEqualTo(h.invocations().all().get(1).awsRequestId()).matches("[0-9a-f-]{36}");
        assertThat(json.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:test-function");
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(json.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(json.get("responseContext").toString())
                .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
        assertThat(json.get("version").asText()).isEqualTo("1.0");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        JsonNode info = json.get("KinesisBatchInfo");
        assertThat(fieldNames(info)).containsExactly("shardId", "startSequenceNumber", "endSequenceNumber",
                "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn");
        assertThat(info.get("shardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo(first.sequenceNumber());
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo(last.sequenceNumber());
        assertThat(info.get("approximateArrivalOfFirstRecord").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(info.get("approximateArrivalOfLastRecord").asText()).isEqualTo("2026-01-01T00:00:00.250Z");
        assertThat(info.get("batchSize").asInt()).isEqualTo(2);
        assertThat(info.get("streamArn").asText()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/test-stream");
        h.ledger().verify();
        assertThat(h.ledger().count(RecordState.SENT_TO_DESTINATION)).isEqualTo(2);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void recordAgeExceededMessageHasNoResponseContext() throws Exception { // rule 6.2, 13.8
        StreamHarness stream = StreamHarness.builder().build();
        StreamRecord old = stream.put("pk", "old");
        stream.advance(Duration.ofSeconds(61));
        StreamRecord fresh = stream.put("pk", "fresh");
        List<String> seen = new ArrayList<>();
        MappedFunction f = stream.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60)
                .onFailureDestination(DLQ).build(), BatchingTest.collect(seen));
        stream.runUntilIdle();
        // rule 4.6, 13.7: the too-old record never reaches the function; the fresh rest is invoked
        assertThat(seen).containsExactly("fresh");
        assertThat(f.invocations().all()).singleElement().satisfies(i -> assertThat(i.records()).containsExactly(fresh));
        DeadLetter dl = f.deadLetterQueue().messages().get(0);
        assertThat(dl.condition()).isEqualTo(OnFailureCondition.RecordAgeExceeded);
        assertThat(dl.records()).containsExactly(old);
        assertThat(dl.batchSize()).isEqualTo(1);
        assertThat(dl.approximateInvokeCount()).isEqualTo(1);
        JsonNode json = JSON.readTree(dl.json());
        assertThat(fieldNames(json)).containsExactly("requestContext", "version", "timestamp", "KinesisBatchInfo");
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        f.ledger().verify();
    }

    @Test
    void recordAgeBoundaryIsStrictlyOlderThanTheMaximum() { // rule 0.12
        StreamHarness stream = StreamHarness.builder().build();
        stream.put("pk", "exactly-60s");
        stream.advance(Duration.ofSeconds(60));
        List<String> seen = new ArrayList<>();
        stream.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60).build(),
                BatchingTest.collect(seen));
        stream.runUntilIdle();
        assertThat(seen).containsExactly("exactly-60s");
    }

    @Test
    void infiniteRetriesAreEndedByASixtySecondRecordAge() { // rule 4.6, 1.7, 0.2
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(-1).maximumRecordAgeInSeconds(60)
                        .onFailureDestination(DLQ).build())
                .handler(failIfAny("poison")).build();
        StreamRecord poison = h.put("pk", "poison");
        h.runUntilIdle();
        // attempts at 0, 1, 3, 7, 15, 31 s (back-off 1, 2, 4, 8, 16 s); at 63 s the record is 63 s old: expired
        assertThat(h.invocations().all()).extracting(i -> Duration.between(T0, i.startedAt()).toSeconds())
                .containsExactly(0L, 1L, 3L, 7L, 15L, 31L);
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(dl.condition()).isEqualTo(OnFailureCondition.RecordAgeExceeded); // rule 4.6: not exhausted
        assertThat(dl.approximateInvokeCount()).isEqualTo(6);
        assertThat(dl.records()).containsExactly(poison);
        assertThat(dl.timestamp()).isEqualTo(T0.plusSeconds(63));
        h.ledger().verify();
    }

    @Test
    void poisonPillAtPosition37Of100LandsAloneAfterBisection() { // rule 4.7, 0.1
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(100).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(3).onFailureDestination(DLQ).build())
                .handler(failIfAny("r36")).build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(h.put("pk", "r" + i));
        }
        h.runUntilIdle();
        // 0.1 arithmetic (0-based indices, poison = 36): [0..99]x -> [0..49]x -> [0..24]ok, [25..49]x ->
        // [25..37]x -> [25..31]ok, [32..37]x -> [32..34]ok, [35..37]x -> [35..36]x -> [35]ok, [36]x x x x (4 = 3
        // retries + 1) -> DLQ, [37]ok -> [38..49]ok -> [50..99]ok: 18 invocations
        assertThat(h.invocations().count()).isEqualTo(18);
        assertThat(h.invocations().all()).extracting(Invocation::batchSize)
                .containsExactly(100, 50, 25, 25, 13, 7, 6, 3, 3, 2, 1, 1, 1, 1, 1, 1, 12, 50);
        assertThat(h.deadLetterQueue().records()).containsExactly(records.get(36));
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(dl.approximateInvokeCount()).isEqualTo(4);
        assertThat(dl.batchSize()).isEqualTo(1);
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(99);
        assertThat(h.position("shardId-000000000000").caughtUp()).isTrue();
        h.ledger().verify();
    }

    @Test
    void bisectionAlsoHappensWithZeroRetries() { // rule 0.1
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(4).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(0).build())
                .handler(failIfAny("r1")).build();
        for (int i = 0; i < 4; i++) {
            h.put("pk", "r" + i);
        }
        h.runUntilIdle();
        // [0..3]x -> [0,1]x -> [0]ok, [1]x (0 retries) -> discarded, [2,3]ok
        assertThat(h.invocations().all()).extracting(Invocation::batchSize).containsExactly(4, 2, 1, 1, 2);
        assertThat(h.discarded()).extracting(StreamRecord::dataAsString).containsExactly("r1");
        h.ledger().verify();
    }

    @Test
    void whileABatchFailsNothingAfterItInTheShardIsDelivered() { // rule 3.3
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(1).maximumRetryAttempts(2).build())
                .handler((e, c) -> {
                    String t = text(e.getRecords().get(0));
                    seen.add(t);
                    if (t.equals("bad")) {
                        throw new IllegalStateException("bad record");
                    }
                    return null;
                }).build();
        h.put("pk", "bad");
        h.put("pk", "next");
        h.runUntilIdle();
        assertThat(seen).containsExactly("bad", "bad", "bad", "next");
    }

    @Test
    void partialProgressRestartsTheRetryCountAsObservedOnAws() { // rule 5.6, 13.4
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(3).maximumRetryAttempts(3)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                        .onFailureDestination(DLQ).build())
                .handler((e, c) -> {
                    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
                    for (KinesisEvent.KinesisEventRecord r : e.getRecords()) {
                        if (text(r).equals("6")) {
                            failures.add(new StreamsEventResponse.BatchItemFailure(r.getKinesis().getSequenceNumber()));
                        }
                    }
                    return new StreamsEventResponse(failures);
                }).build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            records.add(h.put("pk", String.valueOf(i)));
        }
        h.runUntilIdle();
        StreamRecord six = records.get(5);
        assertThat(h.invocations().deliveryCount(six)).isEqualTo(5); // once in [4,5,6], then 4 times alone
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(dl.approximateInvokeCount()).isEqualTo(4);
        assertThat(dl.batchSize()).isEqualTo(1);
        assertThat(dl.startSequenceNumber()).isEqualTo(six.sequenceNumber()).isEqualTo(dl.endSequenceNumber());
        assertThat(dl.functionError()).isNull(); // the failures came from batch failure responses (rule 5.4)
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(8);
        h.ledger().verify();
    }

    @Test
    void aPartialResponseNamingTheFirstRecordRetriesTheWholeBatchEvenWithBisectOn() throws Exception { // rule 5.7
        // AWS: "the batch is bisected at the returned sequence number and Lambda retries only the remaining
        // records": the returned record is the batch's first, so the remaining records are the whole batch
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(4).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(1).onFailureDestination(DLQ)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((RequestStreamHandler) (in, out, c) -> {
                    String first = JSON.readTree(in).at("/Records/0/kinesis/sequenceNumber").asText();
                    out.write(("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + first + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
                }).build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(h.put("pk", "r" + i));
        }
        h.runUntilIdle();
        List<Invocation> inv = h.invocations().all();
        assertThat(inv).extracting(Invocation::records).containsExactly(records, records); // never a half
        assertThat(inv).extracting(Invocation::attempt).containsExactly(1, 2);
        assertThat(inv.get(1).startedAt()).isEqualTo(inv.get(0).endedAt().plusSeconds(1)); // retry back-off 0.2
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(dl.condition()).isEqualTo(OnFailureCondition.RetryAttemptsExhausted);
        assertThat(dl.batchSize()).isEqualTo(4);
        assertThat(dl.approximateInvokeCount()).isEqualTo(2);
        assertThat(dl.functionError()).isNull();
        h.ledger().verify();
    }

    @Test
    void partialResponseCheckpointsAtTheLowestFailureAndRedeliversEverythingAfterIt() { // rule 5.5, 13.3
        int[] calls = {0};
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(10)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((e, c) -> {
                    if (calls[0]++ > 0) {
                        return new StreamsEventResponse();
                    }
                    // report records 7 and 4 (out of order, and 4 twice): the checkpoint is record 4
                    List<KinesisEvent.KinesisEventRecord> r = e.getRecords();
                    return new StreamsEventResponse(List.of(
                            new StreamsEventResponse.BatchItemFailure(r.get(7).getKinesis().getSequenceNumber()),
                            new StreamsEventResponse.BatchItemFailure(r.get(4).getKinesis().getSequenceNumber()),
                            new StreamsEventResponse.BatchItemFailure(r.get(4).getKinesis().getSequenceNumber())));
                }).build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(h.put("pk", "r" + i));
        }
        h.runUntilIdle();
        List<Invocation> inv = h.invocations().all();
        assertThat(inv).hasSize(2);
        assertThat(inv.get(0).outcome()).isInstanceOf(Outcome.PartialFailure.class);
        assertThat(inv.get(1).records()).containsExactlyElementsOf(records.subList(4, 10));
        assertThat(inv.get(1).attempt()).isEqualTo(1); // a new batch with a fresh count (rule 5.6)
        assertThat(h.invocations().timeline()).anySatisfy(t -> assertThat(t.text())
                .contains("checkpoint -> " + SequenceRanges.abbreviate(records.get(3).sequenceNumber())));
        h.ledger().verify();
    }

    static Stream<Arguments> invalidPartialResponses() {
        return Stream.of(
                Arguments.of("itemIdentifier 123", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(Map.of("itemIdentifier", 123)))),
                Arguments.of("itemIdentifier \"\"", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(Map.of("itemIdentifier", "")))),
                Arguments.of("itemIdentifier null", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(new java.util.HashMap<>(java.util.Collections.singletonMap("itemIdentifier", null))))),
                Arguments.of("missing key", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(Map.of("foo", seq)))),
                Arguments.of("unknown sequence number", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(Map.of("itemIdentifier", "49000000000000000000000000000000000000000000000000000001")))),
                Arguments.of("valid and invalid mixed", (Function<String, Object>) seq -> Map.of("batchItemFailures",
                        List.of(Map.of("itemIdentifier", seq), Map.of("itemIdentifier", "")))),
                Arguments.of("a string response", (Function<String, Object>) seq -> "foo"),
                Arguments.of("a number response", (Function<String, Object>) seq -> 42));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPartialResponses")
    void invalidPartialResponsesFailTheWholeBatch(String name, Function<String, Object> response) {
        // rule 5.4, 0.6, 13.5
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                        .onFailureDestination(DLQ).build())
                .handler((e, c) ->
                        response.apply(e.getRecords().get(1).getKinesis().getSequenceNumber())).build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();
        assertThat(h.invocations().all()).hasSize(2).allSatisfy(i -> assertThat(i.outcome())
                .isInstanceOfSatisfying(Outcome.FunctionError.class, fe -> {
                    assertThat(fe.kind()).isEqualTo(Outcome.ErrorKind.BATCH_FAILURE_RESPONSE);
                    assertThat(fe.functionError()).isNull();
                }));
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        assertThat(dl.batchSize()).isEqualTo(2);
        assertThat(dl.functionError()).isNull();
        assertThat(dl.json()).contains("\"functionError\":null");
        h.ledger().verify();
    }

    static Stream<Arguments> emptyResponses() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("[]", List.of()),
                Arguments.of("{}", Map.of()),
                Arguments.of("{\"batchItemFailures\":[]}", Map.of("batchItemFailures", List.of())),
                Arguments.of("{\"batchItemFailures\":null}",
                        new java.util.HashMap<>(java.util.Collections.singletonMap("batchItemFailures", null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyResponses")
    void theFiveEmptyResponsesEachSucceedWithOneInvocation(String name, Object response) { // rule 5.3
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder()
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((e, c) -> response).build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();
        assertThat(h.invocations().all()).singleElement()
                .satisfies(i -> assertThat(i.outcome().isSuccess()).isTrue());
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(2);
    }

    @Test
    void aPartialResponseWithoutReportBatchItemFailuresIsIgnoredAndWarnedAbout() { // rule 5.1, 13.6
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler((e, c) -> new StreamsEventResponse(
                        List.of(new StreamsEventResponse.BatchItemFailure(
                                e.getRecords().get(0).getKinesis().getSequenceNumber())))).build();
        h.put("pk", "lost");
        h.runUntilIdle();
        assertThat(h.invocations().count()).isEqualTo(1);
        assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(1);
        assertThat(h.invocations().warnings()).singleElement().asString()
                .contains("does not enable FunctionResponseTypes ReportBatchItemFailures").contains("LOST");
    }

    @Test
    void aTimedOutInvocationLastsExactlyTheTimeoutAndKeepsItsSideEffects() { // rule 0.4
        List<String> sideEffects = new ArrayList<>();
        VirtualClock[] clock = new VirtualClock[1];
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build())
                .functionTimeout(Duration.ofSeconds(120))
                .handler((e, c) -> {
                    sideEffects.add("written at " + clock[0].now());
                    clock[0].sleep(Duration.ofSeconds(200));
                    sideEffects.add("never");
                    return null;
                }).build();
        clock[0] = h.clock();
        h.put("pk", "slow");
        h.runUntilIdle();
        Invocation inv = h.invocations().all().get(0);
        assertThat(inv.duration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(inv.outcome()).isInstanceOfSatisfying(Outcome.FunctionError.class, fe -> {
            assertThat(fe.kind()).isEqualTo(Outcome.ErrorKind.TIMEOUT);
            assertThat(fe.errorMessage()).isEqualTo("Task timed out after 120.00 seconds");
            assertThat(fe.functionError()).isEqualTo("Unhandled");
        });
        assertThat(sideEffects).containsExactly("written at " + T0);
    }

    @Test
    void aHandlerThatCatchesTheTimeoutStillTimesOutAndTheNextAttemptGetsAFreshEnvironment() { // rule 0.4
        VirtualClock[] clock = new VirtualClock[1];
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).build())
                .handler((e, c) -> {
                    try {
                        clock[0].sleep(Duration.ofSeconds(10));
                    } catch (Throwable swallowed) {
                        return null;
                    }
                    return null;
                }).build();
        clock[0] = h.clock();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT", "TIMEOUT");
        assertThat(h.invocations().all()).extracting(Invocation::environmentId).containsExactly("env-1", "env-2");
        assertThat(h.invocations().all()).extracting(Invocation::coldStart).containsExactly(true, true);
    }

    @Test
    void remainingTimeComesFromTheVirtualClock() { // rule 0.4
        List<Integer> remaining = new ArrayList<>();
        VirtualClock[] clock = new VirtualClock[1];
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .functionTimeout(Duration.ofSeconds(30))
                .handler((e, c) -> {
                    remaining.add(c.getRemainingTimeInMillis());
                    clock[0].sleep(Duration.ofSeconds(25));
                    remaining.add(c.getRemainingTimeInMillis());
                    return null;
                }).build();
        clock[0] = h.clock();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(remaining).containsExactly(30_000, 5_000);
    }

    @Test
    void errorsThrownByTheHandlerAreFunctionErrorsAndReplaceTheEnvironment() { // rule 4.1
        Iterator<Throwable> errors = List.<Throwable>of(new OutOfMemoryError("Java heap space"),
                new StackOverflowError(), new Exception("checked")).iterator();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(3).build())
                .handler((e, c) -> {
                    if (errors.hasNext()) {
                        sneakyThrow(errors.next());
                    }
                    return null;
                }).build();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(i -> i.outcome().label()).containsExactly(
                "ERROR java.lang.OutOfMemoryError", "ERROR java.lang.StackOverflowError", "ERROR java.lang.Exception",
                "OK");
        assertThat(h.invocations().all()).extracting(Invocation::environmentId)
                .containsExactly("env-1", "env-2", "env-3", "env-3");
        h.ledger().verify();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aThrottledShardDoesNotExhaustItsRetries() { // rule 4.2, 13.10
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).onFailureDestination(DLQ).build())
                .handler(BatchingTest.collect(seen)).build();
        h.faults().always().times(5).throttle();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(i -> i.outcome().label())
                .containsExactly("THROTTLED", "THROTTLED", "THROTTLED", "THROTTLED", "THROTTLED", "OK");
        assertThat(seen).containsExactly("x");
        assertThat(h.deadLetterQueue().isEmpty()).isTrue();
    }

    @Test
    void infiniteRetriesWithoutRecordAgeBlockTheShardUntilRetention() { // rule 4.5, 13.11
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler(failIfAny("poison")).build();
        h.put("pk", "poison");
        h.put("pk", "innocent");
        h.advance(Duration.ofMinutes(45));
        ShardPosition p = h.position("shardId-000000000000");
        assertThat(p.blocked()).isTrue();
        assertThat(p.iteratorAge()).isEqualTo(Duration.ofMinutes(45));
        assertThat(p.checkpoint()).isEmpty();
        h.runUntilIdle();
        assertThat(h.clock().now()).isAfter(T0.plus(Duration.ofHours(24)));
        assertThat(h.ledger().count(RecordState.EXPIRED_BY_RETENTION)).isEqualTo(2);
        assertThat(h.invocations().timeline()).anySatisfy(t -> assertThat(t.text()).contains("retention"));
        h.ledger().verify();
    }

    @Test
    void withoutADestinationDiscardedRecordsAreListedAndTheDlqExplainsItself() { // rule 4.4
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build())
                .handler(failIfAny("x")).build();
        StreamRecord x = h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.discarded()).containsExactly(x);
        assertThatThrownBy(h::deadLetterQueue).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no on-failure destination").hasMessageContaining("discarded()");
    }

    @Test
    void s3DestinationAddsThePayloadAsAnEscapedJsonStringAndAnObjectKey() throws Exception { // rule 6.4, 0.9
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0)
                        .onFailureDestination("arn:aws:s3:::failed-batches").build())
                .handler(failIfAny("x")).build();
        h.put("pk", "x");
        h.runUntilIdle();
        DeadLetter dl = h.deadLetterQueue().messages().get(0);
        JsonNode json = JSON.readTree(dl.json());
        assertThat(fieldNames(json)).last().isEqualTo("payload");
        assertThat(json.get("payload").isTextual()).isTrue();
        assertThat(JSON.readTree(json.get("payload").asText()).at("/Records/0/kinesis/data").asText())
                .isEqualTo("eA==");
        assertThat(dl.s3ObjectKey()).hasValueSatisfying(key -> assertThat(key).matches(
                "aws/lambda/[0-9a-f-]{36}/shardId-000000000000/2026/01/01/2026-01-01T00\\.00\\.00-[0-9a-f-]{36}"));
    }
}
