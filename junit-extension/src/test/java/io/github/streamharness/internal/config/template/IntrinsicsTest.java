package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intrinsic functions evaluated as CloudFormation evaluates them (rule 18.3). */
class IntrinsicsTest {
    private static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: prod}
              Names: {Type: CommaDelimitedList, Default: "a,b,c"}
            Mappings:
              Sizes:
                prod: {Batch: 100}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Or [!Condition NotProd, !Equals ["2", 2]]]
            Resources:
              Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "archive-${Stage}"}}
              Topic: {Type: AWS::SNS::Topic}
              Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: !Join ["-", [dlq, !Ref Stage]]}}
            Values:
              sub: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName} ${!Literal}"
              subVars: !Sub ["${Name}-x", {Name: !Select [1, !Ref Names]}]
              split: !Select [2, !Split [",", "x,y,z"]]
              map: !FindInMap [Sizes, !Ref Stage, Batch]
              bucketRef: !Ref Bucket
              bucketArn: !GetAtt Bucket.Arn
              topicArn: !GetAtt Topic.TopicArn
              queueUrl: !GetAtt Queue.QueueUrl
              both: !If [Both, yes, no]
              gone: !If [NotProd, kept, !Ref AWS::NoValue]
              json: !ToJsonString {data: {metric: [cpu]}}
            """;

    private static String value(String name, Map<String, String> values, String region) {
        Template t = new Template("t.yaml", TemplateParser.parse(TEMPLATE, "t.yaml"), values, region, "123456789012");
        TemplateNode v = new Intrinsics(t).resolve(t.section("Values").get(name));
        return v instanceof TemplateNode.Scalar s ? s.text() : v == null ? "(removed)" : v.describe();
    }

    private static String value(String name) {
        return value(name, Map.of(), "us-east-1");
    }

    @Test
    void subReplacesPseudoParametersAttributesAndKeepsEscapedLiterals() {
        assertThat(value("sub")).isEqualTo("arn:aws:sqs:us-east-1:123456789012:dlq-prod ${Literal}");
        assertThat(value("sub", Map.of(), "cn-north-1")).startsWith("arn:aws-cn:sqs:cn-north-1:");
        assertThat(value("subVars")).isEqualTo("b-x");
    }

    @Test
    void listFunctionsAndMappings() {
        assertThat(value("split")).isEqualTo("z");
        assertThat(value("map")).isEqualTo("100");
    }

    @Test
    void refAndGetAttOfBucketsTopicsAndQueues() {
        assertThat(value("bucketRef")).isEqualTo("archive-prod");
        assertThat(value("bucketArn")).isEqualTo("arn:aws:s3:::archive-prod");
        assertThat(value("topicArn")).isEqualTo("arn:aws:sns:us-east-1:123456789012:Topic");
        assertThat(value("queueUrl")).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/dlq-prod");
    }

    @Test
    void conditionsDecideIfAndNoValueRemovesTheProperty() {
        assertThat(value("both")).isEqualTo("yes");
        assertThat(value("gone")).isEqualTo("(removed)");
        assertThat(value("gone", Map.of("Stage", "dev"), "us-east-1")).isEqualTo("kept");
        assertThat(value("json")).isEqualTo("{\"data\":{\"metric\":[\"cpu\"]}}");
    }

    @Test
    void aValueOutsideAllowedValuesOrAnUnknownRefIsUnresolvable() {
        String template = "Parameters: {P: {Type: String, AllowedValues: [a, b]}}\nValues: {v: !Ref P, w: !Ref Nope}";
        Template t = new Template("t.yaml", TemplateParser.parse(template, "t.yaml"), Map.of("P", "c"), "us-east-1",
                "123456789012");
        Intrinsics in = new Intrinsics(t);
        TemplateNode.Mapping values = t.section("Values");
        assertThatThrownBy(() -> in.resolve(values.get("v"))).hasMessage("!Ref P: value 'c' is not one of the "
                + "parameter's AllowedValues [a, b]; CloudFormation would refuse to deploy it");
        assertThatThrownBy(() -> in.resolve(values.get("w"))).hasMessage("!Ref Nope: the template has no parameter "
                + "or resource Nope (parameters: P; resources: )");
    }
}
