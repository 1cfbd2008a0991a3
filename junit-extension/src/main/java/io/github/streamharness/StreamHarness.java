package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.internal.assembly.HarnessAssembly;
import io.github.streamharness.internal.assembly.HarnessSettings;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.spi.StreamBackend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An in-process Kinesis stream with shards, and the Lambda event source mappings that read it, on one virtual clock.
 * Records put here are routed to shards as Kinesis routes them, read by each mapping under the AWS rules (batching,
 * ordering, retries, bisection, partial batch responses, record age, on-failure destinations) and delivered to the
 * handler under test. Nothing happens until the clock moves: {@link #runUntilIdle()} or {@link #advance(Duration)}.
 *
 * <p>One harness is driven by one thread ({@code runUntilIdle}, {@code advance}, queries). {@code put} is
 * thread-safe (rule 19.2): tests and handlers may put from several threads at once, for example a handler that fans
 * out with a parallel stream. Many harnesses run side by side in one JVM.
 */
public final class StreamHarness implements AutoCloseable {
    private final HarnessAssembly assembly;
    private final VirtualClock clock;
    private final StreamLog stream;
    private final FaultPlan faults = new FaultPlan();

    private StreamHarness(HarnessSettings settings, StreamBackend backend) {
        this.assembly = new HarnessAssembly(settings, backend);
        this.clock = new VirtualClock(assembly.scheduler());
        this.stream = assembly.stream();
    }

    /** A builder: a bare stream, or a stream with one mapping and its handler. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Attaches the harness's function to the stream with an event source mapping created now (rule 2.6: LATEST
     * starts at the tip of each shard as it is now). A second mapping of the same settings is named
     * {@code <functionName>-2}, and so on. The handler instance is shared by every execution environment.
     */
    public MappedFunction addMapping(EventSourceMappingConfig config,
                                     RequestHandler<? extends KinesisEvent, ?> handler) {
        return attach(config, handler, null);
    }

    /** As {@link #addMapping(EventSourceMappingConfig, RequestHandler)} for a handler of the raw event JSON. */
    public MappedFunction addMapping(EventSourceMappingConfig config, RequestStreamHandler handler) {
        return attach(config, handler, null);
    }

    /** As {@link #addMapping(EventSourceMappingConfig, RequestHandler)}, instantiating the class per environment. */
    public MappedFunction addMapping(EventSourceMappingConfig config, Class<?> handlerClass) {
        return attach(config, handlerClass, null);
    }

    /** Attaches another function, with its own settings (a name, unless the default naming suits), to the stream. */
    public MappedFunction addMapping(EventSourceMappingConfig config, RequestHandler<? extends KinesisEvent, ?> handler,
                                     FunctionSettings function) {
        return attach(config, handler, Objects.requireNonNull(function, "function"));
    }

    /** As {@link #addMapping(EventSourceMappingConfig, RequestHandler, FunctionSettings)}, raw event JSON. */
    public MappedFunction addMapping(EventSourceMappingConfig config, RequestStreamHandler handler,
                                     FunctionSettings function) {
        return attach(config, handler, Objects.requireNonNull(function, "function"));
    }

    /** As {@link #addMapping(EventSourceMappingConfig, RequestHandler, FunctionSettings)}, a handler class. */
    public MappedFunction addMapping(EventSourceMappingConfig config, Class<?> handlerClass,
                                     FunctionSettings function) {
        return attach(config, handlerClass, Objects.requireNonNull(function, "function"));
    }

    private MappedFunction attach(EventSourceMappingConfig config, Object handler, FunctionSettings given) {
        Objects.requireNonNull(config, "config");
        Handlers.Source source = Handlers.source(handler);
        FunctionSettings function = assembly.functionOf(given);
        return assembly.register(MappedFunction.create(config, function, assembly, events -> assembly.wire(config,
                config.filterCriteria(), function, source.supplier(), source.description(), faults.source(), events)));
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
        return assembly.put(partitionKey, data, explicitHashKey);
    }

    /** Puts a generated or recorded record (partition key, data, optional explicit hash key). */
    public StreamRecord put(io.github.streamharness.traffic.RecordSpec record) {
        return put(record.partitionKey(), record.data(), record.explicitHashKey());
    }

    /**
     * Puts every record, in order, at the current virtual time, as one producer call (a Kinesis PutRecords request):
     * under the stream's lock once, so no other thread's put lands between them. Each record is checked first; when
     * one is refused (rule 19.1) the exception names it and none is written. Returns them, in order (unmodifiable;
     * in-process, each {@code get} makes the record anew, equal to the one the shard gives). On a live backend
     * ({@code spi.StreamBackend}) the records are put one after the other.
     */
    public List<StreamRecord> putAll(Iterable<io.github.streamharness.traffic.RecordSpec> records) {
        return assembly.putAll(records);
    }

    /** Runs everything until no mapping has work left, moving the virtual clock as far as needed. */
    public StreamHarness runUntilIdle() {
        assembly.runUntilIdle();
        return this;
    }

    /** Runs everything due within {@code duration} and moves the clock by it. */
    public StreamHarness advance(Duration duration) {
        assembly.advance(duration);
        return this;
    }

    /** Runs everything due until {@code instant} and moves the clock there. */
    public StreamHarness advanceTo(Instant instant) {
        assembly.advanceTo(instant);
        return this;
    }

    /** Runs {@code action} on the harness's scheduler at virtual time {@code at} (producers, scripted events). */
    public void schedule(Instant at, Runnable action) {
        assembly.schedule(at, action);
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
        return assembly.mappings();
    }

    /** The only mapping's invocation log. */
    public InvocationLog invocations() {
        return assembly.only("invocations()").invocations();
    }

    /** The only mapping's on-failure destination messages. */
    public DeadLetterQueue deadLetterQueue() {
        return assembly.only("deadLetterQueue()").deadLetterQueue();
    }

    /** Records the only mapping discarded without a destination. */
    public List<StreamRecord> discarded() {
        return assembly.only("discarded()").discarded();
    }

    /** The only mapping's checkpoint in a shard. */
    public java.util.Optional<String> checkpoint(String shardId) {
        return assembly.only("checkpoint(..)").checkpoint(shardId);
    }

    /** The only mapping's position in a shard. */
    public ShardPosition position(String shardId) {
        return assembly.only("position(..)").position(shardId);
    }

    /** The only mapping's function's CloudWatch Logs (section 16). */
    public FunctionLogs logs() {
        return assembly.only("logs()").logs();
    }

    /** The only mapping's function's CloudWatch metrics (section 10, 17). */
    public Metrics metrics() {
        return assembly.only("metrics()").metrics();
    }

    /** The only mapping's ledger. */
    public Ledger ledger() {
        return assembly.only("ledger()").ledger();
    }

    /** The only mapping. */
    public MappedFunction mapping() {
        return assembly.only("mapping()");
    }

    /** A shard by id. */
    public Shard shard(String shardId) {
        return new Shard(assembly.shard(shardId));
    }

    /** A shard by position (0-based). */
    public Shard shard(int index) {
        return new Shard(assembly.shard(index));
    }

    /** Every shard, open or closed (split or merged), in index order. */
    public List<Shard> shards() {
        return stream.shards().stream().map(Shard::new).toList();
    }

    /** The open shards (those put routes to), in hash key order. */
    public List<Shard> openShards() {
        return stream.openShards().stream().map(Shard::new).toList();
    }

    /**
     * SplitShard (rule 11.1): the open shard closes (keeping its records until retention) and two children, ids
     * continuing the numbering, take the halves of its range; a mapping reads them after it (rule 0.10).
     */
    public List<Shard> splitShard(String shardId) {
        return assembly.splitShard(shardId).stream().map(Shard::new).toList();
    }

    /** MergeShards (rule 11.1): two adjacent open shards close; the new one's parents are (shardId, adjacentShardId). */
    public Shard mergeShards(String shardId, String adjacentShardId) {
        return new Shard(assembly.mergeShards(shardId, adjacentShardId));
    }

    /** UpdateShardCount (rule 11.1, uniform scaling): every open shard closes; n open with even ranges. */
    public List<Shard> updateShardCount(int targetShardCount) {
        return assembly.updateShardCount(targetShardCount).stream().map(Shard::new).toList();
    }

    /** The shard that holds {@code record}. */
    public Shard shardOf(StreamRecord record) {
        return new Shard(assembly.shardOf(record));
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
        return assembly.settings().seed();
    }

    /** The timelines of every mapping, for failure reports. */
    public String describe(int maxLinesPerMapping) {
        return assembly.describe(maxLinesPerMapping);
    }

    /** Stops every watchdog thread. Idempotent. */
    @Override
    public void close() {
        assembly.close();
    }

    /**
     * Settings of a harness; every value has a default (the setters are listed with it). {@link #build()} freezes
     * them: changing or reusing the builder afterwards does not change a harness already built.
     */
    public static final class Builder extends AbstractHarnessBuilder {
        private Builder() {
        }

        /**
         * Freezes the settings and builds the harness, creating the mapping if one was given.
         *
         * @throws IllegalStateException when a mapping is given without a handler
         */
        public StreamHarness build() {
            StreamHarness harness = new StreamHarness(freeze(), backend());
            try {
                if (handler() != null) {
                    harness.attach(mappingOrDefaults(), handler(), null);
                }
                return harness;
            } catch (RuntimeException e) {
                harness.close(); // a backend's real stream is deleted, not left behind
                throw e;
            }
        }
    }
}
