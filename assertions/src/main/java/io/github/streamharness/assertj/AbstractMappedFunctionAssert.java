package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.ShardPosition;

import java.util.Objects;

import static io.github.streamharness.assertj.ShouldHaveConsistentLedger.shouldHaveConsistentLedger;

/**
 * Assertions on one function attached by an event source mapping, and the way into assertions on its parts
 * (on-failure destination, invocation log, position in a shard), whose failure messages all end with this
 * mapping's timeline.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractMappedFunctionAssert<SELF extends AbstractMappedFunctionAssert<SELF>>
        extends AbstractStreamAssert<SELF, MappedFunction> {

    /** Creates the assertion; the mapping's invocation log is its timeline. */
    protected AbstractMappedFunctionAssert(MappedFunction actual, Class<?> selfType) {
        super(actual, selfType);
        this.timeline = actual == null ? null : actual.invocations();
    }

    /**
     * Assertions on the messages the mapping sent to its on-failure destination.
     *
     * @throws IllegalStateException when the mapping has no destination (AWS then discards failed records)
     */
    public DeadLetterQueueAssert deadLetterQueue() {
        isNotNull();
        return open(DeadLetterQueueAssert.class, DeadLetterQueue.class, actual.deadLetterQueue(),
                DeadLetterQueueAssert::new, actual.invocations());
    }

    /** Assertions on what the mapping invoked. */
    public InvocationLogAssert invocations() {
        isNotNull();
        return open(InvocationLogAssert.class, InvocationLog.class, actual.invocations(), InvocationLogAssert::new,
                actual.invocations());
    }

    /** Assertions on the mapping's position in a shard, as it is now: {@code shard("shardId-000000000000")}. */
    public ShardPositionAssert shard(String shardId) {
        isNotNull();
        Objects.requireNonNull(shardId, "shardId");
        return open(ShardPositionAssert.class, ShardPosition.class, actual.position(shardId),
                ShardPositionAssert::new, actual.invocations());
    }

    /** Assertions on the function's CloudWatch Logs (section 16). */
    public FunctionLogsAssert logs() {
        isNotNull();
        return open(FunctionLogsAssert.class, io.github.streamharness.FunctionLogs.class, actual.logs(),
                FunctionLogsAssert::new, null);
    }

    /** Assertions on the function's metrics (section 17). */
    public MetricsAssert metrics() {
        isNotNull();
        return open(MetricsAssert.class, io.github.streamharness.Metrics.class, actual.metrics(), MetricsAssert::new,
                null);
    }

    /**
     * Verifies that every record written to the stream is in exactly one state for this mapping: nothing lost,
     * nothing counted twice, every on-failure record in a message, every committed record delivered.
     */
    public SELF hasConsistentLedger() {
        isNotNull();
        try {
            actual.ledger().verify();
        } catch (IllegalStateException e) {
            throwAssertionError(shouldHaveConsistentLedger(actual.functionName(), e.getMessage(),
                    actual.ledger().counts().toString(), story()));
        }
        return myself;
    }
    /**
     * Assertions on the tumbling window starting at {@code start} (section 8), e.g.
     * {@code assertThat(function).window(Instant.parse("2026-01-01T00:01:00Z")).hasFinalState(Map.of("count", "3"))}.
     * Fails when no lane had that window, and asks for {@link #window(String, java.time.Instant)} when several did.
     */
    public TumblingWindowAssert window(java.time.Instant start) {
        return window(null, start);
    }

    /** Assertions on the tumbling window of {@code shardId} starting at {@code start} (section 8). */
    public TumblingWindowAssert window(String shardId, java.time.Instant start) {
        isNotNull();
        Objects.requireNonNull(start, "start");
        java.util.List<io.github.streamharness.TumblingWindow> found = actual.invocations().windows(start).stream()
                .filter(w -> shardId == null || w.shardId().equals(shardId)).toList();
        if (found.size() != 1) {
            failWithMessage(found.isEmpty()
                    ? "%nExpecting a tumbling window starting at %s%s, but the windows were:%n  %s%n%s"
                    : "%nExpecting one tumbling window starting at %s%s, but several lanes or shards had one: %s; "
                    + "name the shard, or read windows(start)%n%s", start,
                    shardId == null ? "" : " in " + shardId, found.isEmpty() ? actual.invocations().windows().stream()
                            .map(w -> w.shardId() + "/" + w.lane() + " " + w.start()).toList()
                            : found.stream().map(w -> w.shardId() + "/" + w.lane()).toList(), story());
        }
        return open(TumblingWindowAssert.class, io.github.streamharness.TumblingWindow.class, found.get(0),
                TumblingWindowAssert::new, actual.invocations());
    }
}
