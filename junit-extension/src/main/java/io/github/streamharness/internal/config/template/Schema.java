package io.github.streamharness.internal.config.template;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The property names of the documents the harness reads, from the CloudFormation and SAM resource references and
 * the Lambda API (rule 18.3). {@link #MODELLED} carries the mapping parameters of section 1; the others are
 * valid names the harness accepts and does not model (a name in neither set is a misspelling).
 *
 * @param description what the document is, for messages
 * @param accepted    valid names the harness ignores or uses only to find related resources
 * @param readOnly    names of an API response that a request cannot set (ignored)
 * @param onFailure   the names valid inside DestinationConfig.OnFailure
 * @param destination the names valid inside DestinationConfig
 */
record Schema(String description, Set<String> accepted, Set<String> readOnly, Set<String> onFailure,
              Set<String> destination) {

    /** The mapping parameters of section 1, under their AWS names (the same in CFN, SAM and the API). */
    static final Set<String> MODELLED = Set.of("BatchSize", "BisectBatchOnFunctionError", "DestinationConfig",
            "Enabled", "FilterCriteria", "FunctionResponseTypes", "MaximumBatchingWindowInSeconds",
            "MaximumRecordAgeInSeconds", "MaximumRetryAttempts", "ParallelizationFactor", "StartingPosition",
            "StartingPositionTimestamp", "TumblingWindowInSeconds");

    /** CloudFormation's AWS::Lambda::EventSourceMapping. */
    static final Schema CFN_MAPPING = new Schema("an AWS::Lambda::EventSourceMapping", Set.of(
            "AmazonManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig", "EventSourceArn", "FunctionName",
            "KmsKeyArn", "LoggingConfig", "MetricsConfig", "ProvisionedPollerConfig", "Queues", "ScalingConfig",
            "SelfManagedEventSource", "SelfManagedKafkaEventSourceConfig", "SourceAccessConfigurations", "Tags",
            "Topics"), Set.of(), Set.of("Destination"), Set.of("OnFailure"));

    /** The Properties of a SAM function's event of Type Kinesis. */
    static final Schema SAM_KINESIS = new Schema("a SAM Kinesis event", Set.of("Stream", "KmsKeyArn",
            "MetricsConfig"), Set.of(), Set.of("Destination", "Type"), Set.of("OnFailure"));

    /** CreateEventSourceMapping's request and get-event-source-mapping's output (rule 18.3). */
    static final Schema API = new Schema("a CreateEventSourceMapping request or get-event-source-mapping output",
            Set.of("AmazonManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig", "EventSourceArn",
                    "FunctionName", "KMSKeyArn", "LoggingConfig", "MetricsConfig", "ProvisionedPollerConfig",
                    "Queues", "ScalingConfig", "SelfManagedEventSource", "SelfManagedKafkaEventSourceConfig",
                    "SourceAccessConfigurations", "Tags", "Topics", "FilterCriteriaError"),
            Set.of("UUID", "FunctionArn", "EventSourceMappingArn", "State", "StateTransitionReason", "LastModified",
                    "LastProcessingResult"), Set.of("Destination"), Set.of("OnFailure", "OnSuccess"));

    /** The properties of an AWS::Serverless::Function (and of Globals.Function, a subset of them). */
    static final Set<String> SAM_FUNCTION = Set.of("Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "AutoPublishCodeSha256", "CapacityProviderConfig",
            "CodeSigningConfigArn", "CodeUri", "DeadLetterQueue", "DeploymentPreference", "Description",
            "DurableConfig", "Environment", "EphemeralStorage", "EventInvokeConfig", "Events", "FileSystemConfigs",
            "FunctionName", "FunctionScalingConfig", "FunctionUrlConfig", "Handler", "ImageConfig", "ImageUri",
            "InlineCode", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "PackageType", "PermissionsBoundary",
            "Policies", "PropagateTags", "ProvisionedConcurrencyConfig", "RecursiveLoop",
            "ReservedConcurrentExecutions", "Role", "RolePath", "Runtime", "RuntimeManagementConfig",
            "SnapStart", "SourceKMSKeyArn", "Tags", "Tenancy", "Timeout", "Tracing", "VersionDescription",
            "VersionDeletionPolicy", "VpcConfig");

    /** The properties of an AWS::Lambda::Function. */
    static final Set<String> CFN_FUNCTION = Set.of("Architectures", "CapacityProviderConfig", "Code",
            "CodeSigningConfigArn", "DeadLetterConfig", "Description", "DurableConfig", "Environment",
            "EphemeralStorage", "FileSystemConfigs", "FunctionName", "FunctionScalingConfig", "Handler",
            "ImageConfig", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "PackageType", "RecursiveLoop",
            "ReservedConcurrentExecutions", "Role", "Runtime", "RuntimeManagementConfig", "SnapStart", "Tags",
            "TenancyConfig", "Timeout", "TracingConfig", "VpcConfig");

    /** Every valid top-level property name, sorted, for "the valid names are" lists. */
    List<String> valid() {
        TreeSet<String> all = new TreeSet<>(MODELLED);
        all.addAll(accepted);
        all.addAll(readOnly);
        return List.copyOf(all);
    }

    /** Whether {@code name} is valid here. */
    boolean isValid(String name) {
        return MODELLED.contains(name) || accepted.contains(name) || readOnly.contains(name);
    }
}
