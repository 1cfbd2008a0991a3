package io.github.streamharness.examples.analytics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code analytics-stream-processor} Lambda of the incident: reads JSON metric records from Kinesis, aggregates
 * them per (metric, minute) into count, sum, min and max, and merges the aggregates into DynamoDB.
 *
 * <p>A batch is handled in three steps: parse every record (in batch order), group the samples by (metric, minute),
 * write each group once. What happens to a record that does not parse is chosen by
 * {@link AnalyticsConfig#failureReporting()}:
 * <ul>
 *   <li>{@link FailureReporting#THROW}: the handler throws before writing anything; the whole batch fails, as in the
 *       incident, and its retries are governed by the event source mapping (section 4).</li>
 *   <li>{@link FailureReporting#REPORT_FIRST_FAILURE}: the records before the first bad one are written and the
 *       response reports the bad one's sequence number (rule 5.2); Lambda redelivers from there (rule 5.5).</li>
 *   <li>{@link FailureReporting#REPORT_ALL_FAILURES}: every good record is written and every bad one reported; the
 *       good records after the first bad one are delivered again (rule 5.5, rule 13.3).</li>
 * </ul>
 * A DynamoDB error is not a record's fault: it propagates and fails the whole batch in every mode.
 * How a group is merged, and whether a redelivered record is counted twice, is chosen by
 * {@link AnalyticsConfig#writeMode()} (see {@link WriteMode}).
 */
public class AnalyticsStreamProcessor implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    private final AnalyticsConfig config;
    private final AggregateWriter writer;

    /**
     * The constructor the Lambda runtime calls: a {@link DynamoDbClient} with the JDK's URL connection HTTP client
     * and the region and credentials of the function's environment, and settings from its environment variables
     * (see {@link AnalyticsConfig#fromEnvironment(Map)}).
     */
    public AnalyticsStreamProcessor() {
        this(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                AnalyticsConfig.fromEnvironment(System.getenv()));
    }

    /** The incident's handler (additive writes, throws on a poison pill) writing through the given client. */
    public AnalyticsStreamProcessor(DynamoDbClient dynamoDb) {
        this(dynamoDb, AnalyticsConfig.defaults());
    }

    /** A handler writing through the given client with the given settings. */
    public AnalyticsStreamProcessor(DynamoDbClient dynamoDb, AnalyticsConfig config) {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.config = Objects.requireNonNull(config, "config");
        this.writer = switch (config.writeMode()) {
            case ADDITIVE -> new AdditiveAggregateWriter(dynamoDb, config.tables());
            case IDEMPOTENT -> new IdempotentAggregateWriter(dynamoDb, config.tables());
        };
    }

    /** The settings this handler runs with. */
    public AnalyticsConfig config() {
        return config;
    }

    /**
     * Aggregates the batch and writes it; returns the records that failed (empty unless a reporting mode found a
     * malformed record).
     *
     * @throws MalformedMetricException in {@link FailureReporting#THROW} mode, for the first malformed record
     */
    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        List<KinesisEventRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<KeyedSample> samples = new ArrayList<>(records.size());
        List<BatchItemFailure> failures = new ArrayList<>();
        for (KinesisEventRecord record : records) {
            String sequenceNumber = record.getKinesis().getSequenceNumber();
            try {
                samples.add(new KeyedSample(shardId(record), sequenceNumber,
                        MetricRecord.parse(bytes(record.getKinesis().getData()))));
            } catch (MalformedMetricException e) {
                String where = record.getEventID() + ": " + e.getMessage();
                if (config.failureReporting() == FailureReporting.THROW) {
                    throw new MalformedMetricException("malformed record " + where, e);
                }
                log(context, "reporting malformed record " + where);
                failures.add(new BatchItemFailure(sequenceNumber)); // rule 5.2: the sequence number
                if (config.failureReporting() == FailureReporting.REPORT_FIRST_FAILURE) {
                    break;
                }
            }
        }
        for (List<KeyedSample> group : byMetricAndMinute(samples).values()) {
            writer.write(group);
        }
        return new StreamsEventResponse(failures);
    }

    private static Map<GroupKey, List<KeyedSample>> byMetricAndMinute(List<KeyedSample> samples) {
        Map<GroupKey, List<KeyedSample>> groups = new LinkedHashMap<>();
        for (KeyedSample sample : samples) {
            groups.computeIfAbsent(new GroupKey(sample.metric().metric(), sample.metric().minute()),
                    k -> new ArrayList<>()).add(sample);
        }
        return groups;
    }

    /** eventID is {@code shardId:sequenceNumber} (rule 7.2); the record itself does not carry its shard. */
    private static String shardId(KinesisEventRecord record) {
        String eventId = record.getEventID();
        int colon = eventId == null ? -1 : eventId.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Kinesis record without an eventID of the form shardId:sequenceNumber: "
                    + eventId);
        }
        return eventId.substring(0, colon);
    }

    /** Reads the data without consuming the event's buffer, so a retry of the same event object still has it. */
    private static byte[] bytes(ByteBuffer data) {
        if (data == null) {
            return new byte[0];
        }
        ByteBuffer view = data.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private static void log(Context context, String message) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(message);
        }
    }

    private record GroupKey(String metric, Instant minute) {
    }
}
