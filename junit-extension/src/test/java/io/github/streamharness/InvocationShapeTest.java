package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the handler receives and how it runs (section 7, 0.4), filtering through a mapping (section 9). */
class InvocationShapeTest {

    @Test
    void aStreamHandlerReceivesTheExactAwsEventJson() { // rule 7.1, 7.2
        List<String> received = new ArrayList<>();
        StreamHarness h = StreamHarness.builder().streamName("lambda-stream").functionName("f")
                .mapping(EventSourceMappingConfig.defaults())
                .handler((in, out, ctx) -> received.add(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8))).build();
        h.advance(Duration.ofMillis(987));
        StreamRecord r = h.put("1", "Hello, this is a test.");
        h.runUntilIdle();
        assertThat(received).containsExactly("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\","
                + "\"partitionKey\":\"1\",\"sequenceNumber\":\"" + r.sequenceNumber() + "\","
                + "\"data\":\"SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==\",\"approximateArrivalTimestamp\":1767225600.987},"
                + "\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\","
                + "\"eventID\":\"shardId-000000000000:" + r.sequenceNumber() + "\","
                + "\"eventName\":\"aws:kinesis:record\","
                + "\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/f-role\",\"awsRegion\":\"us-east-1\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream\"}]}");
    }

    @Test
    void aStreamHandlersOutputIsReadAsThePartialBatchResponse() { // rule 5.5 through raw JSON
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder()
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler(new RequestStreamHandler() {
                    private int calls;

                    @Override
                    public void handleRequest(InputStream in, OutputStream out, Context ctx) throws java.io.IOException {
                        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (calls++ == 0) {
                            String second = json.split("\"sequenceNumber\":\"")[2].substring(0, 56);
                            out.write(("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + second + "\"}]}")
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }).build();
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(Invocation::batchSize).containsExactly(2, 1);
    }

    @Test
    void eachAttemptGetsAFreshBufferSoAHandlerThatConsumesOrMutatesItDoesNotSpoilTheRetry() { // rule 7.3
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).build())
                .handler((e, c) -> {
                    var data = e.getRecords().get(0).getKinesis().getData();
                    seen.add(data.remaining() + ":" + new String(data.array(), StandardCharsets.UTF_8));
                    data.put(0, (byte) 'X'); // mutate it, as the runtime's writable buffer allows
                    data.position(data.limit()); // and consume it
                    throw new IllegalStateException("retry me");
                }).build();
        StreamRecord r = h.put("pk", "12345");
        h.runUntilIdle();
        assertThat(seen).containsExactly("5:12345", "5:12345");
        assertThat(r.dataAsString()).isEqualTo("12345");
    }

    /** Logs its identity: the runtime creates one instance per execution environment. */
    public static final class CountingHandler implements RequestHandler<KinesisEvent, Void> {
        @Override
        public Void handleRequest(KinesisEvent event, Context context) {
            context.getLogger().log("instance " + System.identityHashCode(this));
            return null;
        }
    }

    @Test
    void aHandlerClassIsInstantiatedOncePerExecutionEnvironment() { // rule 15.2, 0.14: one per environment
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().batchSize(1).parallelizationFactor(2).build())
                .handler(CountingHandler.class).build();
        h.faults().always().latency(Duration.ofMillis(100)); // the two lanes' invocations overlap: two environments
        for (String key : List.of("user-1", "user-2", "user-1", "user-2")) { // lanes 1 and 0 of 2
            h.put(key, "x");
        }
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(Invocation::environmentId).containsOnly("env-1", "env-2");
        assertThat(h.invocations().all()).filteredOn(Invocation::coldStart).hasSize(2);
        assertThat(h.invocations().all().stream().map(i -> i.logs().get(0)).distinct()).hasSize(2);
    }

    @Test
    void coldStartsAndLatencyCountAgainstTheTimeout() { // rule 0.4
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(1).build())
                .functionTimeout(Duration.ofSeconds(10)).handler((e, c) -> null)
                .build();
        h.faults().coldStarts(Duration.ofSeconds(8)).onInvocation(1).latency(Duration.ofSeconds(3));
        h.put("pk", "a");
        h.put("pk", "b");
        h.runUntilIdle();
        List<Invocation> inv = h.invocations().all();
        assertThat(inv.get(0).outcome().label()).isEqualTo("TIMEOUT"); // 8 s cold start + 3 s latency > 10 s
        assertThat(inv.get(0).duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(inv.get(1).coldStart()).isTrue(); // the timeout replaced the environment
        assertThat(inv.get(1).duration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(inv.get(1).outcome().isSuccess()).isTrue();
        assertThat(inv.get(2).coldStart()).isFalse();
        assertThat(inv.get(2).duration()).isZero();
    }

    @Test
    void injectedExceptionsReplaceTheCall() {
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).build())
                .handler(BatchingTest.collect(seen)).build();
        StreamRecord target = h.put("pk", "x");
        h.faults().onRecord(target).times(1).fail("DynamoDB throttled");
        h.runUntilIdle();
        assertThat(h.invocations().all()).extracting(i -> i.outcome().label())
                .containsExactly("ERROR java.lang.RuntimeException", "OK");
        assertThat(seen).containsExactly("x");
    }

    @Test
    void filteredRecordsAreNeverDeliveredAndCountAsProcessed() { // rule 9.1, 9.3, 9.4
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder()
                        .filterPatterns("{\"data\":{\"metric\":[\"cpu\"],\"value\":[{\"numeric\":[\">\",0.5]}]}}",
                                "{\"data\":{\"metric\":[{\"prefix\":\"disk\"}]}}").build())
                .handler(BatchingTest.collect(seen)).build();
        h.put("pk", "{\"metric\":\"cpu\",\"value\":0.9}");
        StreamRecord low = h.put("pk", "{\"metric\":\"cpu\",\"value\":0.1}");
        h.put("pk", "{\"metric\":\"disk-io\",\"value\":3}");
        StreamRecord notJson = h.put("pk", "not json");
        StreamRecord last = h.put("pk", "{\"metric\":\"mem\"}");
        h.runUntilIdle();
        assertThat(seen).containsExactly("{\"metric\":\"cpu\",\"value\":0.9}", "{\"metric\":\"disk-io\",\"value\":3}");
        assertThat(h.ledger().records(RecordState.FILTERED)).containsExactly(low, notJson, last);
        assertThat(h.checkpoint("shardId-000000000000")).contains(last.sequenceNumber());
        h.ledger().verify();
    }

    @Test
    void aFilterOnThePartitionKeyFiltersEveryRecordOutAndWarnsOnceNamingTheKey() { // rule 9.1
        // AWS: "Kinesis event source mappings only support filtering on the data key"
        List<String> seen = new ArrayList<>();
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().filterPatterns("{\"partitionKey\":[\"user-7\"]}").build())
                .handler(BatchingTest.collect(seen)).build();
        StreamRecord a = h.put("user-7", "{\"metric\":\"cpu\"}");
        StreamRecord b = h.put("user-7", "{\"metric\":\"mem\"}");
        h.runUntilIdle();
        assertThat(seen).isEmpty();
        assertThat(h.ledger().records(RecordState.FILTERED)).containsExactly(a, b);
        assertThat(h.invocations().warnings()).singleElement().asString()
                .contains("top-level key \"partitionKey\"", "only support filtering on the data key", "rule 9.1");
        h.ledger().verify();
    }

    @Test
    void aFilteredRecordBeforeAPendingOneDoesNotMoveTheCheckpointPastIt() { // rule 9.4, 3.3
        // found by the differential test: a mapping created over [filtered, pending] checkpointed the pending record
        StreamHarness h = StreamHarness.builder().build();
        StreamRecord dropped = h.put("pk", "{\"keep\":false}");
        StreamRecord kept = h.put("pk", "{\"keep\":true}");
        MappedFunction f = h.addMapping(EventSourceMappingConfig.builder()
                .filterPatterns("{\"data\":{\"keep\":[true]}}").build(), (RequestHandler<KinesisEvent, Void>) (e, c) -> {
                    throw new IllegalStateException("blocked");
                });
        h.advance(Duration.ofSeconds(30));
        assertThat(f.ledger().stateOf(kept)).isEqualTo(RecordState.PENDING);
        assertThat(f.checkpoint("shardId-000000000000")).contains(dropped.sequenceNumber());
        f.ledger().verify();
    }

    @Test
    void aBatchLeftEmptyByFilteringIsNotInvoked() { // rule 2.4, 9.4
        StreamHarness h = StreamHarness.builder()
                .mapping(EventSourceMappingConfig.builder().filterPatterns("{\"data\":{\"keep\":[true]}}").build())
                .handler(BatchingTest.collect(new ArrayList<>())).build();
        h.put("pk", "{\"keep\":false}");
        h.runUntilIdle();
        assertThat(h.invocations().isEmpty()).isTrue();
        assertThat(h.ledger().count(RecordState.FILTERED)).isEqualTo(1);
    }

    @Test
    void anInvalidFilterPatternIsRejectedWithTheAwsMessage() { // rule 1.12
        assertThatThrownBy(() -> EventSourceMappingConfig.builder().filterPatterns("{not json").build())
                .isInstanceOf(InvalidEventSourceMappingException.class)
                .hasMessageStartingWith("Invalid filter pattern definition.");
    }

    /** Takes a String: as an instance it does not compile with handler(..); as a class it is checked at build. */
    public static final class StringHandler implements RequestHandler<String, Void> {
        @Override
        public Void handleRequest(String input, Context context) {
            return null;
        }
    }

    @Test
    void aHandlerClassOfTheWrongEventTypeIsRejectedAtBuildTime() {
        assertThatThrownBy(() -> StreamHarness.builder().handler(StringHandler.class).build())
                .hasMessageContaining("takes java.lang.String").hasMessageContaining("KinesisEvent");
    }

    @Test
    void handlerLogsAreKeptWithTheInvocation() {
        StreamHarness h = StreamHarness.builder().mapping(EventSourceMappingConfig.defaults())
                .handler((e, c) -> {
                    c.getLogger().log("processing " + e.getRecords().size());
                    return null;
                }).build();
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.invocations().all().get(0).logs()).containsExactly("processing 1");
    }
}
