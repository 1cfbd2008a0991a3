package io.github.streamharness.examples.demo;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A poison pill in a stream of JSON metrics, first with AWS's default mapping (the shard stalls), then with
 * bisection, bounded retries and an SQS on-failure destination (the pill is isolated): prints both timelines.
 */
public final class Demo {
    private Demo() {
    }

    /** Runs both configurations and prints what the shard did. */
    public static void main(String[] args) {
        RequestHandler<KinesisEvent, Void> parser = (event, context) -> {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String json = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                if (!json.startsWith("{")) {
                    throw new IllegalArgumentException("malformed metric: " + json);
                }
            }
            return null;
        };
        run("before the fix: AWS defaults (MaximumRetryAttempts -1, no bisection, no destination)",
                EventSourceMappingConfig.builder().batchSize(10).build(), parser);
        run("after the fix: BisectBatchOnFunctionError, MaximumRetryAttempts 3, SQS on-failure destination",
                EventSourceMappingConfig.builder().batchSize(10).bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(3)
                        .onFailureDestination("arn:aws:sqs:us-east-1:123456789012:analytics-dlq").build(), parser);
    }

    private static void run(String title, EventSourceMappingConfig config, RequestHandler<KinesisEvent, Void> handler) {
        try (StreamHarness h = StreamHarness.builder().streamName("analytics-stream").mapping(config)
                .handler(handler).functionName("analytics-stream-processor").build()) {
            StreamRecord poison = null;
            for (int i = 0; i < 10; i++) {
                StreamRecord r = h.put("host-" + i, i == 6 ? "not json" : "{\"metric\":\"cpu\",\"v\":" + i + "}");
                if (i == 6) {
                    poison = r;
                }
            }
            h.advance(Duration.ofMinutes(45));
            System.out.println("== " + title);
            System.out.println(h.invocations().describe(24));
            System.out.println("after 45 virtual minutes: " + h.position("shardId-000000000000"));
            System.out.println("poison pill " + poison + " is " + h.ledger().stateOf(poison));
            System.out.println();
        }
    }
}
