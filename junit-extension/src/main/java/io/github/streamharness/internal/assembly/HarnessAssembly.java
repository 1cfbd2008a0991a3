package io.github.streamharness.internal.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.RetryBackoff;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.internal.backend.BackendMirror;
import io.github.streamharness.internal.filter.FilterCriteria;
import io.github.streamharness.internal.invoke.EventCodec;
import io.github.streamharness.internal.invoke.FaultSource;
import io.github.streamharness.internal.invoke.FunctionSpec;
import io.github.streamharness.internal.invoke.EnvironmentPool;
import io.github.streamharness.internal.invoke.Invoker;
import io.github.streamharness.internal.mapping.BackoffSchedule;
import io.github.streamharness.internal.mapping.MappingEngine;
import io.github.streamharness.internal.mapping.MappingEvents;
import io.github.streamharness.internal.stream.ExternalStream;
import io.github.streamharness.internal.stream.ShardLog;
import io.github.streamharness.internal.stream.StreamLog;
import io.github.streamharness.internal.time.Scheduler;
import io.github.streamharness.internal.time.SeededUuids;
import io.github.streamharness.spi.StreamBackend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Wires a harness from its frozen settings: the scheduler, the stream log, and for each mapping its invoker,
 * back-off, codec and engine. {@code StreamHarness} is the facade over what this builds; all the wiring is here.
 */
public final class HarnessAssembly {
    private final HarnessSettings settings;
    private final Scheduler scheduler;
    private final StreamLog stream;
    /**
     * Shared by every harness, as {@code KinesisJson}'s reader and writer are: configured once here and never
     * changed, thread-safe, and its serializer caches only save work; a mapper per harness cost each test method
     * its construction and a cold serializer cache (the per-test cost of issue 19).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectMapper mapper = MAPPER;
    private final SplittableRandom seeds;
    private final long[] written = new long[1];
    /** The stream that lives elsewhere (spi.StreamBackend), or null for the in-process stream. */
    private final StreamBackend backend;
    /** The backend's stream mirrored in process, or null. */
    private final ExternalStream external;

    /** The scheduler and the stream of a new harness. */
    public HarnessAssembly(HarnessSettings settings) {
        this(settings, null);
    }

    /**
     * As {@link #HarnessAssembly(HarnessSettings)}; with a {@code backend}, over its stream: the shard layout, name,
     * ARN and clock start come from the stream it opens, its records from {@link #bindBackend}'s mirror.
     */
    public HarnessAssembly(HarnessSettings given, StreamBackend backend) {
        this.backend = backend;
        StreamBackend.Layout layout = backend == null ? null : backend.open(given.streamName(), given.shards());
        this.settings = layout == null ? given : BackendMirror.settingsOf(given, layout);
        this.scheduler = new Scheduler(settings.startTime());
        this.scheduler.eventLimit(settings.eventLimit());
        this.seeds = new SplittableRandom(settings.seed());
        this.external = layout == null ? null : BackendMirror.streamOf(layout, settings.retention().toMillis());
        this.stream = external != null ? external.stream()
                : new StreamLog(settings.streamName(), settings.streamArn(), settings.shards(),
                        settings.startTime().getEpochSecond(), settings.retention().toMillis());
        this.stream.addListener((shard, index, record, hashKey) -> written[0]++);
        this.stream.releaseCommittedRecords(settings.releaseCommittedRecords());
        this.stream.maxRecordSizeInKiB(settings.maxRecordSizeInKiB());
    }

    /** Gives the backend, if any, its view of the harness (records in, clock, the mappings' ledgers). */
    public void bindBackend(Supplier<List<MappedFunction>> mappings) {
        if (backend != null) {
            backend.bind(new BackendMirror(external, scheduler, mappings));
        }
    }

