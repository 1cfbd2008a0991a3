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
import io.github.streamharness.traffic.RecordSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Wires a harness from its frozen settings: the scheduler, the stream log, and for each mapping its invoker,
 * back-off, codec and engine. {@code StreamHarness} is the facade over what this builds; all the wiring is here, and
 * so is the harness's state: its mappings, whether it is closed, and the one clock every operation reads.
 */
public final class HarnessAssembly {
    private final HarnessSettings settings;
    private final Scheduler scheduler;
    private final StreamLog stream;
    /**
     * The JSON mapper of the harness's mappings (responses the engine cannot read directly, window state), made on
     * first use ({@link #mapper()}: most tests never need one, and the first loads ~400 Jackson classes, issue 19);
     * per harness, since a configurable mapper in a static would be mutable state; volatile for watchdog threads.
     */
    private volatile ObjectMapper mapper;
    private final SplittableRandom seeds;
    /** The stream that lives elsewhere (spi.StreamBackend), or null for the in-process stream. */
    private final StreamBackend backend;
    /** The backend's stream mirrored in process, or null. */
    private final ExternalStream external;
    /** The mappings, in creation order, and the engines wired for them (closed with the harness). */
    private final List<MappedFunction> mappings = new ArrayList<>();
    private final List<MappingEngine> engines = new ArrayList<>();
    private boolean closed;

    /** The scheduler and the stream of a new harness. */
    public HarnessAssembly(HarnessSettings settings) {
        this(settings, null);
    }

    /**
     * As {@link #HarnessAssembly(HarnessSettings)}; with a {@code backend}, over its stream: the shard layout, name,
     * ARN and clock start come from the stream it opens, its records from the mirror bound to it here.
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
        this.stream.releaseCommittedRecords(settings.releaseCommittedRecords());
        this.stream.maxRecordSizeInKiB(settings.maxRecordSizeInKiB());
        if (backend != null) { // its view of the harness: records in, clock, the mappings' ledgers
            backend.bind(new BackendMirror(external, scheduler, this::mappings));
        }
    }

    /** Puts a record: into the in-process stream at the current virtual time, or to the backend's stream. */
    public StreamRecord put(String partitionKey, byte[] data, String explicitHashKey) {
        ensureOpen();
        return backend != null ? backend.put(partitionKey, data, explicitHashKey)
                : stream.put(partitionKey, data, explicitHashKey, nowMillis());
    }

    /** Puts every record, in order, at the current virtual time; returns them. */
    public List<StreamRecord> putAll(Iterable<RecordSpec> records) {
        ensureOpen();
        if (backend != null) {
            List<StreamRecord> put = new ArrayList<>();
            for (RecordSpec r : records) {
                put.add(backend.put(r.partitionKey(), r.data(), r.explicitHashKey()));
            }
            return put;
        }
        List<RecordSpec> given = records instanceof List<RecordSpec> list && list instanceof RandomAccess ? list
                : copy(records);
        int n = given.size();
        String[] keys = new String[n];
        byte[][] data = new byte[n][];
        String[] explicit = null;
        for (int i = 0; i < n; i++) {
            RecordSpec r = given.get(i);
            if (r == null) {
                throw new NullPointerException("putAll: record " + i + " (0-based) is null; nothing was written");
            }
            keys[i] = r.partitionKey();
            data[i] = SpecAccess.dataArray(r); // not a copy: the shard's block takes the only copy
            if (r.explicitHashKey() != null) {
                if (explicit == null) {
                    explicit = new String[n];
                }
                explicit[i] = r.explicitHashKey();
            }
        }
        return stream.putAll(keys, data, explicit, n, nowMillis()); // one call, one lock, as PutRecords
    }

