package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    private static final String EDGES = """
            Parameters:
              Stage: {Type: String, Default: prod}
              Names: {Type: CommaDelimitedList, Default: [x, y]}
              BatchSize: {Type: Number, Default: 100}
              Label: {Type: String, Default: 100}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
              AndFalse: !And [!Condition IsProd, !Condition NotProd]
              OrFalse: !Or [!Condition NotProd, !Equals [a, b]]
              Literal: !Not ["false"]
              Upper: !And ["TRUE", !Not ["False"]]
              SameLists: !Equals [[a, b], [a, b]]
              OtherLists: !Equals [[a], [b]]
              Maybe: !Not [maybe]
            Resources:
              Queue: {Type: AWS::SQS::Queue}
              Role: {Type: AWS::IAM::Role}
              Untyped: {Properties: {}}
            Values:
              role: !Ref Role
              untyped: !Ref Untyped
              isProd: !If [IsProd, yes, no]
              notProd: !If [NotProd, yes, no]
              andFalse: !If [AndFalse, yes, no]
              orFalse: !If [OrFalse, yes, no]
              literal: !If [Literal, yes, no]
              upper: !If [Upper, yes, no]
              sameLists: !If [SameLists, yes, no]
              otherLists: !If [OtherLists, yes, no]
              maybe: !If [Maybe, yes, no]
              first: !Select [0, [a, b, c]]
              last: !Select [2, [a, b, c]]
              past: !Select [3, [a, b, c]]
              negative: !Select ["-1", [a, b, c]]
              names: !Select [1, !Ref Names]
              suffix: !Sub "sqs.${AWS::Region}.${AWS::URLSuffix}"
              stack: !Ref AWS::StackName
              json: !ToJsonString {size: !Ref BatchSize, label: !Ref Label}
              jsonText: !ToJsonString {note: "a b \\u0001", word: cpu, count: 3, quoted: "3", yes: true}
              noValueInSub: !Sub "x-${AWS::NoValue}"
              listInSub: !Sub "x-${Names}"
              noValueJoined: !Join ["-", [a, !Ref AWS::NoValue]]
              mapJoined: !Join ["-", [a, {b: c}]]
              joinNothing: !Join ["-", !Ref AWS::NoValue]
              typo: !Ref Stge
            """;

    private static Intrinsics edges(Map<String, String> values, String region) {
        return new Intrinsics(new Template("edges.yaml", TemplateParser.parse(EDGES, "edges.yaml"), values, region,
                "123456789012"));
    }

    private static String edge(Intrinsics in, String name) {
        TemplateNode v = in.resolve(new Template("edges.yaml", TemplateParser.parse(EDGES, "edges.yaml"), Map.of(),
                "us-east-1", "123456789012").section("Values").get(name));
        return v instanceof TemplateNode.Scalar s ? s.text() : v == null ? "(removed)" : v.describe();
    }

    private static String edge(String name) {
        return edge(edges(Map.of(), "us-east-1"), name);
    }

    private static String failure(String name) {
        Intrinsics in = edges(Map.of(), "us-east-1");
        return org.assertj.core.api.Assertions.catchThrowableOfType(Intrinsics.Unresolvable.class,
                () -> edge(in, name)).getMessage();
    }

    @Test
    void andOrNotAndEqualsOfListsDecideConditionsAsCloudFormationDoes() {
        // rule 18.3: Fn::And is true only if all are, Fn::Or if any is; Fn::Equals compares lists by value
        assertThat(edge("isProd")).isEqualTo("yes");
        assertThat(edge("notProd")).isEqualTo("no");
        assertThat(edge("andFalse")).isEqualTo("no");
        assertThat(edge("orFalse")).isEqualTo("no");
        assertThat(edge("sameLists")).isEqualTo("yes");
        assertThat(edge("otherLists")).isEqualTo("no");
    }

    @Test
    void aConditionOfTheLiteralsTrueOrFalseInAnyCaseIsThatValueAndAnythingElseIsRefused() {
        // rule 18.3
        assertThat(edge("literal")).isEqualTo("yes");
        assertThat(edge("upper")).isEqualTo("yes");
        assertThat(failure("maybe")).isEqualTo("a condition must be true or false, got 'maybe'");
    }

    @Test
    void aConditionUsedTwiceKeepsItsValue() {
        // rule 18.3: a condition is evaluated once per stack
        Intrinsics in = edges(Map.of(), "us-east-1");
        assertThat(List.of(edge(in, "isProd"), edge(in, "isProd"), edge(in, "notProd"), edge(in, "notProd")))
                .containsExactly("yes", "yes", "no", "no");
    }

    @Test
    void selectTakesIndexesFromZeroToTheLastAndRefusesOthers() {
        // rule 18.3
        assertThat(edge("first")).isEqualTo("a");
        assertThat(edge("last")).isEqualTo("c");
        assertThat(edge("names")).isEqualTo("y"); // a CommaDelimitedList whose Default is a YAML list
        assertThat(failure("past")).isEqualTo("!Select [3,[\"a\",\"b\",\"c\"]]: index 3 is outside the list of 3 "
                + "item(s)");
        assertThat(failure("negative")).isEqualTo("!Select [\"-1\",[\"a\",\"b\",\"c\"]]: index -1 is outside the "
                + "list of 3 item(s)");
    }

    @Test
    void urlSuffixFollowsThePartitionOfTheRegion() {
        // rule 18.3: AWS::URLSuffix is amazonaws.com, amazonaws.com.cn in China
        assertThat(edge("suffix")).isEqualTo("sqs.us-east-1.amazonaws.com");
        assertThat(edge(edges(Map.of(), "cn-north-1"), "suffix")).isEqualTo("sqs.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void aPseudoParameterKnownOnlyOnceDeployedTakesThePassedValueOrSaysHowToPassIt() {
        // rule 18.3
        assertThat(edge(edges(Map.of("AWS::StackName", "orders-prod"), "us-east-1"), "stack"))
                .isEqualTo("orders-prod");
        assertThat(failure("stack")).isEqualTo("!Ref AWS::StackName is known only once the stack is deployed; pass "
                + "its value with the parameter values, e.g. Map.of(\"AWS::StackName\", \"...\")");
    }

    @Test
    void aNumberParameterIsANumberInJsonAndAStringParameterAString() {
        // rule 18.3: Fn::ToJsonString
        assertThat(edge("json")).isEqualTo("{\"size\":100,\"label\":\"100\"}");
        assertThat(edge("jsonText")).isEqualTo("{\"note\":\"a b \\u0001\",\"word\":\"cpu\",\"count\":3,"
                + "\"quoted\":\"3\",\"yes\":true}");
    }

    @Test
    void whatCannotBeTextOrAListIsRefusedNamingWhatItGives() {
        // rule 18.3
        assertThat(failure("noValueInSub")).isEqualTo("!Sub 'x-${AWS::NoValue}': ${AWS::NoValue} is AWS::NoValue, "
                + "which cannot be put into a string");
        assertThat(failure("listInSub")).isEqualTo("!Sub 'x-${Names}': ${Names} is a list, which cannot be put "
                + "into a string");
        assertThat(failure("noValueJoined")).isEqualTo("!Join needs a string, but !Ref AWS::NoValue gives "
                + "AWS::NoValue");
        assertThat(failure("mapJoined")).isEqualTo("!Join needs a string, but a map gives a map");
        assertThat(failure("joinNothing")).isEqualTo("!Join [\"-\",{\"Ref\":\"AWS::NoValue\"}] needs a list, got "
                + "nothing");
    }

    @Test
    void aRefOfAResourceTheHarnessDoesNotModelSaysToWriteTheValue() {
        // rule 18.3
        assertThat(failure("role")).isEqualTo("!Ref Role: the harness does not model what Ref returns for a resource "
                + "of type AWS::IAM::Role; write the value literally or make it a parameter and pass its value");
        assertThat(failure("untyped")).isEqualTo("!Ref Untyped: the harness does not model what Ref returns for a "
                + "resource of type (none); write the value literally or make it a parameter and pass its value");
    }

    @Test
    void aMisspeltRefSuggestsTheNearestParameterOrResource() {
        // rule 18.3
        assertThat(failure("typo")).isEqualTo("!Ref Stge: the template has no parameter or resource Stge "
                + "(parameters: Stage, Names, BatchSize, Label; resources: Queue, Role, Untyped); did you mean Stage?");
    }

    @Test
    void anIntrinsicIsDescribedAsItIsWrittenInYaml() {
        // rule 18.3: the form error messages show
        TemplateNode.Mapping values = TemplateParser.parse("""
                a: !GetAtt Dlq.Arn
                b: !Sub "arn:${AWS::Partition}:sqs"
                c: !Ref Dlq
                d: !GetAtt [Dlq, Arn, Extra]
                e: {Bucket: x}
                """, "d.yaml") instanceof TemplateNode.Mapping m ? m : null;
        assertThat(Intrinsics.describe(values.get("a"))).isEqualTo("!GetAtt Dlq.Arn");
        assertThat(Intrinsics.describe(values.get("b"))).isEqualTo("!Sub 'arn:${AWS::Partition}:sqs'");
        assertThat(Intrinsics.describe(values.get("c"))).isEqualTo("!Ref Dlq");
        assertThat(Intrinsics.describe(values.get("d"))).isEqualTo("!GetAtt [\"Dlq\",\"Arn\",\"Extra\"]");
        assertThat(Intrinsics.describe(values.get("e"))).isEqualTo("a map");
    }
}
