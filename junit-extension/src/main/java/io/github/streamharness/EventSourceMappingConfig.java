package io.github.streamharness;

import io.github.streamharness.internal.config.MappingValidation;
import io.github.streamharness.internal.filter.FilterCriteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of a Lambda event source mapping for a Kinesis stream, under their AWS names (section 1), with AWS's
 * defaults except {@code StartingPosition}, which defaults to {@code TRIM_HORIZON} in the harness. Immutable;
 * {@link Builder#build()} validates every value the way {@code CreateEventSourceMapping} does.
 */
public final class EventSourceMappingConfig {
    /** The number of records per batch AWS uses when BatchSize is not given (rule 1.1). */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The maximum number of filters per mapping without a quota increase (rule 1.12). */
    public static final int MAX_FILTERS = 5;
    /** CloudFormation's maximum length of one filter pattern (rule 1.12). */
    public static final int MAX_PATTERN_LENGTH = 4096;

    private final int batchSize;
    private final int maximumBatchingWindowInSeconds;
    private final int parallelizationFactor;
    private final StartingPosition startingPosition;
    private final Instant startingPositionTimestamp;
    private final boolean bisectBatchOnFunctionError;
    private final int maximumRetryAttempts;
    private final int maximumRecordAgeInSeconds;
    private final Set<FunctionResponseType> functionResponseTypes;
    private final String onFailureDestination;
    private final int tumblingWindowInSeconds;
    private final List<String> filterPatterns;
    private final boolean enabled;
    private final FilterCriteria filterCriteria;

    private EventSourceMappingConfig(Builder b, FilterCriteria filterCriteria) {
        this.batchSize = b.batchSize;
        this.maximumBatchingWindowInSeconds = b.maximumBatchingWindowInSeconds;
        this.parallelizationFactor = b.parallelizationFactor;
        this.startingPosition = b.startingPosition;
        this.startingPositionTimestamp = b.startingPositionTimestamp;
        this.bisectBatchOnFunctionError = b.bisectBatchOnFunctionError;
        this.maximumRetryAttempts = b.maximumRetryAttempts;
        this.maximumRecordAgeInSeconds = b.maximumRecordAgeInSeconds;
        this.functionResponseTypes = b.functionResponseTypes.isEmpty()
                ? Set.of() : Set.copyOf(b.functionResponseTypes);
        this.onFailureDestination = b.onFailureDestination;
        this.tumblingWindowInSeconds = b.tumblingWindowInSeconds;
        this.filterPatterns = List.copyOf(b.filterPatterns);
        this.enabled = b.enabled;
        this.filterCriteria = filterCriteria;
    }

    /** A builder with AWS's defaults (and StartingPosition TRIM_HORIZON). */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS defaults, with StartingPosition TRIM_HORIZON. */
    public static EventSourceMappingConfig defaults() {
        return builder().build();
    }

    /**
     * The mapping a CloudFormation or SAM template (YAML or JSON, or {@code cdk synth} output) deploys, with the
     * parameters' Defaults, in us-east-1 and account 123456789012 (rule 18.3); see {@link TemplateFunction#read}.
     *
     * @param logicalId an AWS::Lambda::EventSourceMapping, or "FunctionLogicalId/EventName" for a SAM Kinesis event
     * @throws InvalidTemplateException naming the file, line and property path, and what to do
     */
    public static EventSourceMappingConfig fromTemplate(java.nio.file.Path template, String logicalId) {
        return TemplateFunction.read(template, logicalId).mapping();
    }

    /** As {@link #fromTemplate(java.nio.file.Path, String)}, with parameter values (they win over Defaults). */
    public static EventSourceMappingConfig fromTemplate(java.nio.file.Path template, String logicalId,
                                                        java.util.Map<String, String> parameterValues) {
        return TemplateFunction.read(template, logicalId, parameterValues).mapping();
    }

    /**
     * The mapping of a CreateEventSourceMapping request's JSON or of {@code aws lambda get-event-source-mapping} /
     * {@code create-event-source-mapping} output (AWS member names; read-only members ignored, rule 18.3).
     */
    public static EventSourceMappingConfig fromJson(String json) {
        return io.github.streamharness.internal.config.template.MappingReader.readApiJson(json);
    }

    /** A builder holding this configuration's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.batchSize = batchSize;
        b.maximumBatchingWindowInSeconds = maximumBatchingWindowInSeconds;
        b.parallelizationFactor = parallelizationFactor;
        b.startingPosition = startingPosition;
        b.startingPositionTimestamp = startingPositionTimestamp;
        b.bisectBatchOnFunctionError = bisectBatchOnFunctionError;
        b.maximumRetryAttempts = maximumRetryAttempts;
        b.maximumRecordAgeInSeconds = maximumRecordAgeInSeconds;
        b.functionResponseTypes.addAll(functionResponseTypes);
        b.onFailureDestination = onFailureDestination;
        b.tumblingWindowInSeconds = tumblingWindowInSeconds;
        b.filterPatterns.addAll(filterPatterns);
        b.enabled = enabled;
        return b;
    }

    /** BatchSize: the maximum number of records per invocation, 1..10000 (rule 1.1). */
    public int batchSize() {
        return batchSize;
    }

    /** MaximumBatchingWindowInSeconds: how long to gather records before invoking, 0..300 (rule 1.2, 2.3). */
    public int maximumBatchingWindowInSeconds() {
        return maximumBatchingWindowInSeconds;
    }

    /** ParallelizationFactor: concurrent batches per shard, 1..10 (rule 1.3, 3.2). */
    public int parallelizationFactor() {
        return parallelizationFactor;
    }

    /** StartingPosition (rule 1.4, 2.6). */
    public StartingPosition startingPosition() {
        return startingPosition;
    }

    /** StartingPositionTimestamp, present only with AT_TIMESTAMP (rule 1.5). */
    public Optional<Instant> startingPositionTimestamp() {
        return Optional.ofNullable(startingPositionTimestamp);
    }

    /** BisectBatchOnFunctionError (rule 1.6, 4.7, 0.1). */
    public boolean bisectBatchOnFunctionError() {
        return bisectBatchOnFunctionError;
    }

    /** MaximumRetryAttempts: -1 (infinite) or 0..10000; N gives N+1 invocations (rule 1.7). */
    public int maximumRetryAttempts() {
        return maximumRetryAttempts;
    }

    /** MaximumRecordAgeInSeconds: -1 (infinite) or 60..604800 (rule 1.8, 4.6). */
    public int maximumRecordAgeInSeconds() {
        return maximumRecordAgeInSeconds;
    }

    /** FunctionResponseTypes (rule 1.10). */
    public Set<FunctionResponseType> functionResponseTypes() {
        return functionResponseTypes;
    }

    /** Whether the mapping honours partial batch responses (rule 5.1). */
    public boolean reportBatchItemFailures() {
        return functionResponseTypes.contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
    }

    /** DestinationConfig.OnFailure.Destination: an SQS, SNS or S3 ARN, if configured (rule 1.9, 6). */
    public Optional<String> onFailureDestination() {
        return Optional.ofNullable(onFailureDestination);
    }

    /** TumblingWindowInSeconds: 0 (off) .. 900 (rule 1.11, 8). */
    public int tumblingWindowInSeconds() {
        return tumblingWindowInSeconds;
    }

    /** FilterCriteria patterns, each a JSON string; a record is delivered if any matches (rule 1.12, 9). */
    public List<String> filterPatterns() {
        return filterPatterns;
    }

    /** Enabled: false pauses polling; re-enabling resumes from the checkpoint (rule 1.13). */
    public boolean enabled() {
        return enabled;
    }

    /** The compiled filter, for the engine. */
    FilterCriteria filterCriteria() {
        return filterCriteria;
    }

    @Override
    public String toString() {
        return "EventSourceMappingConfig{BatchSize=" + batchSize
                + ", MaximumBatchingWindowInSeconds=" + maximumBatchingWindowInSeconds
                + ", ParallelizationFactor=" + parallelizationFactor
                + ", StartingPosition=" + startingPosition
                + (startingPositionTimestamp == null ? "" : ", StartingPositionTimestamp=" + startingPositionTimestamp)
                + ", BisectBatchOnFunctionError=" + bisectBatchOnFunctionError
                + ", MaximumRetryAttempts=" + maximumRetryAttempts
                + ", MaximumRecordAgeInSeconds=" + maximumRecordAgeInSeconds
                + ", FunctionResponseTypes=" + functionResponseTypes.stream().map(FunctionResponseType::awsName).toList()
                + ", OnFailureDestination=" + (onFailureDestination == null ? "none" : onFailureDestination)
                + ", TumblingWindowInSeconds=" + tumblingWindowInSeconds
                + ", FilterPatterns=" + filterPatterns
                + ", Enabled=" + enabled + "}";
    }

    /** Builder with setters named exactly as the AWS API parameters. */
    public static final class Builder {
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maximumBatchingWindowInSeconds = 0;
        private int parallelizationFactor = 1;
        private StartingPosition startingPosition = StartingPosition.TRIM_HORIZON;
        private Instant startingPositionTimestamp;
        private boolean bisectBatchOnFunctionError;
        private int maximumRetryAttempts = -1;
        private int maximumRecordAgeInSeconds = -1;
        private final Set<FunctionResponseType> functionResponseTypes = EnumSet.noneOf(FunctionResponseType.class);
        private String onFailureDestination;
        private int tumblingWindowInSeconds;
        private final List<String> filterPatterns = new ArrayList<>();
        private boolean enabled = true;

        private Builder() {
        }

        /** BatchSize, 1..10000, default 100. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** MaximumBatchingWindowInSeconds, 0..300, default 0. */
        public Builder maximumBatchingWindowInSeconds(int seconds) {
            this.maximumBatchingWindowInSeconds = seconds;
            return this;
        }

        /** ParallelizationFactor, 1..10, default 1. */
        public Builder parallelizationFactor(int factor) {
            this.parallelizationFactor = factor;
            return this;
        }

        /** StartingPosition; null is rejected at build time with AWS's message. */
        public Builder startingPosition(StartingPosition position) {
            this.startingPosition = position;
            return this;
        }

        /** StartingPosition given as AWS spells it (LATEST, TRIM_HORIZON, AT_TIMESTAMP); others are rejected. */
        public Builder startingPosition(String position) {
            if (position == null) {
                this.startingPosition = null;
                return this;
            }
            try {
                this.startingPosition = StartingPosition.valueOf(position);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventSourceMappingException("StartingPosition",
                        "1 validation error detected: Value '" + position + "' at 'startingPosition' failed to "
                                + "satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, "
                                + "TRIM_HORIZON]");
            }
            return this;
        }

        /** StartingPositionTimestamp, with StartingPosition AT_TIMESTAMP only. */
        public Builder startingPositionTimestamp(Instant timestamp) {
            this.startingPositionTimestamp = timestamp;
            return this;
        }

        /** BisectBatchOnFunctionError, default false. */
        public Builder bisectBatchOnFunctionError(boolean bisect) {
            this.bisectBatchOnFunctionError = bisect;
            return this;
        }

        /** MaximumRetryAttempts, -1 (infinite, default) or 0..10000. */
        public Builder maximumRetryAttempts(int attempts) {
            this.maximumRetryAttempts = attempts;
            return this;
        }

        /** MaximumRecordAgeInSeconds, -1 (infinite, default) or 60..604800. */
        public Builder maximumRecordAgeInSeconds(int seconds) {
            this.maximumRecordAgeInSeconds = seconds;
            return this;
        }

        /** FunctionResponseTypes; replaces any earlier value. */
        public Builder functionResponseTypes(FunctionResponseType... types) {
            this.functionResponseTypes.clear();
            this.functionResponseTypes.addAll(Arrays.asList(types));
            return this;
        }

        /** DestinationConfig.OnFailure.Destination: SQS queue, SNS topic or S3 bucket ARN; "" or null removes it. */
        public Builder onFailureDestination(String arn) {
            this.onFailureDestination = arn == null || arn.isEmpty() ? null : arn;
            return this;
        }

        /** TumblingWindowInSeconds, 0..900. */
        public Builder tumblingWindowInSeconds(int seconds) {
            this.tumblingWindowInSeconds = seconds;
            return this;
        }

        /** FilterCriteria patterns (each a JSON string, EventBridge syntax); replaces any earlier value. */
        public Builder filterPatterns(String... jsonPatterns) {
            this.filterPatterns.clear();
            this.filterPatterns.addAll(Arrays.asList(jsonPatterns));
            return this;
        }

        /** Enabled, default true. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Validates every parameter as CreateEventSourceMapping does and builds the configuration.
         *
         * @throws InvalidEventSourceMappingException naming the parameter, the value and the valid range
         */
        public EventSourceMappingConfig build() {
            FilterCriteria criteria = MappingValidation.validate(startingPosition, startingPositionTimestamp,
                    batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                    maximumRecordAgeInSeconds, tumblingWindowInSeconds, onFailureDestination, filterPatterns);
            return new EventSourceMappingConfig(this, criteria);
        }
    }
}
