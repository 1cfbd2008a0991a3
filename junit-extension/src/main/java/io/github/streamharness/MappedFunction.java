package io.github.streamharness;

import io.github.streamharness.internal.mapping.MappingEngine;
import io.github.streamharness.internal.mapping.MappingEvents;
import io.github.streamharness.internal.observe.LogStore;
import io.github.streamharness.internal.observe.MetricStore;
import io.github.streamharness.internal.observe.ObservationRecorder;
import io.github.streamharness.internal.observe.ObservationSink;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A function attached to the stream by an event source mapping: its own positions in every shard, invocation log,
 * on-failure destination and ledger (spec 3.4: several mappings on one stream each get every record).
 */
public final class MappedFunction {
    private final String functionName;
    private final String uuid;
    private final EventSourceMappingConfig config;
    private final InvocationLog log;
    private final DeadLetterQueue dlq;
    private final long[] writtenTotal;
    private final FunctionLogs logs;
    private final Metrics metrics;
    private final ObservationRecorder observations;
    private MappingEngine engine;
    private Ledger ledger;

    MappedFunction(String functionName, String uuid, EventSourceMappingConfig config, int retainedInvocations,
                   long[] writtenTotal, ObservedFunction observed) {
        this.functionName = functionName;
        this.uuid = uuid;
        this.config = config;
        this.log = new InvocationLog(functionName, retainedInvocations);
        this.dlq = config.onFailureDestination().map(DeadLetterQueue::new).orElse(null);
        if (dlq != null) {
            dlq.invocations(log);
        }
        this.writtenTotal = writtenTotal;
        LogStore logStore = new LogStore(retainedInvocations);
        MetricStore metricStore = new MetricStore(observed.knownShard());
        this.logs = new FunctionLogs(functionName, observed.accountId(), logStore);
        this.metrics = new Metrics(functionName, metricStore);
        this.observations = new ObservationRecorder(logStore, metricStore, observed.memoryMb(),
                observed.maxMemoryUsedMb(), !config.filterCriteria().isEmpty());
    }

    /** What the function's logs and metrics need to know besides the mapping (spec 16, 17). */
    record ObservedFunction(String accountId, int memoryMb, int maxMemoryUsedMb,
                            java.util.function.Predicate<String> knownShard) {
    }

    ObservationSink observations() {
        return observations;
    }

    void attach(MappingEngine engine) {
        this.engine = engine;
        this.ledger = new Ledger(this, engine, writtenTotal);
    }

    MappingEvents events() {
        return new MappingEvents() {
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
        };
    }

    MappingEngine engine() {
        return engine;
    }

    /** The function's name. */
    public String functionName() {
        return functionName;
    }

    /** The mapping's UUID (seeded), as in its ARN and in S3 on-failure object keys (spec 6.4). */
    public String uuid() {
        return uuid;
    }

    /** The mapping's configuration. */
    public EventSourceMappingConfig config() {
        return config;
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
                    + "too old (spec 4.4). Configure onFailureDestination(\"arn:aws:sqs:...\") to keep them, or "
                    + "assert on discarded() / ledger().");
        }
        return dlq;
    }

    /** Records the failure policy discarded without a destination (or whose delivery failed). */
    public List<StreamRecord> discarded() {
        return engine.recordsIn(RecordState.DISCARDED);
    }

    /** The sequence number of the last record done in a shard, at or below which every record is done. */
    public Optional<String> checkpoint(String shardId) {
        return engine.checkpoint(shardId).map(StreamRecord::sequenceNumber);
    }

    /** The checkpoint record of a shard. */
    public Optional<StreamRecord> checkpointRecord(String shardId) {
        return engine.checkpoint(shardId);
    }

    /** Where the mapping stands in a shard: checkpoint, next record, blocked batch, iterator age. */
    public ShardPosition position(String shardId) {
        MappingEngine.PositionView p = engine.position(shardId);
        return new ShardPosition(shardId, Optional.ofNullable(p.checkpoint()), Optional.ofNullable(p.next()),
                Optional.ofNullable(p.blockedAt()), p.pending(), Duration.ofNanos(p.iteratorAgeNanos()));
    }

    /** The function's CloudWatch Logs: START, the handler's lines, timeouts, END, REPORT (spec 16). */
    public FunctionLogs logs() {
        return logs;
    }

    /** The function's CloudWatch metrics and the mapping's event counts (spec 10, 17). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * How long the oldest unprocessed record of the shard has waited now (zero when caught up). This is the wait of the
     * head of the shard's queue, a different number from the CloudWatch {@code IteratorAge} metric, which is the age of
     * the last record of each batch at invoke start (spec 10.1, 17.2): read that one from {@link #metrics()}.
     */
    public Duration iteratorAge(String shardId) {
        return position(shardId).iteratorAge();
    }

    /** The ledger: every record's state for this mapping. */
    public Ledger ledger() {
        return ledger;
    }

    /** Pauses polling; the checkpoint is kept (spec 1.13). */
    public void disable() {
        engine.setEnabled(false);
    }

    /** Resumes polling from the checkpoint (spec 1.13). */
    public void enable() {
        engine.setEnabled(true);
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
