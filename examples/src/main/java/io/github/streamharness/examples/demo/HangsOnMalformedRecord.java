package io.github.streamharness.examples.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.VirtualClock;
import java.time.Duration;

/**
 * Cause A of the incident: the handler's parser hangs on a record cut short (it waits for the rest of a JSON
 * document that never comes) until Lambda ends the invocation at the function timeout. It spends the wait on the
 * harness's virtual clock (rule 0.4), so a 30 s or 120 s timeout costs no real time; records without the defect are
 * handed to the real handler.
 */
final class HangsOnMalformedRecord implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    /** Longer than any function timeout (900 s): the invocation always ends by timing out. */
    private static final Duration HANG = Duration.ofMinutes(20);

    private final VirtualClock clock;
    private final RequestHandler<KinesisEvent, StreamsEventResponse> handler;

    HangsOnMalformedRecord(VirtualClock clock, RequestHandler<KinesisEvent, StreamsEventResponse> handler) {
        this.clock = clock;
        this.handler = handler;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            java.nio.ByteBuffer data = r.getKinesis().getData();
            if (data.limit() > 0 && data.get(data.limit() - 1) != '}') {
                clock.sleep(HANG); // crosses the timeout: Lambda's "Task timed out after 30.00 seconds"
            }
        }
        return handler.handleRequest(event, context);
    }
}
