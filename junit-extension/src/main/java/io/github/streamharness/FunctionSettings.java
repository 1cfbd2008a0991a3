package io.github.streamharness;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of one Lambda function (section 15): its name, timeout, memory, concurrency and initialisation. An
 * immutable value, validated when built. The harness's own function takes them from {@link StreamHarness.Builder};
 * a mapping for another function gets its own with
 * {@link StreamHarness#addMapping(EventSourceMappingConfig, Class, FunctionSettings)} and its overloads.
 *
 * <pre>{@code
 * FunctionSettings archiver = FunctionSettings.builder().functionName("archiver")
 *         .timeout(Duration.ofSeconds(60)).memorySize(512).build();
 * }</pre>
 *
 * <p>What the harness does with them: {@code functionName}, {@code timeout} and {@code memorySize} shape every
 * invocation (ARNs, the timeout, the Context). The function's execution environments are a pool (rule 0.14): a free
 * one is reused most recently used first, a new one cold-starts and spends {@code initDuration} in Init, which counts
 * against the timeout (rule 0.15; {@code faults().coldStarts(..)} is the same setting and replaces it while set), and
 * a free one idle longer than {@code keepWarm} is reclaimed. {@code reservedConcurrentExecutions} caps the
 * invocations running at once over every shard and lane (rule 15.3): one more is throttled, retried on its own
 * back-off and never counted as an attempt; {@code provisionedConcurrentExecutions} environments never cold-start and
 * are never reclaimed (rule 15.4).
 */
public final class FunctionSettings {
    // before DEFAULTS: its builder reads them while the class initializes
    private static final Duration MAX_INIT = Duration.ofSeconds(10);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration DEFAULT_KEEP_WARM = Duration.ofMinutes(10);

    /** Lambda's defaults: {@code test-function}, 3 s, 128 MB, unreserved, no provisioned concurrency, no Init time. */
    public static final FunctionSettings DEFAULTS = builder().build();


    private final Optional<String> functionName;
    private final Duration timeout;
    private final int memorySize;
    private final OptionalInt reservedConcurrentExecutions;
    private final int provisionedConcurrentExecutions;
    private final Duration initDuration;
    private final Duration keepWarm;
    private final int maxMemoryUsed;

    private FunctionSettings(Builder b) {
        this.functionName = Optional.ofNullable(b.functionName);
        this.timeout = b.timeout;
        this.memorySize = b.memorySize;
        this.reservedConcurrentExecutions = b.reserved == null ? OptionalInt.empty() : OptionalInt.of(b.reserved);
        this.provisionedConcurrentExecutions = b.provisioned;
        this.initDuration = b.initDuration;
        this.keepWarm = b.keepWarm;
        this.maxMemoryUsed = b.maxMemoryUsed;
    }

    /** A builder with Lambda's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Lambda's defaults with another function name: {@code addMapping(config, handler, named("archiver"))}. */
    public static FunctionSettings named(String functionName) {
        return builder().functionName(functionName).build();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.functionName = functionName.orElse(null);
        b.timeout = timeout;
        b.memorySize = memorySize;
        b.reserved = reservedConcurrentExecutions.isPresent() ? reservedConcurrentExecutions.getAsInt() : null;
        b.provisioned = provisionedConcurrentExecutions;
        b.initDuration = initDuration;
        b.keepWarm = keepWarm;
        b.maxMemoryUsed = maxMemoryUsed;
        return b;
    }

    /**
     * The function name, when one was given. Without one, the harness's function is {@code test-function} and a
     * further mapping's function is named after it ({@code test-function-2}, ...).
     */
    public Optional<String> functionName() {
        return functionName;
    }

    /** The function timeout (default 3 s). */
    public Duration timeout() {
        return timeout;
    }

    /** Memory in MB (default 128), reported by the Context. */
    public int memorySize() {
        return memorySize;
    }

    /** Reserved concurrency; empty when unreserved (the default, no limit). Enforced over every lane (rule 15.3). */
    public OptionalInt reservedConcurrentExecutions() {
        return reservedConcurrentExecutions;
    }

    /** Provisioned concurrency, 0 by default: environments without Init, never reclaimed (rule 15.4). */
    public int provisionedConcurrentExecutions() {
        return provisionedConcurrentExecutions;
    }

    /** The Init phase of each new environment, zero by default; it counts against the timeout (rule 0.15). */
    public Duration initDuration() {
        return initDuration;
    }

    /** How long an idle on-demand environment stays warm, 10 minutes by default (rule 0.14). */
    public Duration keepWarm() {
        return keepWarm;
    }

    /**
     * The {@code Max Memory Used} of the function's REPORT lines, in MB (default 90, shown as at most the memory
     * size): a modelled constant, since the test JVM's heap is not the function's (rule 16.2).
     */
    public int maxMemoryUsed() {
        return maxMemoryUsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionSettings f && functionName.equals(f.functionName) && timeout.equals(f.timeout)
                && memorySize == f.memorySize && reservedConcurrentExecutions.equals(f.reservedConcurrentExecutions)
                && provisionedConcurrentExecutions == f.provisionedConcurrentExecutions
                && initDuration.equals(f.initDuration) && keepWarm.equals(f.keepWarm)
                && maxMemoryUsed == f.maxMemoryUsed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionName, timeout, memorySize, reservedConcurrentExecutions,
                provisionedConcurrentExecutions, initDuration, keepWarm, maxMemoryUsed);
    }

    @Override
    public String toString() {
        return "FunctionSettings[" + functionName.orElse("(default name)") + ", timeout " + timeout + ", "
                + memorySize + " MB, reserved " + (reservedConcurrentExecutions.isPresent()
                ? reservedConcurrentExecutions.getAsInt() : "none") + ", provisioned "
                + provisionedConcurrentExecutions + ", init " + initDuration + ", keep warm " + keepWarm
                + ", max memory used " + maxMemoryUsed + " MB]";
    }

    /**
     * Whether {@code name} is 1 to 64 of {@code [a-zA-Z0-9_-]}, as Lambda accepts (checked by hand: a regex cost
     * every test that builds a harness more than the rest of the check, issue 19).
     */
    static boolean isFunctionName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Builds {@link FunctionSettings}; each setter checks its value and says what is accepted. */
    public static final class Builder {
        private String functionName;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int memorySize = 128;
        private Integer reserved;
        private int provisioned;
        private Duration initDuration = Duration.ZERO;
        private Duration keepWarm = DEFAULT_KEEP_WARM;
        private int maxMemoryUsed = 90;

        private Builder() {
        }

        /** The REPORT lines' {@code Max Memory Used}, 1 to 10240 MB (default 90; a modelled value, rule 16.2). */
        public Builder maxMemoryUsed(int megabytes) {
            if (megabytes < 1 || megabytes > 10_240) {
                throw new IllegalArgumentException("Max Memory Used is 1 to 10240 MB, got " + megabytes);
            }
            this.maxMemoryUsed = megabytes;
            return this;
        }

        /** The function name: 1 to 64 letters, digits, hyphens or underscores, as Lambda accepts. */
        public Builder functionName(String name) {
            if (!isFunctionName(name)) {
                throw new IllegalArgumentException("a Lambda function name is 1 to 64 letters, digits, hyphens (-) "
                        + "or underscores (_), got " + (name == null ? "null" : "'" + name + "'"));
            }
            this.functionName = name;
            return this;
        }

        /** The function timeout, 1 s to 900 s (rule 15.1). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("a Lambda function timeout is 1 to 900 seconds, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Memory in MB, 128 to 10240 (rule 15.1). */
        public Builder memorySize(int megabytes) {
            if (megabytes < 128 || megabytes > 10_240) {
                throw new IllegalArgumentException("Lambda memory is 128 to 10240 MB, got " + megabytes);
            }
            this.memorySize = megabytes;
            return this;
        }

        /** Reserved concurrency: 0 or more; 0 throttles every invocation (rule 15.3). */
        public Builder reservedConcurrentExecutions(int executions) {
            if (executions < 0) {
                throw new IllegalArgumentException("reservedConcurrentExecutions must be 0 or more (0 throttles "
                        + "every invocation; leave it unset for an unreserved function), got " + executions);
            }
            this.reserved = executions;
            return this;
        }

        /** Provisioned concurrency: 0 (none, the default) or more, at most the reserved one (rule 15.4). */
        public Builder provisionedConcurrentExecutions(int executions) {
            if (executions < 0) {
                throw new IllegalArgumentException("provisionedConcurrentExecutions must be 0 or more (0 means no "
                        + "provisioned concurrency), got " + executions);
            }
            this.provisioned = executions;
            return this;
        }

        /** The Init phase of each new environment, 0 to 10 s (rule 15.2: Init is limited to 10 s). */
        public Builder initDuration(Duration duration) {
            Objects.requireNonNull(duration, "initDuration");
            if (duration.isNegative() || duration.compareTo(MAX_INIT) > 0) {
                throw new IllegalArgumentException("initDuration must be 0 to 10 seconds (Lambda limits the Init "
                        + "phase to 10 s), got " + duration);
            }
            this.initDuration = duration;
            return this;
        }

        /** How long an idle on-demand environment stays warm, positive (default 10 minutes, rule 0.14). */
        public Builder keepWarm(Duration duration) {
            Objects.requireNonNull(duration, "keepWarm");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("keepWarm must be positive, got " + duration);
            }
            this.keepWarm = duration;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException when provisioned concurrency exceeds reserved concurrency (rule 15.4:
         *                                  provisioned concurrency does not raise the reserved limit)
         */
        public FunctionSettings build() {
            if (reserved != null && provisioned > reserved) {
                throw new IllegalArgumentException("provisionedConcurrentExecutions " + provisioned + " exceeds "
                        + "reservedConcurrentExecutions " + reserved + ": provisioned environments count against the "
                        + "function's reserved concurrency (rule 15.4). Raise the reserved concurrency or lower the "
                        + "provisioned one.");
            }
            return new FunctionSettings(this);
        }
    }
}
