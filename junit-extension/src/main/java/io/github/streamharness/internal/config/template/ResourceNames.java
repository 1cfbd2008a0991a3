package io.github.streamharness.internal.config.template;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What Ref and Fn::GetAtt return for the resources a mapping refers to, as CloudFormation documents them (spec
 * 18.3): an SQS queue's Ref is its URL and its Arn attribute its ARN; an SNS topic's Ref is its ARN; an S3 bucket's
 * Ref is its name; a Kinesis stream's Ref is its name and its Arn attribute its ARN; a function's Ref is its name.
 * A resource without an explicit name is named by its logical id (modelled: CloudFormation generates one).
 */
final class ResourceNames {
    private static final Map<String, String> NAME_PROPERTY = Map.of(
            "AWS::SQS::Queue", "QueueName",
            "AWS::SNS::Topic", "TopicName",
            "AWS::S3::Bucket", "BucketName",
            "AWS::Kinesis::Stream", "Name",
            "AWS::Lambda::Function", "FunctionName",
            "AWS::Serverless::Function", "FunctionName");

    private final Template template;
    private final Intrinsics intrinsics;
    private final Set<String> naming = new HashSet<>();

    ResourceNames(Template template, Intrinsics intrinsics) {
        this.template = template;
        this.intrinsics = intrinsics;
    }

    /** The resource's physical name: its name property, or its logical id. */
    String physicalName(String id, int line) {
        String property = NAME_PROPERTY.get(template.type(id));
        var node = property == null ? null : template.properties(id).get(property);
        if (node == null) {
            return id;
        }
        if (!naming.add(id)) {
            throw new Intrinsics.Unresolvable(line, "the name of " + id + " refers to itself");
        }
        try {
            return intrinsics.text(node, id + "." + property);
        } finally {
            naming.remove(id);
        }
    }

    /** What {@code !Ref id} returns for a resource. */
    String ref(String id, int line) {
        String type = template.type(id);
        String name = physicalName(id, line);
        return switch (type) {
            case "AWS::SQS::Queue" -> "https://sqs." + template.region() + "." + urlSuffix() + "/"
                    + template.accountId() + "/" + name;
            case "AWS::SNS::Topic" -> arn("sns", template.region(), template.accountId(), name);
            case "AWS::S3::Bucket", "AWS::Kinesis::Stream", "AWS::Lambda::Function",
                 "AWS::Serverless::Function" -> name;
            default -> throw new Intrinsics.Unresolvable(line, "!Ref " + id + ": the harness does not model what Ref "
                    + "returns for a resource of type " + (type.isEmpty() ? "(none)" : type) + "; write the value "
                    + "literally or make it a parameter and pass its value");
        };
    }

    /** What {@code !GetAtt id.attribute} returns. */
    String attribute(String id, String attribute, int line) {
        String type = template.type(id);
        if (template.resource(id) == null) {
            throw new Intrinsics.Unresolvable(line, "!GetAtt " + id + "." + attribute + ": the template has no "
                    + "resource " + id + " (resources: " + String.join(", ", template.resourceIds()) + ")"
                    + Suggestions.didYouMean(id, template.resourceIds()));
        }
        String region = template.region();
        String account = template.accountId();
        String value = switch (type + "." + attribute) {
            case "AWS::SQS::Queue.Arn" -> arn("sqs", region, account, physicalName(id, line));
            case "AWS::SQS::Queue.QueueName" -> physicalName(id, line);
            case "AWS::SQS::Queue.QueueUrl" -> ref(id, line);
            case "AWS::SNS::Topic.TopicArn" -> ref(id, line);
            case "AWS::SNS::Topic.TopicName" -> physicalName(id, line);
            case "AWS::S3::Bucket.Arn" -> "arn:" + template.partition() + ":s3:::" + physicalName(id, line);
            case "AWS::Kinesis::Stream.Arn" -> arn("kinesis", region, account, "stream/" + physicalName(id, line));
            case "AWS::Lambda::Function.Arn", "AWS::Serverless::Function.Arn" ->
                    arn("lambda", region, account, "function:" + physicalName(id, line));
            default -> null;
        };
        if (value == null) {
            throw new Intrinsics.Unresolvable(line, "!GetAtt " + id + "." + attribute + ": the harness does not "
                    + "model the attribute " + attribute + " of a resource of type " + type + " (it resolves "
                    + "Arn of queues, buckets, streams and functions, TopicArn of topics, QueueName, QueueUrl, "
                    + "TopicName); write the value literally or make it a parameter and pass its value");
        }
        return value;
    }

    private String arn(String service, String region, String account, String resource) {
        return "arn:" + template.partition() + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String urlSuffix() {
        return template.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
