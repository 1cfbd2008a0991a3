package io.github.streamharness.examples.analytics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Lambda behind the analytics stream's SQS on-failure destination: for each message it parses the on-failure
 * record (rule 6.1), reads the discarded records back from the shard through a {@link FailedRecordReader} (the
 * message carries no data, rule 6.3) and sorts out which of them are malformed metrics.
 *
 * <p>A message that is not an on-failure record is reported in {@link DlqSummary#rejected()}, not thrown: retrying
 * it would never succeed. A failure of the reader itself (Kinesis unavailable) propagates, so SQS delivers the
 * messages again.
 */
public class DlqProcessor implements RequestHandler<SQSEvent, DlqSummary> {
    private final FailedRecordReader reader;

    /**
     * A processor reading the failed records through the given reader. In production the reader wraps a Kinesis
     * client (see {@link FailedRecordReader}); this example keeps the Kinesis SDK out of its dependencies.
     */
    public DlqProcessor(FailedRecordReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Resolves every message of the SQS batch and returns what was found. */
    @Override
    public DlqSummary handleRequest(SQSEvent event, Context context) {
        List<SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<DlqSummary.FailedBatch> batches = new ArrayList<>();
        List<DlqSummary.RejectedMessage> rejected = new ArrayList<>();
        for (SQSMessage message : messages) {
            OnFailureRecord failure;
            try {
                failure = OnFailureRecord.parse(message.getBody());
            } catch (IllegalArgumentException e) {
                rejected.add(new DlqSummary.RejectedMessage(message.getMessageId(), e.getMessage()));
                continue;
            }
            List<ShardRecord> records = List.copyOf(reader.read(failure.streamArn(), failure.shardId(),
                    failure.startSequenceNumber(), failure.endSequenceNumber()));
            batches.add(new DlqSummary.FailedBatch(message.getMessageId(), failure, records,
                    records.stream().filter(DlqProcessor::isMalformed).toList()));
        }
        return new DlqSummary(batches, rejected);
    }

    private static boolean isMalformed(ShardRecord record) {
        try {
            MetricRecord.parse(record.data());
            return false;
        } catch (MalformedMetricException e) {
            return true;
        }
    }
}