    /** Puts a record: into the in-process stream at {@code nowMillis}, or to the backend's stream. */
    public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey, long nowMillis) {
        return backend != null ? backend.put(partitionKey, data, explicitHashKey)
                : stream.put(partitionKey, data, explicitHashKey, nowMillis);
    }

    /** Runs until idle: the virtual clock's events, or the backend in real time. */
    public void runUntilIdle() {
        if (backend != null) {
            backend.runUntilIdle();
        } else {
            scheduler.runUntilIdle();
        }
    }

    /** Moves the clock by {@code duration}: virtually, or with the backend in real time. */
    public void advance(Duration duration) {
        if (backend != null) {
            backend.advance(duration);
        } else {
            scheduler.advance(duration);
        }
    }

    /** Releases the backend (a stream it created, its clients). */
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The frozen settings. */
    public HarnessSettings settings() {
        return settings;
    }

    /** The one scheduler. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The stream log. */
    public StreamLog stream() {
        return stream;
    }

    /** How many records were written to the stream (shared by every mapping's ledger). */
    public long[] writtenCounter() {
        return written;
    }

    /**
     * The settings of the function a new mapping invokes: {@code given}'s, or the harness's function's when null,
     * named by {@code given}, else the harness's function name ({@code -2}, {@code -3}, ... after the first).
     *
     * @param uuidsByName the existing mappings' UUIDs by function name
     * @throws IllegalArgumentException when a mapping of that function exists already (rule 1.15)
     */
    public FunctionSettings functionOf(FunctionSettings given, Map<String, String> uuidsByName) {
        String base = settings.functionName();
        String name = given != null && given.functionName().isPresent() ? given.functionName().get()
                : uuidsByName.isEmpty() ? base : base + "-" + (uuidsByName.size() + 1);
        if (uuidsByName.containsKey(name)) {
            throw new IllegalArgumentException("The event source arn (\" " + stream.arn() + " \") and function "
                    + "(\" " + name + " \") provided mapping already exists. Please update or delete the existing "
                    + "mapping with UUID " + uuidsByName.get(name) + " (rule 1.15; in the harness: give the second "
                    + "mapping another function name)");
        }
        return (given != null ? given : settings.function()).toBuilder().functionName(name).build();
    }

    /** The shard with id {@code shardId}, or an error listing the stream's shards. */
    public ShardLog shard(String shardId) {
        ShardLog log = stream.shard(shardId);
        if (log == null) {
            throw new IllegalArgumentException("no shard " + shardId + " in stream " + stream.name() + "; it has "
                    + stream.shards().stream().map(ShardLog::shardId).collect(Collectors.joining(", ")));
        }
        return log;
    }

    /** The shard at {@code index} (0-based), or an error naming the stream's shard count. */
    public ShardLog shard(int index) {
        if (index < 0 || index >= stream.shards().size()) {
            throw new IllegalArgumentException("shard index " + index + " out of range: stream " + stream.name()
                    + " has " + stream.shards().size() + " shard(s)");
        }
        return stream.shards().get(index);
    }

    /** The shard that holds {@code record}, or an error. */
    public ShardLog shardOf(StreamRecord record) {
        ShardLog log = stream.shardOf(record);
        if (log == null) {
            throw new IllegalArgumentException(record + " is not a record of stream " + stream.name());
        }
        return log;
    }

    /**
     * A mapping's parts, wired.
     *
     * @param uuid       the mapping's seeded UUID
     * @param engine     the running engine
     * @param eventSizer the size of the event JSON of a batch, for the invocation log
     * @param updateDelay how long an update of the mapping takes to apply (rule 18.1)
     */
    public record Wiring(String uuid, MappingEngine engine, ToLongFunction<List<StreamRecord>> eventSizer,
                         java.time.Duration updateDelay) {
    }

    /**
     * Wires one mapping of function {@code function} (named) at the current virtual time.
     *
     * @param filter      the mapping's compiled filter criteria
     * @param handlers    a new handler per execution environment (or the same instance)
     * @param description how messages name the handler
     * @param faults      the harness's fault plan
     * @param events      where the engine reports invocations, on-failure messages and the timeline
     */
    public Wiring wire(EventSourceMappingConfig config, FilterCriteria filter, FunctionSettings function,
                       Supplier<Object> handlers, String description, FaultSource faults, MappingEvents events) {
        String name = function.functionName().orElseThrow();
        FunctionSpec spec = new FunctionSpec(name, settings.functionArn(name), settings.roleArn(name),
                function.timeout(), function.memorySize(), handlers, description,
                function.reservedConcurrentExecutions().orElse(EnvironmentPool.UNRESERVED),
                function.provisionedConcurrentExecutions(), function.initDuration(), function.keepWarm());
        EventCodec codec = new EventCodec(stream.arn(), settings.region(), settings.roleArn(name));
        // the order of the seeds drawn here is part of the determinism contract: invoker, back-off, uuid
        Invoker invoker = new Invoker(spec, scheduler, codec, mapper, faults, seeds.nextLong(),
                settings.watchdog());
        invoker.observeWith(events.observations()); // the function's logs and metrics (section 16, 17)
        RetryBackoff b = settings.retryBackoff();
        BackoffSchedule backoff = new BackoffSchedule(b.initial().toNanos(), b.multiplier(), b.cap().toNanos(),
                b.jitter(), seeds.nextLong());
        String uuid = SeededUuids.next(seeds);
        MappingEngine engine = new MappingEngine(config, filter, stream, scheduler, invoker, codec,
                events, backoff, uuid, mapper, settings.mappingCreationDelay().toNanos());
        return new Wiring(uuid, engine, codec::eventSize, settings.mappingUpdateDelay());
    }
}
