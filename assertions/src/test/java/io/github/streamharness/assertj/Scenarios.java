package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real harness scenarios the assertion tests run against. */
final class Scenarios {
    static final String DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";
    static final String SHARD_0 = "shardId-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {
    }

    /** A handler that parses every record as JSON and throws on the first one that is not. */
    static RequestHandler<KinesisEvent, Void> parsesJson() {
        return (event, context) -> {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String text = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                try {
                    JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("not JSON: " + text);
                }
            }
            return null;
        };
    }

    /** The records and harness of a scenario. */
    record Run(StreamHarness stream, List<StreamRecord> records) {
        StreamRecord record(int i) {
            return records.get(i);
        }
    }

    /**
     * Poison pill with bisection (rule 4.7, 0.1): ten JSON records in one batch, record 3 is not JSON; two retries
     * and an SQS destination. The poison record is isolated by bisection and sent alone.
     */
    static Run poisonPillWithBisection() {
        return poisonPillWithBisection(3);
    }

    /** As {@link #poisonPillWithBisection()}, with the records at {@code poison} not JSON. */
    static Run poisonPillWithBisection(int... poison) {
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        for (int p : poison) {
            bad.add(p);
        }
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(10)
                .bisectBatchOnFunctionError(true).maximumRetryAttempts(2).onFailureDestination(DLQ_ARN).build())
                .handler(parsesJson()).functionName("orders-fn").build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(stream.put("user-" + i, bad.contains(i) ? "{not json" : "{\"id\":" + i + "}"));
        }
        stream.runUntilIdle();
        return new Run(stream, records);
    }

    /**
     * A shard blocked by a poison record (rule 3.3): BatchSize 2, infinite retries, no bisection; record 2 of five
     * fails every time. After 30 virtual seconds [0,1] is done and [2,3] is being retried.
     */
    static Run blockedShard() {
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(2)
                .maximumRetryAttempts(-1).onFailureDestination(DLQ_ARN).build())
                .handler(parsesJson()).functionName("orders-fn").build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(stream.put("user-" + i, i == 2 ? "{not json" : "{\"id\":" + i + "}"));
        }
        stream.advance(java.time.Duration.ofSeconds(30));
        return new Run(stream, records);
    }

    /**
     * Record age (rule 4.6): a record 61 s old when a mapping with MaximumRecordAgeInSeconds 60 starts goes to the
     * destination as RecordAgeExceeded, the fresh one is invoked.
     */
    static Run recordTooOld() {
        StreamHarness stream = StreamHarness.builder().build();
        StreamRecord old = stream.put("user-0", "{\"id\":0}");
        stream.advance(java.time.Duration.ofSeconds(61));
        StreamRecord fresh = stream.put("user-1", "{\"id\":1}");
        stream.addMapping(EventSourceMappingConfig.builder().maximumRecordAgeInSeconds(60)
                .onFailureDestination(DLQ_ARN).build(), parsesJson(), FunctionSettings.named("orders-fn"));
        stream.runUntilIdle();
        return new Run(stream, List.of(old, fresh));
    }

    /**
     * Partial batch response (rule 5.5): five records in one batch, the handler reports record 2 failed the first
     * time; records 0 and 1 are committed and 2..4 are retried as a new batch.
     */
    static Run partialResponse() {
        java.util.Set<String> reported = new java.util.HashSet<>();
        RequestHandler<KinesisEvent, com.amazonaws.services.lambda.runtime.events.StreamsEventResponse> handler =
                (event, context) -> {
                    List<com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure> failures =
                            new ArrayList<>();
                    for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                        String seq = r.getKinesis().getSequenceNumber();
                        if (r.getKinesis().getPartitionKey().equals("user-2") && reported.add(seq)) {
                            failures.add(new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse
                                    .BatchItemFailure(seq));
                        }
                    }
                    return new com.amazonaws.services.lambda.runtime.events.StreamsEventResponse(failures);
                };
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(5)
                .functionResponseTypes(io.github.streamharness.FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .build()).handler(handler).functionName("orders-fn").build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(stream.put("user-" + i, "{\"id\":" + i + "}"));
        }
        stream.runUntilIdle();
        return new Run(stream, records);
    }

    /**
     * ParallelizationFactor 2, BatchSize 1 (rule 3.2, 0.8: lane = MD5(key) mod 2): key "a" is in lane 1 and fails
     * once, blocking b, c, d, f behind it; "e", alone in lane 0, goes first: per-key order holds, per-shard order
     * does not.
     */
    static Run parallelLanesWithOneRetry() {
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(1)
                .parallelizationFactor(2).build()).handler(parsesJson()).functionName("orders-fn").build();
        List<StreamRecord> records = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            records.add(stream.put(key, "{\"key\":\"" + key + "\"}"));
        }
        stream.faults().onRecord(records.get(0)).times(1).fail("transient");
        stream.runUntilIdle();
        return new Run(stream, records);
    }

    /** Five good JSON records, BatchSize 2, no failure: three batches, each record delivered once. */
    static Run allGood() {
        StreamHarness stream = StreamHarness.builder().mapping(EventSourceMappingConfig.builder().batchSize(2)
                .onFailureDestination(DLQ_ARN).build()).handler(parsesJson()).functionName("orders-fn").build();
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(stream.put("user-" + i, "{\"id\":" + i + "}"));
        }
        stream.runUntilIdle();
        return new Run(stream, records);
    }
}
