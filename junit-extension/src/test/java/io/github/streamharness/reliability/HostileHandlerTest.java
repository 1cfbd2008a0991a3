package io.github.streamharness.reliability;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.Invocation;
import io.github.streamharness.Outcome;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers that misbehave (docs/bad-inputs.md, "Handlers"): none may hang, crash the harness or lose a record
 * silently. Each failure is an ordinary failed attempt with the usual retry rules (rule 4.1), visible in the
 * timeline, and the ledger accounts for every record.
 */
class HostileHandlerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:hostile-dlq";

    private static String data(KinesisEvent.KinesisEventRecord r) {
        return StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
    }

    /** A harness whose only mapping retries once; the handler gets the delivery number (1, 2, ...). */
    private static StreamHarness harness(Function<Integer, Object> behaviour) {
        StreamHarness h = StreamHarness.builder().build();
        int[] deliveries = new int[1];
        h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(1).onFailureDestination(DLQ).build(),
                (event, context) -> behaviour.apply(++deliveries[0]));
        return h;
    }

    private static List<String> labels(StreamHarness h) {
        return h.invocations().all().stream().map(i -> i.outcome().label()).toList();
    }

    private static Outcome.FunctionError error(Invocation i) {
        return (Outcome.FunctionError) i.outcome();
    }

    @Test
    void outOfMemoryErrorIsAFailedAttemptAndTheRetryRunsInAFreshEnvironment() { // rule 4.1, 0.4
        try (StreamHarness h = harness(n -> n == 1 ? new long[Integer.MAX_VALUE] : null)) {
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly("ERROR java.lang.OutOfMemoryError", "OK");
            List<Invocation> all = h.invocations().all();
            assertThat(error(all.get(0)).functionError()).isEqualTo("Unhandled");
            assertThat(all).extracting(Invocation::environmentId).containsExactly("env-1", "env-2");
            assertThat(all.get(1).coldStart()).isTrue();
            h.ledger().verify();
            assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(1);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void stackOverflowErrorIsAFailedAttemptAndGoesToTheDestinationWhenRetriesRunOut() { // rule 4.1, 4.4
        try (StreamHarness h = harness(n -> recurse(0))) {
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly("ERROR java.lang.StackOverflowError",
                    "ERROR java.lang.StackOverflowError");
            assertThat(h.deadLetterQueue().records()).containsExactly(r);
            assertThat(h.deadLetterQueue().messages().get(0).functionError()).isEqualTo("Unhandled");
            h.ledger().verify();
        }
    }

    @Test
    void nonSerializableResponseIsARuntimeErrorNamingTheType() { // rule 4.1
        try (StreamHarness h = harness(n -> n == 1 ? new Object() : null)) {
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly(
                    "RUNTIME ERROR com.fasterxml.jackson.databind.exc.InvalidDefinitionException", "OK");
            assertThat(error(h.invocations().all().get(0)).errorMessage()).startsWith(
                    "the runtime could not serialize the handler's response (java.lang.Object) to JSON: No "
                            + "serializer found for class java.lang.Object");
            h.ledger().verify();
        }
    }

    @Test
    void responseOverSixMegabytesIsARuntimeErrorWithLambdasText() { // the 6 MB synchronous response limit
        try (StreamHarness h = harness(n -> n == 1 ? "x".repeat(6_291_557) : null)) {
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly("RUNTIME ERROR Function.ResponseSizeTooLarge", "OK");
            assertThat(error(h.invocations().all().get(0)).errorMessage()).isEqualTo("Response payload size "
                    + "exceeded maximum allowed payload size (6291556 bytes); the response had 6291559 bytes");
        }
    }

    @Test
    void aResponseOfExactlyTheLimitIsAccepted() { // the 6 MB synchronous response limit: 6,291,556 bytes pass
        try (StreamHarness h = harness(n -> "x".repeat(6_291_554))) { // with its two quotes: exactly the limit
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly("OK");
        }
    }

    @Test
    void handlerThatConsumesAndMutatesTheEventCannotCorruptTheRetry() { // architecture: fresh data per attempt
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            int[] deliveries = new int[1];
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                KinesisEvent.KinesisEventRecord r = event.getRecords().get(0);
                seen.add(r.getKinesis().getPartitionKey() + "/" + data(r) + "/" + r.getKinesis().getSequenceNumber());
                if (++deliveries[0] == 1) {
                    ByteBuffer buffer = r.getKinesis().getData();
                    buffer.rewind();
                    buffer.put(0, (byte) 'Z');                    // writes into the bytes
                    buffer.get(new byte[buffer.remaining()]);      // consumes them
                    r.getKinesis().setData(ByteBuffer.wrap("evil".getBytes(StandardCharsets.UTF_8)));
                    r.getKinesis().setPartitionKey("evil");
                    r.getKinesis().setSequenceNumber("1");
                    event.getRecords().clear();
                    throw new IllegalStateException("fail after vandalising the event");
                }
                return null;
            });
            StreamRecord r = h.put("pk", "abc");
            h.runUntilIdle();

            String expected = "pk/abc/" + r.sequenceNumber();
            assertThat(seen).containsExactly(expected, expected);
            assertThat(h.shard(0).records().get(0).dataAsString()).isEqualTo("abc");
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
        }
    }

    @Test
    void putFromInsideAHandlerWorksAndTheNewRecordIsDeliveredLater() { // re-entrant put
        AtomicReference<StreamHarness> ref = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            ref.set(h);
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                    String text = data(r);
                    seen.add(text);
                    if (text.equals("order")) {
                        ref.get().put("pk", "order-confirmed");
                    }
                }
                return null;
            });
            h.put("pk", "order");
            h.runUntilIdle();

            assertThat(seen).containsExactly("order", "order-confirmed");
            assertThat(h.invocations().count()).isEqualTo(2);
            h.ledger().verify();
            assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(2);
        }
    }

    @Test
    void runUntilIdleFromInsideAHandlerFailsTheAttemptWithAClearMessage() { // the harness is driven by one thread
        AtomicReference<StreamHarness> ref = new AtomicReference<>();
        try (StreamHarness h = harness(n -> ref.get().runUntilIdle())) {
            ref.set(h);
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            Invocation first = h.invocations().all().get(0);
            assertThat(first.outcome().label()).isEqualTo("ERROR java.lang.IllegalStateException");
            assertThat(error(first).errorMessage()).isEqualTo("runUntilIdle() was called while the harness is "
                    + "already running events (for example from inside a handler). A handler may put records and "
                    + "sleep on the virtual clock, but it cannot drive the harness.");
            assertThat(h.deadLetterQueue().records()).containsExactly(r);
            h.ledger().verify();
        }
    }

    @Test
    void handlerThatBlocksForRealIsStoppedByTheWatchdogAndRecordedAsATimeout() { // rule 0.4
        CountDownLatch never = new CountDownLatch(1);
        try (StreamHarness h = StreamHarness.builder().watchdog(Duration.ofMillis(200)).build()) {
            int[] deliveries = new int[1];
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                if (++deliveries[0] == 1) {
                    try {
                        never.await(); // a socket without a timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            });
            StreamRecord r = h.put("pk", "a");
            h.runUntilIdle();

            List<Invocation> all = h.invocations().all();
            assertThat(all).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT", "OK");
            assertThat(error(all.get(0)).errorMessage()).isEqualTo("Task timed out after 3.00 seconds");
            assertThat(all.get(0).endedAt()).isEqualTo(T0.plusSeconds(3)); // it lasted the function timeout
            assertThat(all.get(1).startedAt()).isEqualTo(T0.plusSeconds(4)); // after the 1 s back-off (rule 0.2)
            assertThat(h.ledger().stateOf(r)).isEqualTo(RecordState.COMMITTED);
        }
    }

    @Test
    void handlerThatSpawnsAndJoinsAWorkerThreadGetsTheWorkersVirtualTime() {
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                Thread worker = new Thread(() -> {
                    event.getRecords().forEach(r -> seen.add(data(r)));
                    h.clock().sleep(Duration.ofSeconds(2)); // the worker's time is the invocation's
                }, "handler-worker");
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(seen).containsExactly("a");
            Invocation only = h.invocations().all().get(0);
            assertThat(only.outcome().isSuccess()).isTrue();
            assertThat(only.duration()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void exceptionInAThreadTheHandlerSpawnedDoesNotFailTheInvocation() { // as on Lambda: only the handler's own
        try (StreamHarness h = StreamHarness.builder().build()) {
            Thread[] spawned = new Thread[1];
            h.addMapping(EventSourceMappingConfig.defaults(), (event, c) -> {
                spawned[0] = new Thread(() -> {
                    throw new IllegalStateException("background failure");
                }, "handler-background");
                spawned[0].setUncaughtExceptionHandler((t, e) -> { });
                spawned[0].start();
                return null;
            });
            h.put("pk", "a");
            h.runUntilIdle();

            assertThat(labels(h)).containsExactly("OK");
            assertThat(h.ledger().count(RecordState.COMMITTED)).isEqualTo(1);
        }
    }
}
