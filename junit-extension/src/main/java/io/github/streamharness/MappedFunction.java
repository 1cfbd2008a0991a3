package io.github.streamharness;

import io.github.streamharness.internal.assembly.HarnessAssembly;
import io.github.streamharness.internal.mapping.MappingEngine;
import io.github.streamharness.internal.mapping.MappingEvents;
import io.github.streamharness.internal.observe.LogStore;
import io.github.streamharness.internal.observe.MetricStore;
import io.github.streamharness.internal.observe.ObservationRecorder;
import io.github.streamharness.internal.observe.ObservationSink;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A function attached to the stream by an event source mapping: its own positions in every shard, invocation log,
 * on-failure destination and ledger (rule 3.4: several mappings on one stream each get every record).
 */
public final class MappedFunction {
    private final String functionName;
    private final String uuid;
    private final EventSourceMappingConfig config;
    private final FunctionSettings function;
    private final InvocationLog log;
    private final DeadLetterQueue dlq;
    private final Duration updateDelay;
    private final MappingEngine engine;
    private final Ledger ledger;
    private final FunctionLogs logs;
    private final Metrics metrics;

    private MappedFunction(EventSourceMappingConfig config, FunctionSettings function, InvocationLog log,
                           DeadLetterQueue dlq, HarnessAssembly.Wiring wiring, LongSupplier writtenTotal, FunctionLogs logs,
                           Metrics metrics) {
        this.functionName = function.functionName().orElseThrow();
        this.uuid = wiring.uuid();
        this.config = config;
        this.function = function;
        this.log = log;
        this.dlq = dlq;
        this.engine = wiring.engine();
        this.logs = logs;
        this.metrics = metrics;
        this.updateDelay = wiring.updateDelay();
        this.ledger = new Ledger(this, engine, writtenTotal);
    }

    /**
     * Creates the function's log and destination, lets {@code wiring} build the engine that reports into them, and
     * returns the mapping whole; {@code harness} gives the retention of invocations, the count of records written,
     * and what the function's logs and metrics need (the account, the stream's shards: section 16, 17).
     */
    static MappedFunction create(EventSourceMappingConfig config, FunctionSettings function, HarnessAssembly harness,
                                 Function<MappingEvents, HarnessAssembly.Wiring> wiring) {
        String name = function.functionName().orElseThrow();
        int retainedInvocations = harness.settings().retainedInvocations();
        InvocationLog log = new InvocationLog(name, retainedInvocations);
        DeadLetterQueue dlq = config.onFailureDestination().map(DeadLetterQueue::new).orElse(null);
        if (dlq != null) {
            dlq.invocations(log);
        }
        LogStore logStore = new LogStore(retainedInvocations);
        MetricStore metricStore = new MetricStore(id -> harness.stream().shard(id) != null);
        ObservationSink observations = new ObservationRecorder(logStore, metricStore, function.memorySize(),
                function.maxMemoryUsed(), !config.filterCriteria().isEmpty());
        HarnessAssembly.Wiring wired = wiring.apply(new MappingEvents() {
            @Override
            public void invoked(Invocation invocation) {
                log.add(invocation);
            }

            @Override
            public void deadLetter(DeadLetter message) {
                dlq.add(message);
            }

            @Override
            public void timeline(TimelineEntry entry) {
                log.add(entry);
            }

            @Override
            public ObservationSink observations() {
                return observations;
            }
        });
        log.eventSizer(wired.eventSizer());
        return new MappedFunction(config, function, log, dlq, wired, harness.stream()::recordsWritten,
                new FunctionLogs(name, harness.settings().accountId(), logStore), new Metrics(name, metricStore));
    }

    /** The function's name. */
    public String functionName() {
        return functionName;
    }

    /** The mapping's UUID (seeded), as in its ARN and in S3 on-failure object keys (rule 6.4). */
    public String uuid() {
        return uuid;
    }

    /**
     * The function's settings (name, timeout, memory, concurrency, Init), as given when the mapping was added or,
     * for the harness's own function, as the harness builder held them when {@code build()} ran.
     */
    public FunctionSettings functionSettings() {
        return function;
    }

    /** The mapping's configuration: the last one given to {@link #update(EventSourceMappingConfig)}, once applied. */
    public EventSourceMappingConfig config() {
        return engine.config();
    }

    /** The mapping's state: Creating, Enabled, Updating, Disabled or Deleting (rule 18.1, 18.2). */
    public MappingState state() {
        return engine.control().state();
    }

