package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The on-failure messages of an SQS destination as a function subscribed to that queue receives them: an
 * {@link SQSEvent} with one message per on-failure record, the JSON as its body, and the attributes SQS adds
 * (rule 6.3). Ids are derived from the message, so the same run gives the same event.
 */
final class DeadLetterSqsEvent {
    /** The sender id of the AWS documentation's sample SQS event. */
    static final String SENDER_ID = "AIDAIENQZJOLO23YVJ4VO";

    private DeadLetterSqsEvent() {
    }

    static SQSEvent of(String destinationArn, List<DeadLetter> messages) {
        if (DestinationType.ofArn(destinationArn) != DestinationType.SQS) {
            throw new IllegalStateException("asSqsEvent(): the on-failure destination " + destinationArn + " is not an "
                    + "SQS queue, so no function receives these messages as an SQSEvent; use messages() (an SNS "
                    + "topic's subscribers get an SNSEvent, an S3 bucket holds objects).");
        }
        String region = destinationArn.split(":", -1)[3];
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            DeadLetter m = messages.get(i);
            String sent = Long.toString(m.timestamp().toEpochMilli());
            UUID id = UUID.nameUUIDFromBytes((destinationArn + "#" + i + "#" + m.json())
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", sent);
            attributes.put("SenderId", SENDER_ID);
            attributes.put("ApproximateFirstReceiveTimestamp", sent);
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(id.toString());
            message.setReceiptHandle("AQEB" + Base64.getEncoder().encodeToString((id + ":" + sent)
                    .getBytes(StandardCharsets.UTF_8)));
            message.setBody(m.json());
            message.setAttributes(attributes);
            message.setMessageAttributes(new LinkedHashMap<>());
            message.setMd5OfBody(md5Hex(m.json()));
            message.setEventSource("aws:sqs");
            message.setEventSourceArn(destinationArn);
            message.setAwsRegion(region);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    static String md5Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }
}
