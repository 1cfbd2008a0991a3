package io.github.streamharness.internal.policy;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.RecordState;
import io.github.streamharness.internal.observe.SequenceRanges;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TimelineEntry;
import io.github.streamharness.WarningKind;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.observe.ObservationSink;
import io.github.streamharness.internal.observe.Timeline;
import io.github.streamharness.internal.time.Scheduler;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries out a {@link FailurePolicy.Discard}: sends the on-failure message (section 6) to the mapping's destination,
 * or, without one, lets the records go (rule 4.4), and says which ledger state the records end in.
 */
public final class OnFailureSender {
    private final OnFailureMessages messages;
    private final Supplier<String> uuids;
    private final Consumer<DeadLetter> deadLetters;
    private final Timeline timeline;
    private final ObservationSink observations;

    /**
     * A sender for one mapping.
     *
     * @param destinationArn the on-failure destination, if any
     * @param uuids          request ids and S3 key parts (seeded, so runs repeat)
     * @param deadLetters    where a message sent goes
     * @param timeline       where the timeline lines go
     * @param observations   where drops and deliveries are counted for the metrics (rule 10.2, 17.2)
     */
    public OnFailureSender(Optional<String> destinationArn, String functionArn, String streamArn,
                           String mappingUuid, EventCodec codec, Supplier<String> uuids,
                           Consumer<DeadLetter> deadLetters, Timeline timeline,
                           ObservationSink observations) {
        this.messages = destinationArn
                .map(arn -> new OnFailureMessages(functionArn, streamArn, arn, mappingUuid, codec))
                .orElse(null);
        this.uuids = uuids;
        this.deadLetters = deadLetters;
        this.timeline = timeline;
        this.observations = observations;
    }

    /**
     * Discards {@code records} as {@code discard} says; {@code requestId} is the last attempt's, or null when none
     * reached the function. Returns the records' ledger state.
     */
    public RecordState send(String shardId, int lane, List<StreamRecord> records, FailurePolicy.Discard discard,
                            String requestId, long now) {
        String range = SequenceRanges.describe(records);
        if (messages == null) {
            observations.recordsDropped(shardId, now, records.size()); // rule 10.2
            timeline.line(now, shardId, lane, TimelineEntry.Kind.ON_FAILURE, records.size() + " record(s) " + range
                    + " discarded (" + discard.condition() + ", approximateInvokeCount " + discard.invokeCount()
                    + "): no on-failure destination is configured, so AWS skips them (rule 4.4)", WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION);
            return RecordState.DISCARDED;
        }
        if (messages.deliveryFails()) {
            observations.destinationDeliveryFailed(shardId, now, records.size()); // rule 6.5
            timeline.line(now, shardId, lane, TimelineEntry.Kind.WARNING, records.size() + " record(s) " + range
                    + " dropped: delivery to the on-failure destination failed (a FIFO queue or topic is not a "
                    + "supported destination type, rule 1.9, 6.5)", WarningKind.DESTINATION_DELIVERY_FAILED);
            return RecordState.DISCARDED;
        }
        DeadLetter message = messages.message(discard.condition(), discard.invokeCount(), discard.functionError(),
                requestId != null ? requestId : uuids.get(), records, Scheduler.toInstant(now), uuids.get());
        deadLetters.accept(message);
        observations.destinationDelivered(shardId, now, records.size());
        timeline.line(now, shardId, lane, TimelineEntry.Kind.ON_FAILURE, records.size() + " record(s) " + range + " sent to "
                + message.destinationArn() + " as " + discard.condition() + " (approximateInvokeCount "
                + discard.invokeCount() + ")", null);
        return RecordState.SENT_TO_DESTINATION;
    }
}
