package io.github.streamharness.live;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RetryBackoff;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scenarios of the parity check, each written once and run on both backends. A scenario returns a
 * {@link Transcript}: what the mapping did, without times or sequence-number values, so the two backends compare.
 */
final class ParityScenarios {
    static final String DLQ = "arn:aws:sqs:us-east-1:000000000000:parity-dlq";

    private ParityScenarios() {
    }

    /** The scenarios by name. */
    static Map<String, Function<KinesisBackend, Transcript>> all() {
        Map<String, Function<KinesisBackend, Transcript>> all = new TreeMap<>();
        all.put("poison pill with bisect", ParityScenarios::poisonPillWithBisect);
        all.put("partial batch responses", ParityScenarios::partialResponses);
        all.put("parallelization factor with several keys", ParityScenarios::parallelizationFactor);
        all.put("record age", ParityScenarios::recordAge);
        all.put("several shards", ParityScenarios::severalShards);
        return all;
    }

    /** Throws for any batch holding a record whose data is not JSON. */
    static Object rejectsMalformed(KinesisEvent event, Object context) {
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            if (text(r).startsWith("{not")) {
                throw new IllegalArgumentException("malformed metric in " + r.getKinesis().getPartitionKey());
            }
        }
        return null;
    }

    // rule 4.7, 0.1: the pill is bisected down to itself and sent alone to the destination
    static Transcript poisonPillWithBisect(KinesisBackend backend) {
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("parity-poison")
                .mapping(EventSourceMappingConfig.builder().batchSize(10).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(2).onFailureDestination(DLQ).build())
                .handler((KinesisEvent e, com.amazonaws.services.lambda.runtime.Context c) -> rejectsMalformed(e, c)))) {
            for (int i = 0; i < 8; i++) {
                h.put("pk-" + i, i == 5 ? "{not json" : "{\"metric\":\"cpu\",\"value\":" + i + "}");
            }
            h.runUntilIdle();
            return Transcript.of(h);
        }
    }

    // rule 5.5, 5.6: the records from the lowest reported failure are retried as a new batch
    static Transcript partialResponses(KinesisBackend backend) {
        Set<String> failedOnce = new HashSet<>();
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("parity-partial")
                .mapping(EventSourceMappingConfig.builder().batchSize(6)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES).build())
                .handler((KinesisEvent event, com.amazonaws.services.lambda.runtime.Context c) -> {
                    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
                    for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                        if (text(r).contains("flaky") && failedOnce.add(r.getKinesis().getPartitionKey())) {
                            failures.add(new StreamsEventResponse.BatchItemFailure(r.getKinesis().getSequenceNumber()));
                        }
                    }
                    return new StreamsEventResponse(failures);
                }))) {
            for (int i = 0; i < 10; i++) {
                h.put("pk-" + i, (i == 2 || i == 7 ? "flaky-" : "ok-") + i);
            }
            h.runUntilIdle();
            return Transcript.of(h);
        }
    }

    // rule 3.3, 0.8: a failing key blocks only its own lane
    static Transcript parallelizationFactor(KinesisBackend backend) {
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("parity-pf")
                .mapping(EventSourceMappingConfig.builder().batchSize(4).parallelizationFactor(3)
                        .maximumRetryAttempts(1).onFailureDestination(DLQ).build())
                .handler((KinesisEvent e, com.amazonaws.services.lambda.runtime.Context c) -> rejectsMalformed(e, c)))) {
            for (int round = 0; round < 3; round++) {
                for (int key = 0; key < 6; key++) {
                    h.put("device-" + key, key == 4 && round == 1 ? "{not json" : "{\"round\":" + round + "}");
                }
            }
            h.runUntilIdle();
            return Transcript.of(h);
        }
    }

    // rule 4.6, 0.12: retried without limit until the records are older than MaximumRecordAgeInSeconds. The attempts
    // (at 0, 25, 50, 75 s) stay 10 s clear of the 60 s limit: on a real stream the three records arrive some
    // hundred milliseconds apart (docs/esm-rules.md, "What a real stream does differently"), and with the default
    // back-off (attempts at 31 and 63 s) the 7th attempt fell 3 s after the limit, where that spread (scaled by the
    // time scale 10) split the expiry of the first record from the others
    static Transcript recordAge(KinesisBackend backend) {
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("parity-age")
                .retryBackoff(RetryBackoff.constant(Duration.ofSeconds(25)))
                .mapping(EventSourceMappingConfig.builder().batchSize(10).maximumRecordAgeInSeconds(60)
                        .maximumRetryAttempts(-1).onFailureDestination(DLQ).build())
                .handler((KinesisEvent e, com.amazonaws.services.lambda.runtime.Context c) -> rejectsMalformed(e, c)))) {
            h.put("pk-1", "{\"metric\":\"cpu\"}");
            h.put("pk-2", "{not json");
            h.put("pk-3", "{\"metric\":\"mem\"}");
            h.runUntilIdle();
            return Transcript.of(h);
        }
    }

    // rule 3.1: MD5 routing over the shards' hash-key ranges; each shard is read in order
    static Transcript severalShards(KinesisBackend backend) {
        try (StreamHarness h = backend.build(StreamHarness.builder().streamName("parity-shards").shards(4)
                .mapping(EventSourceMappingConfig.builder().batchSize(5).build())
                .handler((KinesisEvent e, com.amazonaws.services.lambda.runtime.Context c) -> null))) {
            for (int i = 0; i < 40; i++) {
                h.put("customer-" + i, "order-" + i);
            }
            h.runUntilIdle();
            return Transcript.of(h);
        }
    }

    static String text(KinesisEvent.KinesisEventRecord r) {
        var data = r.getKinesis().getData().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * What a mapping did, comparable across backends: per shard (by position) and lane, each invocation's batch as
     * partition key = data, its attempt and outcome; the on-failure messages with their records; where every
     * record was routed.
     */
    record Transcript(Map<String, List<String>> invocationsByLane, List<String> deadLetters,
                      Map<String, Integer> shardOfKey) {
        static Transcript of(StreamHarness h) {
            List<String> shardIds = h.shards().stream().map(s -> s.id()).toList();
            Map<String, List<String>> lanes = new TreeMap<>();
            for (Invocation i : h.invocations().all()) {
                String lane = "shard " + shardIds.indexOf(i.shardId()) + " lane " + i.lane();
                lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(records(i.records()) + " attempt "
                        + i.attempt() + " -> " + outcome(i.outcome()));
            }
            List<String> letters = new ArrayList<>();
            for (DeadLetter d : !h.mapping().hasDestination() ? List.<DeadLetter>of()
                    : h.deadLetterQueue().messages()) {
                letters.add(d.condition() + " approximateInvokeCount " + d.approximateInvokeCount() + " functionError "
                        + d.functionError() + " batchSize " + d.batchSize() + " " + records(d.records()));
            }
            Map<String, Integer> shardOfKey = new TreeMap<>();
            h.shards().forEach(s -> s.records().forEach(r -> shardOfKey.put(r.partitionKey(),
                    shardIds.indexOf(r.shardId()))));
            return new Transcript(lanes, letters, shardOfKey);
        }

        private static String records(List<StreamRecord> records) {
            return records.stream().map(r -> r.partitionKey() + "=" + r.dataAsString())
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private static String outcome(Outcome o) {
            if (o instanceof Outcome.PartialFailure p) {
                return "PartialFailure committing " + p.committedRecords() + " of " + (p.itemIdentifiers().size())
                        + " reported";
            }
            if (o instanceof Outcome.FunctionError e) {
                return "FunctionError " + e.functionError() + " " + e.errorType();
            }
            return o.getClass().getSimpleName();
        }
    }
}
