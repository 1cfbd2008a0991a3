package io.github.streamharness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of on-failure destination a Kinesis event source mapping accepts (rule 1.9, 6). */
public enum DestinationType {
    /** An SQS queue: the message body is the on-failure JSON document (rule 6.3). */
    SQS,
    /** An SNS topic: the notification's Message is the on-failure JSON document (rule 6.3). */
    SNS,
    /** An S3 bucket: the object adds the original event as an escaped JSON string in {@code payload} (rule 6.4). */
    S3;

    private static final Pattern ARN = Pattern.compile("arn:(aws[a-zA-Z-]*):([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");

    /**
     * The destination type of an ARN.
     *
     * @throws InvalidEventSourceMappingException when the ARN is not an SQS queue, SNS topic or S3 bucket ARN
     */
    public static DestinationType ofArn(String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        String service = m != null && m.matches() ? m.group(2) : null;
        if ("sqs".equals(service)) {
            return SQS;
        }
        if ("sns".equals(service)) {
            return SNS;
        }
        if ("s3".equals(service) || arn != null && arn.startsWith("arn:aws:s3:::")) {
            return S3;
        }
        throw new InvalidEventSourceMappingException("DestinationConfig",
                "Invalid on-failure destination '" + arn + "': a Kinesis event source mapping accepts an SQS queue ARN "
                        + "(arn:aws:sqs:us-east-1:123456789012:my-dlq), an SNS topic ARN "
                        + "(arn:aws:sns:us-east-1:123456789012:my-topic) or an S3 bucket ARN (arn:aws:s3:::my-bucket); "
                        + "Kafka topics are for Kafka mappings only (rule 1.9).");
    }
}
