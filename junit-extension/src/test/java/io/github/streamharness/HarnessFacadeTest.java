package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness used the wrong way round: a shortcut that needs the only mapping on a bare stream or on a stream with
 * several, the clock moved back, a closed harness, a record of another stream (docs/bad-inputs.md); and the names of
 * the functions of further mappings (rule 1.15).
 */
class HarnessFacadeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RequestHandler<KinesisEvent, Void> NOTHING = (e, c) -> null;

    @Test
    void aShortcutOnABareStreamSaysHowToAddAMapping() {
        StreamHarness h = StreamHarness.builder().build();
        assertThatThrownBy(h::invocations).isInstanceOf(IllegalStateException.class)
                .hasMessage("invocations() needs a mapping, but stream test-stream is a bare stream: add one with "
                        + "addMapping(config, handler), or build with mapping(..) and handler(..).");
        assertThatThrownBy(() -> h.checkpoint("shardId-000000000000")).hasMessageStartingWith("checkpoint(..) needs");
        assertThat(h.describe(10)).isEqualTo("stream test-stream (no mapping)");
        assertThat(h.mappings()).isEmpty();
    }

    @Test
    void aShortcutOnAStreamWithTwoMappingsNamesThemAndSaysWhichObjectToAsk() { // rule 1.15, 3.4
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction first = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        MappedFunction second = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        MappedFunction third = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING,
                FunctionSettings.named("archiver"));
        MappedFunction fourth = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        assertThat(List.of(first, second, third, fourth)).extracting(MappedFunction::functionName)
                .containsExactly("test-function", "test-function-2", "archiver", "test-function-4");
        assertThat(h.mappings()).containsExactly(first, second, third, fourth);
        assertThatThrownBy(h::deadLetterQueue).isInstanceOf(IllegalStateException.class)
                .hasMessage("deadLetterQueue() is ambiguous: stream test-stream has 4 mappings (test-function, "
                        + "test-function-2, archiver, test-function-4); call it on the MappedFunction that "
                        + "addMapping returned.");
        h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.describe(5).lines().filter(l -> l.contains("invocation"))).isNotEmpty();
        assertThat(h.describe(5)).contains("test-function-2", "archiver");
    }

    @Test
    void aDefaultFunctionNameSkipsANameTheUserGaveAnotherMapping() { // rule 1.15
        StreamHarness h = StreamHarness.builder().build();
        h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        h.addMapping(EventSourceMappingConfig.defaults(), NOTHING, FunctionSettings.named("test-function-3"));
        MappedFunction third = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        MappedFunction fourth = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        assertThat(List.of(third, fourth)).extracting(MappedFunction::functionName)
                .containsExactly("test-function-4", "test-function-5");
        assertThat(h.mappings()).extracting(MappedFunction::functionName).doesNotHaveDuplicates();
    }

    @Test
    void theOnlyMappingAnswersTheShortcuts() {
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        StreamRecord r = h.put("pk", "x");
        h.runUntilIdle();
        assertThat(h.mapping()).isSameAs(f);
        assertThat(h.invocations()).isSameAs(f.invocations());
        assertThat(h.checkpoint("shardId-000000000000")).contains(r.sequenceNumber());
        assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
        assertThat(h.describe(10)).isEqualTo(f.invocations().describe(10));
    }

    @Test
    void theClockCannotMoveBack() {
        StreamHarness h = StreamHarness.builder().build();
        h.advanceTo(T0.plusSeconds(60));
        h.advanceTo(T0.plusSeconds(60)); // where it is: nothing to do
        assertThat(h.clock().now()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> h.advanceTo(T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot move the clock back from 2026-01-01T00:01:00Z to 2026-01-01T00:00:00Z");
        assertThat(h.clock().now()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aClosedHarnessRefusesWorkAndClosesOnce() {
        StreamHarness h = StreamHarness.builder().build();
        MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), NOTHING);
        StreamRecord r = h.put("pk", "x");
        h.close();
        h.close(); // idempotent
        List<Runnable> refused = List.of(() -> h.put("pk", "y"), h::runUntilIdle, () -> h.advance(Duration.ofSeconds(1)),
                () -> h.advanceTo(T0.plusSeconds(1)), () -> h.addMapping(EventSourceMappingConfig.defaults(), NOTHING),
                () -> h.splitShard("shardId-000000000000"), () -> h.updateShardCount(2));
        for (Runnable call : refused) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this harness is closed");
        }
        assertThat(f.ledger().stateOf(r)).isEqualTo(RecordState.PENDING); // still readable, nothing lost
        assertThat(h.shard(0).records()).containsExactly(r);
    }

    @Test
    void aRecordOfAnotherStreamIsNamedInTheError() {
        StreamHarness h = StreamHarness.builder().build();
        String top = java.math.BigInteger.ONE.shiftLeft(128).subtract(java.math.BigInteger.ONE).toString();
        StreamRecord elsewhere = StreamHarness.builder().streamName("other").shards(3).build()
                .put("pk", new byte[1], top); // in shardId-000000000002, which this stream does not have
        assertThatThrownBy(() -> h.shardOf(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(elsewhere + " is not a record of stream test-stream");
        assertThat(h.shardOf(h.put("pk", "y")).id()).isEqualTo("shardId-000000000000");
    }
}