    /**
     * UpdateEventSourceMapping (rule 18.1), after the harness's {@code mappingUpdateDelay} (default 0): each lane
     * finishes its batch in flight, then uses {@code config}; checkpoints and retry counts are kept; a new
     * ParallelizationFactor re-partitions each shard's keys once its old lanes' batches are done.
     *
     * @throws IllegalArgumentException when {@code config} changes StartingPosition, StartingPositionTimestamp or
     *                                  the on-failure destination
     * @throws IllegalStateException    while the mapping is Creating or Updating, or after {@link #delete()}
     */
    public void update(EventSourceMappingConfig config) {
        update(config, updateDelay);
    }

    /** As {@link #update(EventSourceMappingConfig)}, applied after {@code delay} (Updating meanwhile). */
    public void update(EventSourceMappingConfig config, Duration delay) {
        Objects.requireNonNull(config, "config");
        engine.control().update(config, config.filterCriteria(), delay.toNanos());
    }

    /**
     * DeleteEventSourceMapping (rule 18.1): no invocation after the batch in flight; undelivered records stay
     * PENDING in {@link #ledger()}. The logs, queue and ledger stay readable.
     */
    public void delete() {
        engine.control().delete();
    }

    /** Everything this mapping invoked, and its timeline. */
    public InvocationLog invocations() {
        return log;
    }

    /** Whether the mapping has an on-failure destination. */
    public boolean hasDestination() {
        return dlq != null;
    }

    /**
     * The messages sent to the on-failure destination.
     *
     * @throws IllegalStateException when the mapping has no destination: AWS then discards failed records, which
     *                               {@link #discarded()} lists
     */
    public DeadLetterQueue deadLetterQueue() {
        if (dlq == null) {
            throw new IllegalStateException("the mapping of " + functionName + " has no on-failure destination, so "
                    + "there is no dead-letter queue: AWS discards records whose retries are exhausted or that are "
                    + "too old (rule 4.4). Configure onFailureDestination(\"arn:aws:sqs:...\") to keep them, or "
                    + "assert on discarded() / ledger().");
        }
        return dlq;
    }

    /** Records the failure policy discarded without a destination (or whose delivery failed). */
    public List<StreamRecord> discarded() {
        return engine.ledger().recordsIn(RecordState.DISCARDED);
    }

    /** The sequence number of the last record done in a shard, at or below which every record is done. */
    public Optional<String> checkpoint(String shardId) {
        return engine.ledger().checkpoint(shardId).map(StreamRecord::sequenceNumber);
    }

    /** The checkpoint record of a shard. */
    public Optional<StreamRecord> checkpointRecord(String shardId) {
        return engine.ledger().checkpoint(shardId);
    }

    /** Where the mapping stands in a shard: checkpoint, next record, blocked batch, iterator age. */
    public ShardPosition position(String shardId) {
        io.github.streamharness.internal.mapping.MappingLedger.PositionView p = engine.ledger().position(shardId);
        return new ShardPosition(shardId, Optional.ofNullable(p.checkpoint()), Optional.ofNullable(p.next()),
                Optional.ofNullable(p.blockedAt()), p.pending(), Duration.ofNanos(p.iteratorAgeNanos()));
    }

    /** The function's CloudWatch Logs: START, the handler's lines, timeouts, END, REPORT (section 16). */
    public FunctionLogs logs() {
        return logs;
    }

    /** The function's CloudWatch metrics and the mapping's event counts (section 10, 17). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * How long the oldest unprocessed record of the shard has waited, now (zero when caught up): the wait of the
     * oldest pending record over all the shard's lanes, read off the virtual clock at this moment.
     *
     * <p>This is not CloudWatch's {@code IteratorAge} metric (rule 17.2), which Lambda records per invocation, at
     * invoke start, for the last record of the batch (rule 10.1, 0.5); each invocation keeps that figure as
     * {@link Invocation#iteratorAgeAtStart()}, and {@link #metrics()} aggregates it. The two differ whenever a shard is behind: this number grows while a
     * batch is blocked and is measured from the oldest record, the metric has a datapoint only when an invocation
     * starts and is measured from the newest record of its batch.
     */
    public Duration iteratorAge(String shardId) {
        return position(shardId).iteratorAge();
    }

    /** The ledger: every record's state for this mapping. */
    public Ledger ledger() {
        return ledger;
    }

    /** Pauses polling; the checkpoint is kept (rule 1.13). */
    public void disable() {
        engine.control().setEnabled(false);
    }

    /** Resumes polling from the checkpoint (rule 1.13). */
    public void enable() {
        engine.control().setEnabled(true);
    }

    /** Whether the mapping polls. */
    public boolean isEnabled() {
        return engine.isEnabled();
    }

    @Override
    public String toString() {
        return "MappedFunction[" + functionName + ", " + config + "]";
    }
}
