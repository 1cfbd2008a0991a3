package io.github.streamharness.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;

/**
 * A handler that does the least a real consumer does: looks at every record's first byte and fails the batch on a
 * record that is not a JSON object (the incident's poison pill), like a handler whose parser throws.
 */
public final class CheapHandler implements RequestHandler<KinesisEvent, Void> {
    private long records;

    @Override
    public Void handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            var data = r.getKinesis().getData();
            if (!data.hasRemaining() || data.get(data.position()) != '{') {
                throw new IllegalArgumentException("not JSON: " + r.getKinesis().getSequenceNumber());
            }
        }
        records += event.getRecords().size();
        return null;
    }

    /** Records in batches that succeeded. */
    public long records() {
        return records;
    }
}
