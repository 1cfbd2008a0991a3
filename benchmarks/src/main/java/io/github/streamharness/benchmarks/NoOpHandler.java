package io.github.streamharness.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;

/**
 * The cheapest handler that still looks at its event: it counts records and data bytes, so the JIT cannot drop the
 * event, and returns null (a success, rule 5.2).
 */
public final class NoOpHandler implements RequestHandler<KinesisEvent, Void> {
    private long records;
    private long bytes;

    @Override
    public Void handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            bytes += r.getKinesis().getData().remaining();
        }
        records += event.getRecords().size();
        return null;
    }

    /** Records seen so far. */
    public long records() {
        return records;
    }

    /** Data bytes seen so far. */
    public long bytes() {
        return bytes;
    }
}