    private static List<RecordSpec> copy(Iterable<RecordSpec> records) {
        List<RecordSpec> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    /** Runs until idle: the virtual clock's events, or the backend in real time. */
    public void runUntilIdle() {
        ensureOpen();
        if (backend != null) {
            backend.runUntilIdle();
        } else {
            scheduler.runUntilIdle();
        }
    }

    /** Moves the clock by {@code duration}: virtually, or with the backend in real time. */
    public void advance(Duration duration) {
        ensureOpen();
        if (backend != null) {
            backend.advance(duration);
        } else {
            scheduler.advance(duration);
        }
    }

    /**
     * Runs everything due until {@code instant} and moves the clock there.
     *
     * @throws IllegalArgumentException when {@code instant} is before the current virtual time
     */
    public void advanceTo(Instant instant) {
        long target = Scheduler.toNanos(instant);
        long now = scheduler.nowNanos();
        if (target < now) {
            throw new IllegalArgumentException("cannot move the clock back from " + Scheduler.toInstant(now)
                    + " to " + instant);
        }
        advance(Duration.ofNanos(target - now));
    }

    /** Runs {@code action} on the scheduler at virtual time {@code at}. */
    public void schedule(Instant at, Runnable action) {
        scheduler.schedule(Scheduler.toNanos(at), action);
    }

    /** SplitShard now (rule 11.1): the two children. */
    public List<ShardLog> splitShard(String shardId) {
        ensureOpen();
        return stream.splitShard(shardId, nowMillis());
    }

    /** MergeShards now (rule 11.1): the new shard. */
    public ShardLog mergeShards(String shardId, String adjacentShardId) {
        ensureOpen();
        return stream.mergeShards(shardId, adjacentShardId, nowMillis());
    }

    /** UpdateShardCount now (rule 11.1): the new open shards. */
    public List<ShardLog> updateShardCount(int targetShardCount) {
        ensureOpen();
        return stream.updateShardCount(targetShardCount, nowMillis());
    }

    private long nowMillis() {
        return Math.floorDiv(scheduler.nowNanos(), 1_000_000L);
    }

    /** Stops every mapping's engine (its watchdog threads) and releases the backend. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        engines.forEach(MappingEngine::close);
        if (backend != null) {
            backend.close(); // a backend's real stream is deleted, not left behind
        }
    }

    /** @throws IllegalStateException once the harness is closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this harness is closed");
        }
    }

    /** Adds a mapping built whole (after {@link #wire}); returns it. */
    public MappedFunction register(MappedFunction mapping) {
        mappings.add(mapping);
        return mapping;
    }

    /** The mappings, in creation order. */
    public List<MappedFunction> mappings() {
        return List.copyOf(mappings);
    }

    /**
     * The only mapping of the stream, for the harness's shortcuts.
     *
     * @param what the shortcut asked for, as the error names it
     * @throws IllegalStateException on a bare stream, or when there are several mappings (which to choose)
     */
    public MappedFunction only(String what) {
        if (mappings.size() == 1) {
            return mappings.get(0);
        }
        if (mappings.isEmpty()) {
            throw new IllegalStateException(what + " needs a mapping, but stream " + stream.name() + " is a bare "
                    + "stream: add one with addMapping(config, handler), or build with mapping(..) and handler(..).");
        }
        throw new IllegalStateException(what + " is ambiguous: stream " + stream.name() + " has " + mappings.size()
                + " mappings (" + mappings.stream().map(MappedFunction::functionName)
                .collect(Collectors.joining(", "))
                + "); call it on the MappedFunction that addMapping returned.");
    }

    /** The timelines of every mapping (at most {@code maxLinesPerMapping} lines each), for failure reports. */
    public String describe(int maxLinesPerMapping) {
        if (mappings.isEmpty()) {
            return "stream " + stream.name() + " (no mapping)";
        }
        return mappings.stream().map(m -> m.invocations().describe(maxLinesPerMapping))
                .collect(Collectors.joining("\n"));
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

    /**
     * The settings of the function a new mapping invokes: {@code given}'s, or the harness's function's when null,
     * named by {@code given}, else the harness's function name ({@code -2}, {@code -3}, ... after the first, skipping
     * a name already taken).
     *
     * @throws IllegalArgumentException when a mapping of that function exists already (rule 1.15)
     */
    public FunctionSettings functionOf(FunctionSettings given) {
        ensureOpen();
        if (given == null && mappings.isEmpty()) {
            return settings.function(); // the first mapping of the harness's own function: named already
        }
        Map<String, String> uuidsByName = new LinkedHashMap<>();
        mappings.forEach(m -> uuidsByName.put(m.functionName(), m.uuid()));
        String name = given != null && given.functionName().isPresent() ? given.functionName().get()
                : defaultFunctionName(uuidsByName.keySet());
        if (uuidsByName.containsKey(name)) {
            throw new IllegalArgumentException("The event source arn (\" " + stream.arn() + " \") and function "
                    + "(\" " + name + " \") provided mapping already exists. Please update or delete the existing "
                    + "mapping with UUID " + uuidsByName.get(name) + " (rule 1.15; in the harness: give the second "
                    + "mapping another function name)");
        }
        return (given != null ? given : settings.function()).toBuilder().functionName(name).build();
    }

    /**
     * The harness's function name for the first mapping, else {@code name-N} for the N-th, or the next N that no
     * mapping uses (a user may have named one {@code test-function-3}).
     */
    private String defaultFunctionName(Set<String> taken) {
        String base = settings.functionName();
        if (taken.isEmpty()) {
            return base;
        }
        int n = taken.size() + 1;
        while (taken.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
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
        String roleArn = settings.roleArn(name);
        FunctionSpec spec = new FunctionSpec(name, settings.functionArn(name), roleArn, function.timeout(),
                function.memorySize(), handlers, description,
                function.reservedConcurrentExecutions().orElse(EnvironmentPool.UNRESERVED),
                function.provisionedConcurrentExecutions(), function.initDuration(), function.keepWarm());
        EventCodec codec = new EventCodec(stream.arn(), settings.region(), roleArn);
        // the order of the seeds drawn here is part of the determinism contract: invoker, back-off, uuid
        Invoker invoker = new Invoker(spec, scheduler, codec, this::mapper, faults, seeds.nextLong(),
                settings.watchdog());
        invoker.observeWith(events.observations()); // the function's logs and metrics (section 16, 17)
        RetryBackoff b = settings.retryBackoff();
        BackoffSchedule backoff = new BackoffSchedule(b.initial().toNanos(), b.multiplier(), b.cap().toNanos(),
                b.jitter(), seeds.nextLong());
        String uuid = SeededUuids.next(seeds);
        MappingEngine engine = new MappingEngine(config, filter, stream, scheduler, invoker, codec,
                events, backoff, uuid, this::mapper, settings.mappingCreationDelay().toNanos());
        engines.add(engine);
        return new Wiring(uuid, engine, codec::eventSize, settings.mappingUpdateDelay());
    }

    /** The harness's mapper, made on first use (two threads racing make two equal mappers, and one is kept). */
    private ObjectMapper mapper() {
        ObjectMapper m = mapper;
        return m != null ? m : (mapper = new HarnessJson());
    }
}
