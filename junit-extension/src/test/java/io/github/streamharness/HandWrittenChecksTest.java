package io.github.streamharness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks written by hand instead of a regular expression (they ran for every harness, issue 19) accept exactly
 * what the expressions they replace accepted: the function name (rule 15.1's naming) and the on-failure destination
 * ARN's service (rule 1.9), over hand-picked edge cases and random strings made of the characters that matter.
 */
class HandWrittenChecksTest {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern ARN = Pattern.compile("arn:(aws[a-zA-Z-]*):([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");

    @Test
    void theFunctionNameCheckAcceptsWhatTheExpressionAccepted() {
        List<String> names = new ArrayList<>(List.of("", "a", "test-function", "my_fn-2", "my function", "fn.x",
                "é", "a".repeat(64), "a".repeat(65), "UPPER_lower-09", "fn:1", "\u0660"));
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 20_000; i++) { // mostly valid characters, now and then one that is not
            String alphabet = random.nextBoolean() ? "aZz09_-" : "aZz09_-. :/é\n";
            names.add(randomString(random, alphabet, random.nextInt(70)));
        }
        int valid = 0;
        for (String name : names) {
            boolean expected = NAME.matcher(name).matches();
            assertThat(FunctionSettings.isFunctionName(name)).as("'%s'", name).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("valid names among the cases").isGreaterThan(500);
        assertThat(FunctionSettings.isFunctionName(null)).isFalse();
    }

    @Test
    void theDestinationArnReaderFindsTheServiceTheExpressionFound() {
        List<String> arns = new ArrayList<>(List.of("arn:aws:sqs:us-east-1:123456789012:analytics-dlq",
                "arn:aws:sns:us-east-1:123456789012:my-topic", "arn:aws:s3:::my-bucket",
                "arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q", "arn:aws-cn:sns:cn-north-1:123456789012:t",
                "arn:aws:sqs:us-east-1:12345678901:q", "arn:aws:sqs:us-east-1:1234567890123:q",
                "arn:aws:sqs:us-east-1:123456789012:", "arn:aws:sqs:us-east-1:123456789012:q\n",
                "arn:aws:sqs:us-east-1:123456789012:a:b", "arn:aws::us-east-1:123456789012:q", "arn:aws:SQS:x::q",
                "arn:aws:sqs", "arn:aws:sqs:", "arn:aws:sqs::", "arn:aws:sqs:::", "arn:aws:sqs:::q", "arn:aws",
                "arn:awsx:kafka:us-east-1:123456789012:cluster/c", "arn:aws1:sqs:r:123456789012:q", "arn:aw:sqs::a:q",
                "arn:aws:sqs:us-east-1:123456789012:q\u2028", "arn:aws:sqs:us-east-1:123456789012:q\u0085x", ""));
        SplittableRandom random = new SplittableRandom(20);
        // each part of the form, from values that fit it and values that do not
        String[][] parts = {{"arn:"}, {"aws", "aws-us-gov", "aws-cn", "awsAb", "aw", "aws1", "", "aws:"},
            {":"}, {"sqs", "sns", "s3", "kafka", "", "SQS", "sq s", "s3-x9"}, {":"},
            {"us-east-1", "", "eu-west-2", "US", "a.b"}, {":"},
            {"123456789012", "", "12345", "1234567890123", "12345678901a", "\u0661\u0662"}, {":"},
            {"q", "", "my-dlq", "a:b", "q\n", "q\r", "\u2028", "x\u0085y", ".", "é", "bucket/key"}};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            for (String[] part : parts) {
                if (random.nextInt(40) != 0) { // now and then a part is left out
                    s.append(part[random.nextInt(part.length)]);
                }
            }
            arns.add(s.toString());
        }
        int matching = 0;
        for (String arn : arns) {
            Matcher m = ARN.matcher(arn);
            String expected = m.matches() ? m.group(2) : null;
            assertThat(DestinationType.service(arn)).as("'%s'", arn).isEqualTo(expected);
            matching += expected == null ? 0 : 1;
        }
        assertThat(matching).as("ARNs of the form among the cases").isGreaterThan(500);
    }

    private static String randomString(SplittableRandom random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
