package io.github.streamharness.assertj;

import io.github.streamharness.MappedFunction;
import io.github.streamharness.StreamHarness;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.github.streamharness.assertj.ShouldHaveConsistentLedger.shouldHaveConsistentLedger;

/**
 * The way into assertions on a harness's mappings: {@code assertThat(stream).deadLetterQueue().containsOnly(r)},
 * {@code assertThat(stream).shard("shardId-000000000000").hasCheckpointAt(r)}. With one mapping these are that
 * mapping's; with several, pick one with {@link #mapping(String)}. Failure messages end with the timeline.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractStreamHarnessAssert<SELF extends AbstractStreamHarnessAssert<SELF>>
        extends AbstractStreamAssert<SELF, StreamHarness> {

    /** Creates the assertion; the stream ARN makes event sizes exact ({@code noBatchOver6MB}). */
    protected AbstractStreamHarnessAssert(StreamHarness actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Assertions on the only mapping.
     *
     * @throws IllegalStateException when the harness has no mapping or several
     */
    public MappedFunctionAssert mapping() {
        isNotNull();
        return openMapping(actual.mapping());
    }

    /**
     * Assertions on the mapping of the function named {@code functionName}.
     *
     * @throws IllegalArgumentException when no mapping invokes that function
     */
    public MappedFunctionAssert mapping(String functionName) {
        isNotNull();
        Objects.requireNonNull(functionName, "functionName");
        MappedFunction f = actual.mappings().stream().filter(m -> m.functionName().equals(functionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mapping invokes " + functionName + "; the "
                        + "mappings invoke: " + actual.mappings().stream().map(MappedFunction::functionName)
                        .collect(Collectors.joining(", "))));
        return openMapping(f);
    }

    /** Assertions on the only mapping's on-failure destination messages. */
    public DeadLetterQueueAssert deadLetterQueue() {
        return mapping().deadLetterQueue();
    }

    /** Assertions on what the only mapping invoked. */
    public InvocationLogAssert invocations() {
        return mapping().invocations();
    }

    /** Assertions on the only mapping's function's CloudWatch Logs (section 16). */
    public FunctionLogsAssert logs() {
        return mapping().logs();
    }

    /** Assertions on the only mapping's function's metrics (section 17). */
    public MetricsAssert metrics() {
        return mapping().metrics();
    }

    /** Assertions on the only mapping's position in a shard, as it is now. */
    public ShardPositionAssert shard(String shardId) {
        return mapping().shard(shardId);
    }

    /** Assertions on the only mapping's position in the shard at {@code index} (0-based), as it is now. */
    public ShardPositionAssert shard(int index) {
        isNotNull();
        return mapping().shard(actual.shard(index).id());
    }

    /** Verifies every mapping's ledger: each record in exactly one state, nothing lost or counted twice. */
    public SELF hasConsistentLedger() {
        isNotNull();
        for (MappedFunction m : actual.mappings()) {
            try {
                m.ledger().verify();
            } catch (IllegalStateException e) {
                throwAssertionError(shouldHaveConsistentLedger(m.functionName(), e.getMessage(),
                        m.ledger().counts().toString(), m.invocations().describe(timelineLines)));
            }
        }
        return myself;
    }

    /** Verifies that the harness raised no warning for any of its mappings (see {@code WarningKind}). */
    public SELF hasNoWarnings() {
        isNotNull();
        for (MappedFunction m : actual.mappings()) {
            List<String> warnings = m.invocations().warningEntries().stream()
                    .map(e -> "[" + e.warning() + "] " + e.text()).toList();
            if (!warnings.isEmpty()) {
                throwAssertionError(ShouldHaveOutcome.shouldHaveNoWarnings(m.functionName(), warnings,
                        m.invocations().describe(timelineLines)));
            }
        }
        return myself;
    }

    @Override
    String storyWithoutTimeline() {
        return actual.describe(timelineLines);
    }

    private MappedFunctionAssert openMapping(MappedFunction f) {
        return open(MappedFunctionAssert.class, MappedFunction.class, f, MappedFunctionAssert::new,
                f.invocations());
    }
}
