package io.github.streamharness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The messages a mapping sent to its on-failure destination, in the order it sent them. A live view: it grows as
 * the harness runs.
 */
public final class DeadLetterQueue {
    private final String destinationArn;
    private final List<DeadLetter> messages = new ArrayList<>();
    private InvocationLog invocations;

    /** An empty queue for the destination {@code destinationArn}. */
    public DeadLetterQueue(String destinationArn) {
        this.destinationArn = destinationArn;
    }

    /** The destination ARN. */
    public String destinationArn() {
        return destinationArn;
    }

    /** The messages so far, oldest first. */
    public List<DeadLetter> messages() {
        return Collections.unmodifiableList(new ArrayList<>(messages));
    }

    /** Every record covered by the messages, in message order. */
    public List<StreamRecord> records() {
        List<StreamRecord> all = new ArrayList<>();
        for (DeadLetter m : messages) {
            all.addAll(m.records());
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * The messages as the function behind the queue receives them (a DLQ processor): an {@code SQSEvent}, one
     * message per on-failure record, the JSON as body, with SQS's attributes (SentTimestamp = when the mapping sent
     * it, ApproximateReceiveCount 1, md5OfBody, eventSource {@code aws:sqs}, the queue ARN and region).
     *
     * @throws IllegalStateException when the destination is an SNS topic or an S3 bucket
     */
    public com.amazonaws.services.lambda.runtime.events.SQSEvent asSqsEvent() {
        return DeadLetterSqsEvent.of(destinationArn, messages);
    }

    /** Whether no message was sent. */
    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Number of messages. */
    public int size() {
        return messages.size();
    }

    /** The invocation log of the mapping that sends here, when the queue belongs to a mapping. */
    public java.util.Optional<InvocationLog> invocations() {
        return java.util.Optional.ofNullable(invocations);
    }

    void invocations(InvocationLog log) {
        this.invocations = log;
    }

    /** Appends a message; called by the harness. */
    void add(DeadLetter message) {
        messages.add(message);
    }

    @Override
    public String toString() {
        return "DeadLetterQueue[" + destinationArn + ", " + messages.size() + " message(s)]";
    }
}
