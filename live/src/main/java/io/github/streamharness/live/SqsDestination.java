package io.github.streamharness.live;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.streamharness.DeadLetter;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.DestinationType;
import io.github.streamharness.MappedFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SQS queue as a mapping's on-failure destination (rule 6.3): each on-failure message whose destination ARN
 * names an SQS queue is sent to that queue on the configured endpoint with SendMessage, its body the exact
 * on-failure JSON; {@link #readBack(String)} receives the queue's real messages as the {@link SQSEvent} a
 * DLQ-processing function gets. The queue is found by the ARN's name and account (GetQueueUrl); it must exist.
 */
public final class SqsDestination implements AutoCloseable {
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new HashMap<>();
    private final Map<Object, Integer> forwarded = new HashMap<>();

    /** A destination sending through {@code sqs} (closed with this object). */
    public SqsDestination(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** A destination on an SQS endpoint URL ({@code aws} for the real one), credentials from the default chain. */
    public static SqsDestination at(String endpoint) {
        return new SqsDestination(LiveSettings.of("aws").withSqsEndpoint(endpoint).sqsClient());
    }

    /** Creates a standard queue (CreateQueue) on the endpoint; returns its URL. */
    public String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** Sends each mapping's on-failure messages not sent yet to their SQS queues, in order. */
    public void forward(List<MappedFunction> mappings) {
        for (MappedFunction m : mappings) {
            if (m.hasDestination()) {
                forward(m.uuid(), m.deadLetterQueue());
            }
        }
    }

    /** Sends the queue's messages not sent yet (by this object) to their SQS queue. */
    public void forward(DeadLetterQueue queue) {
        forward(queue, queue);
    }

    private void forward(Object key, DeadLetterQueue queue) {
        if (DestinationType.ofArn(queue.destinationArn()) != DestinationType.SQS) {
            return;
        }
        List<DeadLetter> messages = queue.messages();
        int sent = forwarded.getOrDefault(key, 0);
        for (int i = sent; i < messages.size(); i++) {
            DeadLetter m = messages.get(i);
            String url = queueUrl(m.destinationArn());
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(m.json()));
            forwarded.put(key, i + 1);
        }
    }

    /**
     * Receives every message now in the queue named by {@code queueArn} (without deleting them, so a visibility
     * timeout hides them from the next receive) as the SQSEvent Lambda gives a function subscribed to the queue.
     */
    public SQSEvent readBack(String queueArn) {
        String url = queueUrl(queueArn);
        String region = queueArn.split(":", -1)[3];
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        while (true) {
            List<Message> page = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (page.isEmpty()) {
                break;
            }
            for (Message m : page) {
                records.add(toLambda(m, queueArn, region));
            }
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.SQSMessage toLambda(Message m, String queueArn, String region) {
        SQSEvent.SQSMessage out = new SQSEvent.SQSMessage();
        out.setMessageId(m.messageId());
        out.setReceiptHandle(m.receiptHandle());
        out.setBody(m.body());
        out.setMd5OfBody(m.md5OfBody());
        Map<String, String> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        out.setAttributes(attributes);
        out.setMessageAttributes(new LinkedHashMap<>());
        out.setEventSource("aws:sqs");
        out.setEventSourceArn(queueArn);
        out.setAwsRegion(region);
        return out;
    }

    private String queueUrl(String arn) {
        return queueUrls.computeIfAbsent(arn, a -> {
            String[] parts = a.split(":", -1);
            try {
                return sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
            } catch (QueueDoesNotExistException e) {
                throw new IllegalStateException("the on-failure destination " + a + " names queue " + parts[5]
                        + ", which does not exist on the configured SQS endpoint; create it first (CreateQueue), or "
                        + "leave streamharness.sqs.endpoint unset to keep on-failure messages in-process", e);
            }
        });
    }

    @Override
    public void close() {
        sqs.close();
    }
}
