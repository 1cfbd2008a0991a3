package io.github.streamharness.internal.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.InvalidTemplateException;
import io.github.streamharness.TemplateFunction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which mapping a logical id names, and the function and stream it comes with (rule 18.3), in a template holding
 * CloudFormation mappings that name their function by Ref, GetAtt, name and ARN, and SAM functions with Kinesis events.
 */
class TemplateReaderTest {
    private static final String KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/";
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 2}
            Resources:
              OrdersStream:
                Type: AWS::Kinesis::Stream
                Properties: {Name: orders, ShardCount: 4}
              OrdersConsumer:
                Type: AWS::Kinesis::StreamConsumer
                Properties: {ConsumerName: orders-efo, StreamARN: !GetAtt OrdersStream.Arn}
              Orders:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: orders-fn, Timeout: 900, MemorySize: 128}
              Billing:
                Type: AWS::Lambda::Function
                Properties: {Timeout: 1}
              Idle:
                Type: AWS::Lambda::Function
                Properties: {Timeout: 3}
              Audit:
                Type: AWS::Serverless::Function
                Properties:
                  Timeout: 90
                  Events:
                    Stream:
                      Type: Kinesis
                      Properties: {Stream: KINESISaudit-events, StartingPosition: LATEST}
                    Nightly:
                      Type: Schedule
                      Properties: {Schedule: rate(1 day)}
              Reports:
                Type: AWS::Serverless::Function
                Properties:
                  ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 5}
                  Events:
                    Efo:
                      Type: Kinesis
                      Properties: {Stream: !Ref OrdersConsumer, StartingPosition: LATEST}
              ByRef:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !Ref Orders, EventSourceArn: !GetAtt OrdersStream.Arn,
                             StartingPosition: TRIM_HORIZON, BatchSize: 10}
              ByArn:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !GetAtt Billing.Arn, EventSourceArn: KINESISbilling,
                             StartingPosition: LATEST, BatchSize: 20}
              ByName:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: orders-fn, EventSourceArn: KINESISorders, StartingPosition: LATEST,
                             BatchSize: 30}
              ByFunctionArn:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:orders-fn",
                             EventSourceArn: KINESISorders, StartingPosition: LATEST, BatchSize: 40}
              Elsewhere:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: other-team-fn, EventSourceArn: !Ref SharedStreamArn,
                             StartingPosition: LATEST, BatchSize: 50}
              Imported:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: other-team-fn, EventSourceArn: !ImportValue shared-stream-arn,
                             StartingPosition: LATEST}
            Parameters:
              SharedStreamArn: {Type: String, Default: "not-an-arn"}
            """.replace("KINESIS", KINESIS);

    private static TemplateFunction read(String logicalId) {
        return TemplateReader.read(TEMPLATE, "stack.yaml", logicalId, Map.of(), "us-east-1", "123456789012");
    }

    private static String failure(String logicalId) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTemplateException.class,
                () -> read(logicalId)).getMessage();
    }

    @Test
    void aMappingIsFoundByItsLogicalIdWhereverItIsInTheTemplate() {
        // rule 18.3
        assertThat(read("ByArn").mapping().batchSize()).isEqualTo(20);
        assertThat(read("ByName").mapping().batchSize()).isEqualTo(30);
    }

    @Test
    void aFunctionNamedByRefGetAttItsNameOrItsArnIsTheMappingsFunction() {
        // rule 18.3: FunctionName takes the function's name, ARN or partial ARN
        assertThat(read("ByRef").functionLogicalId()).contains("Orders");
        assertThat(read("ByArn").functionLogicalId()).contains("Billing");
        assertThat(read("ByArn").functionName()).contains("Billing"); // no FunctionName: named by its logical id
        assertThat(read("ByArn").timeout()).contains(Duration.ofSeconds(1));
        assertThat(read("ByName").functionLogicalId()).contains("Orders");
        assertThat(read("ByFunctionArn").functionLogicalId()).contains("Orders");
        assertThat(read("ByFunctionArn").timeout()).contains(Duration.ofSeconds(900));
        assertThat(read("ByFunctionArn").memorySize()).hasValue(128);
    }

    @Test
    void aFunctionOfAnotherStackLeavesTheFunctionSettingsAndTheStreamToTheHarness() {
        // rule 18.3: FunctionName and EventSourceArn are not modelled; what the template cannot say stays unset
        TemplateFunction f = read("Elsewhere");

        assertThat(f.functionLogicalId()).isEmpty();
        assertThat(f.functionName()).isEmpty();
        assertThat(f.timeout()).isEmpty();
        assertThat(f.streamName()).isEmpty();
        assertThat(f.mapping().batchSize()).isEqualTo(50);
        assertThat(read("Imported").streamName()).isEmpty(); // an export of another stack
    }

    @Test
    void theStreamComesFromItsResourceItsConsumerOrItsArn() {
        // rule 18.3: !GetAtt S.Arn of an AWS::Kinesis::Stream; an EFO consumer's StreamARN; a literal ARN
        assertThat(read("ByRef").streamName()).contains("orders");
        assertThat(read("ByRef").shardCount()).hasValue(4);
        assertThat(read("Reports").streamName()).contains("orders");
        assertThat(read("Reports").shardCount()).hasValue(4);
        assertThat(read("ByArn").streamName()).contains("billing");
        assertThat(read("ByArn").shardCount()).isEmpty();
        assertThat(read("Audit/Stream").streamName()).contains("audit-events");
    }

    @Test
    void aFunctionWithOneKinesisMappingNamesThatMapping() {
        // rule 18.3
        assertThat(read("Billing").logicalId()).isEqualTo("ByArn");
        assertThat(read("Audit").logicalId()).isEqualTo("Audit/Stream"); // its Schedule event is no mapping
        assertThat(read("Audit").timeout()).contains(Duration.ofSeconds(90));
    }

    @Test
    void samProvisionedConcurrencyComesFromTheFunctionElseFromGlobals() {
        // rule 18.3: the function's own value over Globals.Function
        assertThat(read("Reports").provisionedConcurrentExecutions()).hasValue(5);
        assertThat(read("Audit").provisionedConcurrentExecutions()).hasValue(2);
        assertThat(read("ByRef").provisionedConcurrentExecutions()).isEmpty(); // Globals are SAM's only
    }

    @Test
    void aFunctionWithNoneOrSeveralMappingsAsksForTheMappingsName() {
        // rule 18.3
        assertThat(failure("Idle")).isEqualTo("stack.yaml:20: Resources.Idle: function Idle has no Kinesis event, "
                + "and no AWS::Lambda::EventSourceMapping of the template refers to it; the mappings the template "
                + "defines: Audit/Stream, Reports/Efo, ByRef, ByArn, ByName, ByFunctionArn, Elsewhere, "
                + "Imported");
        assertThat(failure("Orders")).isEqualTo("stack.yaml:14: Resources.Orders: function Orders has 3 Kinesis "
                + "mappings; name one: ByRef, ByName, ByFunctionArn");
    }

    @Test
    void anUnknownEventOfASamFunctionListsOnlyThatFunctionsKinesisEvents() {
        // rule 18.3
        assertThat(failure("Audit/Nightly")).isEqualTo("stack.yaml:23: Resources.Audit.Properties.Events: function "
                + "Audit has no Kinesis event Nightly; its Kinesis events: Audit/Stream");
        assertThat(failure("Reports/Efx")).endsWith("its Kinesis events: Reports/Efo; did you mean Reports/Efo?");
    }

    @Test
    void functionSettingsOutsideLambdasRangesAndMalformedOnesAreRefusedWithTheirPath() {
        // rule 18.3, rule 15.1
        assertThat(sam("Timeout: 901", "")).isEqualTo("f.yaml:4: Globals.Function.Timeout: a Lambda function "
                + "timeout is 1 to 900 seconds, got 901.");
        assertThat(sam("", "      MemorySize: 127")).isEqualTo("f.yaml:9: Resources.Fn.Properties.MemorySize: "
                + "Lambda memory is 128 to 10240 MB, got 127.");
        assertThat(sam("ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 0}", ""))
                .isEqualTo("f.yaml:4: Globals.Function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions: "
                        + "provisioned concurrency is at least 1, got 0.");
        assertThat(sam("", "      ProvisionedConcurrencyConfig: 5")).isEqualTo("f.yaml:9: "
                + "Resources.Fn.Properties.ProvisionedConcurrencyConfig: expected a map with "
                + "ProvisionedConcurrentExecutions, got '5'.");
        assertThat(sam("", "      ProvisionedConcurrencyConfig: {AutoPublish: true}")).startsWith("f.yaml:9: "
                + "Resources.Fn.Properties.ProvisionedConcurrencyConfig: expected a map with "
                + "ProvisionedConcurrentExecutions, got a map.");
        assertThat(sam("Tracing: Active\n    Timout: 10", "")).startsWith("f.yaml:5: Globals.Function.Timout: "
                + "unknown property Timout; did you mean Timeout? It is not a property of SAM's Globals.Function");
    }

    /** A SAM function Fn with one Kinesis event, {@code globals} under Globals.Function and {@code own} properties. */
    private static String sam(String globals, String own) {
        String text = "Globals:\n  Function:\n    Runtime: java17\n    " + globals + "\nResources:\n  Fn:\n"
                + "    Type: AWS::Serverless::Function\n    Properties:\n" + (own.isEmpty() ? "" : own + "\n")
                + "      Events:\n        Stream:\n          Type: Kinesis\n          Properties: {Stream: " + KINESIS
                + "s, StartingPosition: LATEST}\n";
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTemplateException.class,
                () -> TemplateReader.read(text, "f.yaml", "Fn", Map.of(), "us-east-1", "123456789012")).getMessage();
    }

    @Test
    void aShardCountThatIsNoNumberOfShardsIsRefused() {
        // rule 18.3
        String text = "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 0}\n"
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties: {FunctionName: f, "
                + "EventSourceArn: !GetAtt S.Arn, StartingPosition: LATEST}\n";
        assertThatThrownBy(() -> TemplateReader.read(text, "s.yaml", "M", Map.of(), "us-east-1", "123456789012"))
                .hasMessage("s.yaml:4: Resources.S.Properties.ShardCount: expected a number of shards (1 or more), "
                        + "got '0'.");
        String none = text.replace("{ShardCount: 0}", "{ShardCount: !Ref AWS::NoValue}");
        assertThatThrownBy(() -> TemplateReader.read(none, "s.yaml", "M", Map.of(), "us-east-1", "123456789012"))
                .hasMessage("s.yaml:4: Resources.S.Properties.ShardCount: expected a number of shards (1 or more), "
                        + "got nothing.");
    }
}
