package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.internal.assembly.HarnessSettings;
import io.github.streamharness.internal.config.Checks;
import io.github.streamharness.internal.stream.StreamLog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The setters of {@link StreamHarness.Builder}, kept apart from the facade (as {@code AbstractStringBuilder} is from
 * {@code StringBuilder}); not a type users name. Every setter checks its value at once; {@link #freeze()} turns the
 * values into the immutable {@link HarnessSettings} a harness reads.
 */
abstract class AbstractHarnessBuilder {
    /** 2026-01-01T00:00:00Z, the default start of the virtual clock (a constant: parsing it cost every test). */
    private static final Instant DEFAULT_START = Instant.ofEpochSecond(1_767_225_600L);
    private String streamName = "test-stream";
    private int shards = 1;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private EventSourceMappingConfig mapping;
    private Object handler;
    private final FunctionSettings.Builder function = FunctionSettings.builder().functionName("test-function");
    private Instant startTime = DEFAULT_START; // 2026-01-01T00:00:00Z
    private long seed = 20_260_101L;
    private Duration retention = Duration.ofHours(24);
    private RetryBackoff retryBackoff = RetryBackoff.DEFAULT;
    private Duration watchdog;
    private int retainedInvocations = Integer.MAX_VALUE;
    private long eventLimit = 10_000_000L;
    private boolean releaseCommittedRecords;
    private int maxRecordSizeInKiB = StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB;
    private io.github.streamharness.spi.StreamBackend backend;
    private Duration mappingCreationDelay = Duration.ZERO;
    private Duration mappingUpdateDelay = Duration.ZERO;

    /** Stream name, default {@code test-stream}. */
    public StreamHarness.Builder streamName(String streamName) {
        this.streamName = Objects.requireNonNull(streamName, "streamName");
        return self();
    }

    /** Number of shards, default 1. */
    public StreamHarness.Builder shards(int shards) {
        this.shards = Checks.range("shards", shards, 1, 10_000);
        return self();
    }

    /** Region of the stream and function, default us-east-1. */
    public StreamHarness.Builder region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return self();
    }

    /** Account id in ARNs, default 123456789012. */
    public StreamHarness.Builder accountId(String accountId) {
        this.accountId = Checks.accountId(accountId);
        return self();
    }

    /** The mapping to create with the harness (defaults when only a handler is given). */
    public StreamHarness.Builder mapping(EventSourceMappingConfig mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        return self();
    }

    /**
     * The function and mapping a CloudFormation/SAM template deploys ({@link TemplateFunction}, rule 18.3): its
     * mapping, timeout, memory, reserved and provisioned concurrency, name, and the stream's name and ShardCount when
     * the stream is in the template; resolved in this builder's region and account (set them first). Setters called
     * after this win.
     */
    public StreamHarness.Builder fromTemplate(java.nio.file.Path template, String logicalId) {
        return fromTemplate(template, logicalId, java.util.Map.of());
    }

    /** As {@link #fromTemplate(java.nio.file.Path, String)}, with parameter values (they win over Defaults). */
    public StreamHarness.Builder fromTemplate(java.nio.file.Path template, String logicalId,
                                              java.util.Map<String, String> parameterValues) {
        return TemplateFunction.read(template, logicalId, parameterValues, region, accountId).applyTo(self());
    }

    /**
     * The handler: an instance shared by every execution environment. A lambda {@code (event, context) -> ...}
     * gets a {@code KinesisEvent}; a {@code RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse>}
     * gets a {@code KinesisTimeWindowEvent}.
     */
    public StreamHarness.Builder handler(RequestHandler<? extends KinesisEvent, ?> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return self();
    }

    /** The handler: a stream handler that receives the event JSON bytes. */
    public StreamHarness.Builder handler(RequestStreamHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return self();
    }

    /** The handler class, instantiated once per execution environment like the Lambda runtime. */
    public StreamHarness.Builder handler(Class<?> handlerClass) {
        this.handler = Objects.requireNonNull(handlerClass, "handlerClass");
        return self();
    }

    /** Function timeout, default 3 s as on Lambda; 1 s to 900 s. */
    public StreamHarness.Builder functionTimeout(Duration timeout) {
        function.timeout(timeout);
        return self();
    }

    /** Function name, default {@code test-function}. */
    public StreamHarness.Builder functionName(String name) {
        function.functionName(name);
        return self();
    }

    /** Memory size in MB (128..10240), reported by the Context. */
    public StreamHarness.Builder memorySize(int megabytes) {
        function.memorySize(megabytes);
        return self();
    }

    /** The REPORT lines' {@code Max Memory Used} in MB, default 90: a modelled value (rule 16.2). */
    public StreamHarness.Builder maxMemoryUsed(int megabytes) {
        function.maxMemoryUsed(megabytes);
        return self();
    }

    /** Reserved concurrency (rule 15.3): at most this many invocations at once; 0 throttles everything. */
    public StreamHarness.Builder reservedConcurrentExecutions(int executions) {
        function.reservedConcurrentExecutions(executions);
        return self();
    }

    /** Provisioned concurrency (rule 15.4): environments initialised ahead, never a cold start. */
    public StreamHarness.Builder provisionedConcurrentExecutions(int executions) {
        function.provisionedConcurrentExecutions(executions);
        return self();
    }

    /** The Init phase of every new execution environment, 0..10 s; it counts against the timeout (rule 0.15). */
    public StreamHarness.Builder initDuration(Duration duration) {
        function.initDuration(duration);
        return self();
    }

    /** How long an idle on-demand environment stays warm (rule 0.14), 10 minutes by default. */
    public StreamHarness.Builder keepWarm(Duration duration) {
        function.keepWarm(duration);
        return self();
    }

    /** Where the virtual clock starts, default 2026-01-01T00:00:00Z. */
    public StreamHarness.Builder startTime(Instant start) {
        this.startTime = Objects.requireNonNull(start, "startTime");
        return self();
    }

    /** Seed of every random choice (request ids, jitter); same seed, same run. */
    public StreamHarness.Builder seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Stream retention period, 24 h (default) to 365 days. */
    public StreamHarness.Builder retention(Duration retention) {
        this.retention = Checks.retention(retention);
        return self();
    }

    /** The wait between retries (rule 0.2), default 1 s doubling to 60 s. */
    public StreamHarness.Builder retryBackoff(RetryBackoff backoff) {
        this.retryBackoff = Objects.requireNonNull(backoff, "retryBackoff");
        return self();
    }

    /**
     * Opt-in real-time watchdog: a handler that blocks for more than {@code wallClockLimit} of real time is
     * interrupted and the invocation recorded as a timeout. Handlers then run on a worker thread.
     */
    public StreamHarness.Builder watchdog(Duration wallClockLimit) {
        this.watchdog = Checks.positive("the watchdog limit", wallClockLimit);
        return self();
    }

    /** Keep only the last {@code n} invocations in detail (long simulations); counts stay exact. */
    public StreamHarness.Builder retainInvocations(int n) {
        this.retainedInvocations = Checks.range("retainInvocations", n, 1, Integer.MAX_VALUE);
        return self();
    }

    /** The number of events one {@code runUntilIdle()} may process before it reports a runaway scenario. */
    public StreamHarness.Builder eventLimit(long limit) {
        this.eventLimit = Checks.range("eventLimit", limit, 1, Long.MAX_VALUE);
        return self();
    }

    /**
     * Lets shards drop records that every mapping has checkpointed past (each mapping's checkpoint record is
     * kept), so hours of virtual traffic run in bounded memory. Off by default. Ledger counts and the on-failure
     * messages stay exact; released records are no longer listed by {@code Shard.records()} or
     * {@code Ledger.records(..)}, so with it on, assert on counts.
     */
    public StreamHarness.Builder releaseCommittedRecords(boolean release) {
        this.releaseCommittedRecords = release;
        return self();
    }

    /**
     * The stream's maximum record size, data plus partition key, in KiB (rule 19.1, Kinesis's
     * MaxRecordSizeInKiB): 1024 (1 MiB, the default) to 10240 (10 MiB). A put over it fails and writes nothing.
     */
    public StreamHarness.Builder maxRecordSizeInKiB(int kib) {
        this.maxRecordSizeInKiB = Checks.maxRecordSizeInKiB(kib);
        return self();
    }

    /**
     * How long each mapping stays Creating before it polls (rule 18.2, 13.13; default 0): a LATEST mapping's
     * position is fixed when it becomes Enabled, so records written meanwhile are never read by it.
     */
    public StreamHarness.Builder mappingCreationDelay(Duration delay) {
        this.mappingCreationDelay = nonNegative(delay, "mappingCreationDelay");
        return self();
    }

    /**
     * How long {@code MappedFunction.update(config)} takes to apply (rule 18.1; AWS: "up to 90 seconds"; default 0):
     * the mapping is Updating and the old configuration applies meanwhile.
     */
    public StreamHarness.Builder mappingUpdateDelay(Duration delay) {
        this.mappingUpdateDelay = nonNegative(delay, "mappingUpdateDelay");
        return self();
    }

    private static Duration nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, got " + d);
        }
        return d;
    }

    EventSourceMappingConfig mapping() {
        return mapping;
    }

    /** The mapping given, or AWS's defaults (with the harness's TRIM_HORIZON) when only a handler was. */
    EventSourceMappingConfig mappingOrDefaults() {
        return mapping != null ? mapping : EventSourceMappingConfig.defaults();
    }

    Object handler() {
        return handler;
    }

    /** The settings as they stand now, checked, as an immutable value. */
    /**
     * Runs the harness over a stream that lives elsewhere (streamharness-live's real Kinesis API) instead of its
     * in-process stream: the mapping rules stay the harness's; records, shard ids and sequence numbers come from the
     * real stream and the clock follows real time. Tests normally get this from streamharness-live's
     * {@code KinesisBackend} rather than calling it.
     */
    public StreamHarness.Builder backend(io.github.streamharness.spi.StreamBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        return self();
    }

    /** The backend, or null for the in-process stream. */
    io.github.streamharness.spi.StreamBackend backend() {
        return backend;
    }

    HarnessSettings freeze() {
        if (mapping != null && handler == null) {
            throw new IllegalStateException("a mapping was configured but no handler: call handler(..) with the "
                    + "function under test, or leave both out for a bare stream and use addMapping(..) later.");
        }
        return new HarnessSettings(streamName, shards, region, accountId, function.build(), startTime, seed, retention,
                retryBackoff, watchdog, retainedInvocations, eventLimit, releaseCommittedRecords,
                maxRecordSizeInKiB, mappingCreationDelay, mappingUpdateDelay);
    }

    private StreamHarness.Builder self() {
        return (StreamHarness.Builder) this;
    }
}
