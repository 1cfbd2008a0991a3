package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.FaultPlan;
import io.github.streamharness.InvocationLog;
import io.github.streamharness.Ledger;
import io.github.streamharness.MappedFunction;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.RecordState;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.WarningKind;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.VirtualClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation face: the contract example, parameters, nesting, meta-annotations, overrides. */
@KinesisStreamTest(shards = 1, handler = KinesisStreamTestTest.JsonHandler.class, timeoutSeconds = 120)
@EventSourceMapping(batchSize = 100, bisectBatchOnFunctionError = true, maximumRetryAttempts = 3,
        onFailureDestination = "arn:aws:sqs:us-east-1:123456789012:analytics-dlq")
class KinesisStreamTestTest {

    /** Fails on data that is not a JSON object, like a handler that parses every record. */
    public static class JsonHandler implements RequestHandler<KinesisEvent, Void> {
        @Override
        public Void handleRequest(KinesisEvent event, Context context) {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                String data = StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString();
                if (!data.startsWith("{") || !data.endsWith("}")) {
                    throw new IllegalArgumentException("not JSON: " + data);
                }
            }
            return null;
        }
    }

    @Test
    void poisonPillIsIsolated(StreamHarness stream, DeadLetterQueue dlq) { // the contract's example
        StreamRecord poison = stream.put("pk-7", "{not json");
        stream.put("pk-8", "{\"metric\":\"cpu\",\"value\":1}");
        stream.runUntilIdle();
        assertThat(dlq.records()).containsExactly(poison);
        assertThat(dlq.messages().get(0).condition()).isEqualTo(OnFailureCondition.RetryAttemptsExhausted);
        stream.ledger().verify();
    }

    @Test
    void resolvesEveryPartOfTheHarness(StreamHarness stream, InvocationLog log, VirtualClock clock,
                                       FaultPlan faults, MappedFunction mapping, Ledger ledger,
                                       DeadLetterQueue dlq) {
        assertThat(log).isSameAs(stream.invocations());
        assertThat(clock).isSameAs(stream.clock());
        assertThat(faults).isSameAs(stream.faults());
        assertThat(mapping).isSameAs(stream.mapping());
        assertThat(ledger).isSameAs(stream.ledger());
        assertThat(dlq).isSameAs(stream.deadLetterQueue());
        assertThat(mapping.config().batchSize()).isEqualTo(100);
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void eachTestGetsAFreshHarness(StreamHarness stream) {
        stream.put("pk", "{}");
        stream.runUntilIdle();
        assertThat(stream.ledger().total()).isEqualTo(1); // nothing from the other tests, run in parallel
    }

    @Test
    void timeoutSecondsSetsTheFunctionTimeout(StreamHarness stream) {
        stream.faults().always().timeout();
        stream.put("pk", "{}");
        stream.advance(Duration.ofMinutes(1));
        assertThat(stream.invocations().all()).isEmpty(); // still running: 120 s timeout
        stream.advance(Duration.ofMinutes(1));
        assertThat(stream.invocations().all()).singleElement()
                .satisfies(i -> assertThat(i.duration()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    @EventSourceMapping(batchSize = 1, maximumRetryAttempts = 0)
    @AllowWarnings(WarningKind.RECORDS_DISCARDED_WITHOUT_DESTINATION) // no destination on purpose
    void aMethodAnnotationReplacesTheClassMapping(StreamHarness stream) {
        stream.put("pk", "bad");
        stream.put("pk", "{}");
        stream.runUntilIdle();
        assertThat(stream.invocations().count()).isEqualTo(2);
        assertThat(stream.discarded()).extracting(StreamRecord::dataAsString).containsExactly("bad");
        assertThat(stream.mapping().hasDestination()).isFalse();
    }

    @Test
    @InjectFault(type = InjectFault.Type.TIMEOUT, dataMatches = "\"slow\"", times = 1)
    void declarativeFaultsApplyToMatchingRecords(StreamHarness stream) {
        stream.put("pk", "{\"slow\":true}");
        stream.runUntilIdle();
        assertThat(stream.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT", "OK");
    }

    /** A team's own composed annotation for test methods: a mapping and a fault, both meta-present. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @EventSourceMapping(maximumRetryAttempts = 1)
    @InjectFault(type = InjectFault.Type.TIMEOUT, times = 1)
    @interface FirstCallTimesOutOneRetry {
    }

    @Test
    @FirstCallTimesOutOneRetry
    void aComposedMethodAnnotationGivesItsMappingAndItsFault(StreamHarness stream) {
        // the extension skips JUnit's searches on methods whose annotations carry none of its own (issue 19):
        // a composed one must still be found
        stream.put("pk", "{}");
        stream.runUntilIdle();
        assertThat(stream.mapping().config().maximumRetryAttempts()).isOne();
        assertThat(stream.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("TIMEOUT", "OK");
    }

    @Nested
    class WhenNested {
        @Test
        void inheritsTheEnclosingConfiguration(StreamHarness stream, DeadLetterQueue dlq) {
            stream.put("pk", "poison");
            stream.runUntilIdle();
            assertThat(dlq.size()).isEqualTo(1);
            assertThat(stream.invocations().all()).hasSize(4); // MaximumRetryAttempts 3 from the outer class
        }

        @Nested
        @EventSourceMapping(maximumRetryAttempts = 0, onFailureDestination = "arn:aws:sns:us-east-1:123456789012:t")
        class AndOverridden {
            @Test
            void usesTheInnermostMapping(StreamHarness stream, DeadLetterQueue dlq) {
                stream.put("pk", "poison");
                stream.runUntilIdle();
                assertThat(stream.invocations().all()).hasSize(1);
                assertThat(dlq.destinationArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:t");
            }
        }
    }

    /** A team's own composed annotation. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @KinesisStreamTest(shards = 4, handler = JsonHandler.class)
    @EventSourceMapping(maximumRetryAttempts = 0)
    @interface FourShardJsonStream {
    }

    @Nested
    @FourShardJsonStream
    class AsAMetaAnnotation {
        @Test
        void configuresTheStream(StreamHarness stream) {
            assertThat(stream.shards()).hasSize(4);
            assertThat(stream.mapping().config().maximumRetryAttempts()).isZero();
        }
    }
}
