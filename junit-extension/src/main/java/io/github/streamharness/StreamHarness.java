package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.invoke.FunctionSpec;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.mapping.BackoffSchedule;
import io.github.streamharness.internal.mapping.MappingEngine;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.time.SeededUuids;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * An in-process Kinesis stream with shards, and the Lambda event source mappings that read it, on one virtual clock.
 * Records put here are routed to shards as Kinesis routes them, read by each mapping under the AWS rules (batching,
 * ordering, retries, bisection, partial batch responses, record age, on-failure destinations) and delivered to the
 * handler under test. Nothing happens until the clock moves: {@link #runUntilIdle()} or {@link #advance(Duration)}.
 *
 * <p>One harness is driven by one thread ({@code runUntilIdle}, {@code advance}, queries). {@code put} is
 * thread-safe (spec 19.2): tests and handlers may put from several threads at once, for example a handler that fans
 * out with a parallel stream. Many harnesses run side by side in one JVM.
 */
public final class StreamHarness implements AutoCloseable {
    private final Builder settings;
    private final Scheduler scheduler;
    private final VirtualClock clock;
    private final StreamLog stream;
    private final FaultPlan faults = new FaultPlan();
    private final ObjectMapper mapper = new ObjectMapper();
    private final SplittableRandom seeds;
    private final List<MappedFunction> mappings = new ArrayList<>();
    private final long[] written = new long[1];
    private boolean closed;

    private StreamHarness(Builder b) {
        this.settings = b;
        this.scheduler = new Scheduler(b.startTime);
        this.scheduler.eventLimit(b.eventLimit);
        this.clock = new VirtualClock(scheduler);
        this.seeds = new SplittableRandom(b.seed);
        String arn = "arn:aws:kinesis:" + b.region + ":" + b.accountId + ":stream/" + b.streamName;
        this.stream = new StreamLog(b.streamName, arn, b.shards, b.startTime.getEpochSecond(), b.retention.toMillis());
        this.stream.addListener((shard, index, record, hashKey) -> written[0]++);
        this.stream.releaseCommittedRecords(b.releaseCommittedRecords);
        this.stream.maxRecordSizeInKiB(b.maxRecordSizeInKiB);
    }

    /** A builder: a bare stream, or a stream with one mapping and its handler. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Attaches a function to the stream with an event source mapping created now (spec 2.6: LATEST starts at the
     * tip of each shard as it is now).
     *
     * @param handler a {@code RequestHandler<KinesisEvent, ?>} or {@code RequestStreamHandler} instance (shared by
     *                every execution environment), or a handler {@code Class} (instantiated once per environment)
     */
    public MappedFunction addMapping(EventSourceMappingConfig config, Object handler) {
        String name = mappings.isEmpty() ? settings.functionName : settings.functionName + "-" + (mappings.size() + 1);
        return addMapping(config, handler, name);
    }

    /** As {@link #addMapping(EventSourceMappingConfig, Object)}, naming the function. */
    public MappedFunction addMapping(EventSourceMappingConfig config, Object handler, String functionName) {
        ensureOpen();
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(functionName, "functionName");
        for (MappedFunction m : mappings) {
            if (m.functionName().equals(functionName)) {
                throw new IllegalArgumentException("The event source arn (\" " + stream.arn() + " \") and function "
                        + "(\" " + functionName + " \") provided mapping already exists. Please update or delete the "
                        + "existing mapping with UUID " + m.uuid() + " (spec 1.15; in the harness: give the second "
                        + "mapping another function name)");
            }
        }
        Handlers.Source source = Handlers.source(handler);
        String functionArn = "arn:aws:lambda:" + settings.region + ":" + settings.accountId + ":function:"
                + functionName;
        String roleArn = "arn:aws:iam::" + settings.accountId + ":role/" + functionName + "-role";
        FunctionSpec function = new FunctionSpec(functionName, functionArn, roleArn, settings.functionTimeout,
                settings.memorySize, source.supplier(), source.description());
        EventCodec codec = new EventCodec(stream.arn(), settings.region, roleArn);
        Invoker invoker = new Invoker(function, scheduler, codec, mapper, faults.source(), seeds.nextLong(),
                settings.watchdog);
        RetryBackoff b = settings.retryBackoff;
        BackoffSchedule backoff = new BackoffSchedule(b.initial().toNanos(), b.multiplier(), b.cap().toNanos(),
                b.jitter(), seeds.nextLong());
        String uuid = SeededUuids.next(seeds);
        MappedFunction mapped = new MappedFunction(functionName, uuid, config, settings.retainedInvocations, written);
        mapped.invocations().eventSizer(codec::eventSize);
        MappingEngine engine = new MappingEngine(config, config.filterCriteria(), stream, scheduler, invoker, codec,
                mapped.events(), backoff, uuid, mapper);
        mapped.attach(engine);
        mappings.add(mapped);
        return mapped;
    }

    /** Puts a record with UTF-8 data; returns it with its shard, sequence number and arrival time. */
    public StreamRecord put(String partitionKey, String data) {
        Objects.requireNonNull(data, "data");
        return put(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts a record; the bytes are copied. */
    public StreamRecord put(String partitionKey, byte[] data) {
        return put(partitionKey, data, null);
    }

    /** Puts a record routed by an explicit hash key (a decimal in 0..2^128-1) instead of the key's MD5. */
    public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey) {
        ensureOpen();
        return stream.put(partitionKey, data, explicitHashKey, clock.millis());
    }

    /** Puts a generated or recorded record (partition key, data, optional explicit hash key). */
    public StreamRecord put(io.github.streamharness.events.RecordSpec record) {
        return put(record.partitionKey(), record.data(), record.explicitHashKey());
    }

    /** Puts every record, in order, at the current virtual time; returns them. */
    public List<StreamRecord> putAll(Iterable<io.github.streamharness.events.RecordSpec> records) {
        List<StreamRecord> put = new ArrayList<>();
        for (io.github.streamharness.events.RecordSpec r : records) {
            put.add(put(r));
        }
        return put;
    }

    /** Runs everything until no mapping has work left, moving the virtual clock as far as needed. */
    public StreamHarness runUntilIdle() {
        ensureOpen();
        scheduler.runUntilIdle();
        return this;
    }

    /** Runs everything due within {@code duration} and moves the clock by it. */
    public StreamHarness advance(Duration duration) {
        ensureOpen();
        scheduler.advance(duration);
        return this;
    }

    /** Runs everything due until {@code instant} and moves the clock there. */
    public StreamHarness advanceTo(Instant instant) {
        long target = Scheduler.toNanos(instant);
        long now = scheduler.nowNanos();
        if (target < now) {
            throw new IllegalArgumentException("cannot move the clock back from " + clock.now() + " to " + instant);
        }
        return advance(Duration.ofNanos(target - now));
    }

    /** Runs {@code action} on the harness's scheduler at virtual time {@code at} (producers, scripted events). */
    public void schedule(Instant at, Runnable action) {
        scheduler.schedule(Scheduler.toNanos(at), action);
    }

    /** The virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** Faults to inject into invocations of every mapping. */
    public FaultPlan faults() {
        return faults;
    }

    /** The mappings, in creation order. */
    public List<MappedFunction> mappings() {
        return List.copyOf(mappings);
    }

    /** The only mapping's invocation log. */
    public InvocationLog invocations() {
        return only("invocations()").invocations();
    }

    /** The only mapping's on-failure destination messages. */
    public DeadLetterQueue deadLetterQueue() {
        return only("deadLetterQueue()").deadLetterQueue();
    }

    /** Records the only mapping discarded without a destination. */
    public List<StreamRecord> discarded() {
        return only("discarded()").discarded();
    }

    /** The only mapping's checkpoint in a shard. */
    public java.util.Optional<String> checkpoint(String shardId) {
        return only("checkpoint(..)").checkpoint(shardId);
    }

    /** The only mapping's position in a shard. */
    public ShardPosition position(String shardId) {
        return only("position(..)").position(shardId);
    }

    /** The only mapping's ledger. */
    public Ledger ledger() {
        return only("ledger()").ledger();
    }

    /** The only mapping. */
    public MappedFunction mapping() {
        return only("mapping()");
    }

    /** A shard by id. */
    public Shard shard(String shardId) {
        var log = stream.shard(shardId);
        if (log == null) {
            throw new IllegalArgumentException("no shard " + shardId + " in stream " + stream.name() + "; it has "
                    + shards().stream().map(Shard::id).collect(Collectors.joining(", ")));
        }
        return new Shard(log);
    }

    /** A shard by position (0-based). */
    public Shard shard(int index) {
        if (index < 0 || index >= stream.shards().size()) {
            throw new IllegalArgumentException("shard index " + index + " out of range: stream " + stream.name()
                    + " has " + stream.shards().size() + " shard(s)");
        }
        return new Shard(stream.shards().get(index));
    }

    /** The shards, in order. */
    public List<Shard> shards() {
        return stream.shards().stream().map(Shard::new).toList();
    }

    /** The shard that holds {@code record}. */
    public Shard shardOf(StreamRecord record) {
        var log = stream.shardOf(record);
        if (log == null) {
            throw new IllegalArgumentException(record + " is not a record of stream " + stream.name());
        }
        return new Shard(log);
    }

    /** The stream name. */
    public String streamName() {
        return stream.name();
    }

    /** The stream ARN ({@code arn:aws:kinesis:<region>:<account>:stream/<name>}). */
    public String streamArn() {
        return stream.arn();
    }

    /** The seed every random choice of this harness derives from (request ids, jitter). */
    public long seed() {
        return settings.seed;
    }

    /** The timelines of every mapping, for failure reports. */
    public String describe(int maxLinesPerMapping) {
        if (mappings.isEmpty()) {
            return "stream " + stream.name() + " (no mapping)";
        }
        return mappings.stream().map(m -> m.invocations().describe(maxLinesPerMapping))
                .collect(Collectors.joining("\n"));
    }

    /** Stops every watchdog thread. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (MappedFunction m : mappings) {
                m.engine().close();
            }
        }
    }

    private MappedFunction only(String what) {
        if (mappings.size() == 1) {
            return mappings.get(0);
        }
        if (mappings.isEmpty()) {
            throw new IllegalStateException(what + " needs a mapping, but stream " + stream.name() + " is a bare "
                    + "stream: add one with addMapping(config, handler), or build with mapping(..) and handler(..).");
        }
        throw new IllegalStateException(what + " is ambiguous: stream " + stream.name() + " has " + mappings.size()
                + " mappings (" + mappings.stream().map(MappedFunction::functionName).collect(Collectors.joining(", "))
                + "); call it on the MappedFunction that addMapping returned.");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this harness is closed");
        }
    }

    /** Settings of a harness; every value has a default. */
    public static final class Builder {
        private String streamName = "test-stream";
        private int shards = 1;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private EventSourceMappingConfig mapping;
        private Object handler;
        private Duration functionTimeout = Duration.ofSeconds(3);
        private String functionName = "test-function";
        private int memorySize = 128;
        private Instant startTime = Instant.parse("2026-01-01T00:00:00Z");
        private long seed = 20_260_101L;
        private Duration retention = Duration.ofHours(24);
        private RetryBackoff retryBackoff = RetryBackoff.DEFAULT;
        private Duration watchdog;
        private int retainedInvocations = Integer.MAX_VALUE;
        private long eventLimit = 10_000_000L;
        private boolean releaseCommittedRecords;
        private int maxRecordSizeInKiB = StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB;

        private Builder() {
        }

        /** Stream name, default {@code test-stream}. */
        public Builder streamName(String streamName) {
            this.streamName = Objects.requireNonNull(streamName, "streamName");
            return this;
        }

        /** Number of shards, default 1. */
        public Builder shards(int shards) {
            if (shards < 1 || shards > 10_000) {
                throw new IllegalArgumentException("shards must be 1..10000, got " + shards);
            }
            this.shards = shards;
            return this;
        }

        /** Region of the stream and function, default us-east-1. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Account id in ARNs, default 123456789012. */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("an AWS account id is 12 digits, got " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** The mapping to create with the harness (needs {@link #handler(Object)}). */
        public Builder mapping(EventSourceMappingConfig mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** The handler: an instance shared by every execution environment. */
        public Builder handler(RequestHandler<KinesisEvent, ?> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The handler: a stream handler that receives the event JSON bytes. */
        public Builder handler(RequestStreamHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The handler class, instantiated once per execution environment like the Lambda runtime. */
        public Builder handler(Class<?> handlerClass) {
            this.handler = Objects.requireNonNull(handlerClass, "handlerClass");
            return this;
        }

        /** The handler as an object: a RequestHandler, a RequestStreamHandler, or a handler Class. */
        public Builder handler(Object handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Function timeout, default 3 s as on Lambda; 1 s to 900 s. */
        public Builder functionTimeout(Duration timeout) {
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
                throw new IllegalArgumentException("a Lambda function timeout is 1 to 900 seconds, got " + timeout);
            }
            this.functionTimeout = timeout;
            return this;
        }

        /** Function name, default {@code test-function}. */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name, "functionName");
            return this;
        }

        /** Memory size in MB (128..10240), reported by the Context. */
        public Builder memorySize(int megabytes) {
            if (megabytes < 128 || megabytes > 10_240) {
                throw new IllegalArgumentException("Lambda memory is 128 to 10240 MB, got " + megabytes);
            }
            this.memorySize = megabytes;
            return this;
        }

        /** Where the virtual clock starts, default 2026-01-01T00:00:00Z. */
        public Builder startTime(Instant start) {
            this.startTime = Objects.requireNonNull(start, "startTime");
            return this;
        }

        /** Seed of every random choice (request ids, jitter); same seed, same run. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Stream retention period, 24 h (default) to 365 days. */
        public Builder retention(Duration retention) {
            if (retention.compareTo(Duration.ofHours(24)) < 0 || retention.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("Kinesis retention is 24 hours to 365 days, got " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** The wait between retries (spec 0.2), default 1 s doubling to 60 s. */
        public Builder retryBackoff(RetryBackoff backoff) {
            this.retryBackoff = Objects.requireNonNull(backoff, "retryBackoff");
            return this;
        }

        /**
         * Opt-in real-time watchdog: a handler that blocks for more than {@code wallClockLimit} of real time is
         * interrupted and the invocation recorded as a timeout. Handlers then run on a worker thread.
         */
        public Builder watchdog(Duration wallClockLimit) {
            if (wallClockLimit.isNegative() || wallClockLimit.isZero()) {
                throw new IllegalArgumentException("the watchdog limit must be positive, got " + wallClockLimit);
            }
            this.watchdog = wallClockLimit;
            return this;
        }

        /** Keep only the last {@code n} invocations in detail (long simulations); counts stay exact. */
        public Builder retainInvocations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("retainInvocations must be at least 1, got " + n);
            }
            this.retainedInvocations = n;
            return this;
        }

        /** The number of events one {@code runUntilIdle()} may process before it reports a runaway scenario. */
        public Builder eventLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("eventLimit must be positive, got " + limit);
            }
            this.eventLimit = limit;
            return this;
        }

        /**
         * Lets shards drop records that every mapping has checkpointed past (each mapping's checkpoint record is
         * kept), so hours of virtual traffic run in bounded memory. Off by default. Ledger counts and the on-failure
         * messages stay exact; released records are no longer listed by {@code Shard.records()} or
         * {@code Ledger.records(..)}, so with it on, assert on counts.
         */
        public Builder releaseCommittedRecords(boolean release) {
            this.releaseCommittedRecords = release;
            return this;
        }

        /**
         * The stream's maximum record size, data plus partition key, in KiB (spec 19.1, Kinesis's
         * MaxRecordSizeInKiB): 1024 (1 MiB, the default) to 10240 (10 MiB). A put over it fails and writes nothing.
         */
        public Builder maxRecordSizeInKiB(int kib) {
            if (kib < StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB || kib > StreamLog.LARGEST_MAX_RECORD_SIZE_KIB) {
                boolean low = kib < StreamLog.DEFAULT_MAX_RECORD_SIZE_KIB;
                throw new IllegalArgumentException("1 validation error detected: Value '" + kib + "' at "
                        + "'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value "
                        + (low ? "greater than or equal to 1024" : "less than or equal to 10240")
                        + " (MaxRecordSizeInKiB accepts 1024..10240, 1 to 10 MiB, default 1024)");
            }
            this.maxRecordSizeInKiB = kib;
            return this;
        }

        /**
         * Builds the harness, creating the mapping if one was given.
         *
         * @throws IllegalStateException when a mapping is given without a handler or a handler without a mapping
         */
        public StreamHarness build() {
            if (handler != null && mapping == null) {
                mapping = EventSourceMappingConfig.defaults();
            }
            if (mapping != null && handler == null) {
                throw new IllegalStateException("a mapping was configured but no handler: call handler(..) with the "
                        + "function under test, or leave both out for a bare stream and use addMapping(..) later.");
            }
            StreamHarness harness = new StreamHarness(this);
            if (mapping != null) {
                harness.addMapping(mapping, handler);
            }
            return harness;
        }
    }
}
