package io.github.streamharness;

/** The kinds of on-failure destination a Kinesis event source mapping accepts (rule 1.9, 6). */
public enum DestinationType {
    /** An SQS queue: the message body is the on-failure JSON document (rule 6.3). */
    SQS,
    /** An SNS topic: the notification's Message is the on-failure JSON document (rule 6.3). */
    SNS,
    /** An S3 bucket: the object adds the original event as an escaped JSON string in {@code payload} (rule 6.4). */
    S3;

    /**
     * The destination type of an ARN.
     *
     * @throws InvalidEventSourceMappingException when the ARN is not an SQS queue, SNS topic or S3 bucket ARN
     */
    public static DestinationType ofArn(String arn) {
        String service = arn == null ? null : service(arn);
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

    /**
     * The service of an ARN {@code arn:aws[a-zA-Z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+} (a regular expression read
     * by hand, every part ending at a colon it cannot contain: it ran for every harness, issue 19), or null when
     * {@code arn} is not of that form.
     */
    static String service(String arn) {
        int n = arn.length();
        if (!arn.startsWith("arn:aws")) {
            return null;
        }
        int i = 7;
        while (i < n && (isLetter(arn.charAt(i)) || arn.charAt(i) == '-')) {
            i++;
        }
        if (i == n || arn.charAt(i) != ':') {
            return null;
        }
        int serviceStart = ++i;
        i = skipLowerDigitsHyphens(arn, i);
        if (i == serviceStart || i == n || arn.charAt(i) != ':') {
            return null;
        }
        String service = arn.substring(serviceStart, i);
        i = skipLowerDigitsHyphens(arn, i + 1); // the region
        if (i == n || arn.charAt(i) != ':') {
            return null;
        }
        i++;
        if (i < n && arn.charAt(i) != ':') { // an account id is 12 digits, or nothing
            for (int k = 0; k < 12; k++, i++) {
                if (i == n || arn.charAt(i) < '0' || arn.charAt(i) > '9') {
                    return null;
                }
            }
        }
        if (i == n || arn.charAt(i) != ':') {
            return null;
        }
        i++;
        if (i == n) {
            return null; // the resource is at least one character
        }
        for (; i < n; i++) {
            char c = arn.charAt(i);
            // '.' matches anything but a line terminator
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return service;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int skipLowerDigitsHyphens(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) >= 'a' && s.charAt(i) <= 'z' || s.charAt(i) >= '0' && s.charAt(i) <= '9'
                || s.charAt(i) == '-')) {
            i++;
        }
        return i;
    }
}
