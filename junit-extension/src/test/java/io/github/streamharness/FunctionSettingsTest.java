package io.github.streamharness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness's settings frozen at build(), the function's own settings (section 15), and the typed handler overloads
 * (a tumbling-window handler type fits; a lambda gets a KinesisEvent).
 */
class FunctionSettingsTest {
    private static final RequestHandler<KinesisEvent, Void> NOOP = (e, c) -> null;

    @Test
    void theDefaultsAreLambdas() { // rule 15.1; DEFAULTS is built while the class initializes, from its constants
        assertThat(FunctionSettings.DEFAULTS.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(FunctionSettings.DEFAULTS.keepWarm()).isEqualTo(Duration.ofMinutes(10));
        assertThat(FunctionSettings.DEFAULTS.memorySize()).isEqualTo(128);
        assertThat(FunctionSettings.DEFAULTS).isEqualTo(FunctionSettings.builder().build());
    }

    @Test
    void aBuilderChangedAfterBuildDoesNotChangeTheHarness() {
        StreamHarness.Builder builder = StreamHarness.builder().functionName("first")
                .functionTimeout(Duration.ofSeconds(10)).shards(2);
        try (StreamHarness h = builder.build()) {
            builder.functionName("second").functionTimeout(Duration.ofSeconds(20)).memorySize(1024).shards(3)
                    .seed(1);
            MappedFunction f = h.addMapping(EventSourceMappingConfig.defaults(), NOOP);
            assertThat(f.functionName()).isEqualTo("first");
            assertThat(f.functionSettings().timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(f.functionSettings().memorySize()).isEqualTo(128);
            assertThat(h.shards()).hasSize(2);
            assertThat(h.seed()).isEqualTo(20_260_101L);
        }
    }

    @Test
    void oneBuilderBuildsIndependentHarnesses() {
        StreamHarness.Builder builder = StreamHarness.builder().handler(NOOP);
        try (StreamHarness first = builder.build();
             StreamHarness second = builder.functionName("other").build()) {
            assertThat(first.mapping().functionName()).isEqualTo("test-function");
            assertThat(second.mapping().functionName()).isEqualTo("other");
        }
    }

    @Test
    void aSecondFunctionHasItsOwnNameTimeoutAndMemory() { // rule 15.1
        List<String> seen = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(10)).build()) {
            RequestHandler<KinesisEvent, Void> slow = (e, c) -> {
                seen.add(c.getFunctionName() + " " + c.getMemoryLimitInMB() + " " + c.getRemainingTimeInMillis());
                h.clock().sleep(Duration.ofSeconds(6));
                return null;
            };
            MappedFunction main = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    slow);
            MappedFunction archiver = h.addMapping(EventSourceMappingConfig.builder().maximumRetryAttempts(0).build(),
                    slow, FunctionSettings.builder().functionName("archiver").timeout(Duration.ofSeconds(5))
                            .memorySize(512).build());
            h.put("pk", "x");
            h.runUntilIdle();
            assertThat(seen).containsExactlyInAnyOrder("test-function 128 10000", "archiver 512 5000");
            assertThat(main.invocations().all()).extracting(i -> i.outcome().label()).containsExactly("OK");
            assertThat(archiver.invocations().all().get(0).outcome())
                    .isInstanceOfSatisfying(Outcome.FunctionError.class, fe ->
                            assertThat(fe.errorMessage()).isEqualTo("Task timed out after 5.00 seconds"));
        }
    }

    @Test
    void settingsWithoutANameTakeTheNextDefaultName() {
        try (StreamHarness h = StreamHarness.builder().handler(NOOP).build()) {
            MappedFunction second = h.addMapping(EventSourceMappingConfig.defaults(), NOOP,
                    FunctionSettings.builder().memorySize(256).build());
            assertThat(second.functionName()).isEqualTo("test-function-2");
            assertThat(second.functionSettings().memorySize()).isEqualTo(256);
        }
    }

    @Test
    void theInitDurationOfANewEnvironmentCountsAgainstTheTimeout() { // rule 0.15
        List<Integer> remaining = new ArrayList<>();
        try (StreamHarness h = StreamHarness.builder().functionTimeout(Duration.ofSeconds(3))
                .initDuration(Duration.ofSeconds(2))
                .handler((e, c) -> {
                    remaining.add(c.getRemainingTimeInMillis());
                    return null;
                }).build()) {
            h.put("pk", "a");
            h.runUntilIdle();
            h.put("pk", "b");
            h.runUntilIdle();
            assertThat(remaining).containsExactly(1000, 3000); // cold: timeout minus Init; then warm
        }
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().functionName("my function"),
                        "a Lambda function name is 1 to 64 letters, digits, hyphens (-) or underscores (_), got "
                                + "'my function'"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().timeout(Duration.ofMillis(500)),
                        "a Lambda function timeout is 1 to 900 seconds, got PT0.5S"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().memorySize(64),
                        "Lambda memory is 128 to 10240 MB, got 64"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().reservedConcurrentExecutions(-1),
                        "reservedConcurrentExecutions must be 0 or more (0 throttles every invocation; leave it unset "
                                + "for an unreserved function), got -1"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().provisionedConcurrentExecutions(-1),
                        "provisionedConcurrentExecutions must be 0 or more (0 means no provisioned concurrency), "
                                + "got -1"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().initDuration(Duration.ofSeconds(11)),
                        "initDuration must be 0 to 10 seconds (Lambda limits the Init phase to 10 s), got PT11S"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().keepWarm(Duration.ZERO),
                        "keepWarm must be positive, got PT0S"),
                Arguments.of((Supplier<?>) () -> FunctionSettings.builder().reservedConcurrentExecutions(2)
                                .provisionedConcurrentExecutions(3).build(),
                        "provisionedConcurrentExecutions 3 exceeds reservedConcurrentExecutions 2: provisioned "
                                + "environments count against the function's reserved concurrency (rule 15.4). Raise "
                                + "the reserved concurrency or lower the provisioned one."),
                Arguments.of((Supplier<?>) () -> StreamHarness.builder().reservedConcurrentExecutions(1)
                                .provisionedConcurrentExecutions(2).build(),
                        "provisionedConcurrentExecutions 2 exceeds reservedConcurrentExecutions 1: provisioned "
                                + "environments count against the function's reserved concurrency (rule 15.4). Raise "
                                + "the reserved concurrency or lower the provisioned one."));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badFunctionSettingsFailWithAMessageNamingTheValue(Supplier<?> settings, String message) {
        assertThatThrownBy(settings::get).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    /** A tumbling-window handler type from aws-lambda-java-events (section 8 is not modelled: no window fields). */
    public static final class WindowHandler implements RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> {
        static final List<String> SEEN = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public TimeWindowEventResponse handleRequest(KinesisTimeWindowEvent event, Context context) {
            SEEN.add(context.getFunctionName() + " " + event.getRecords().size() + " " + event.getWindow());
            return TimeWindowEventResponse.builder().withBatchItemFailures(List.of()).build();
        }
    }

    @Test
    void aTimeWindowHandlerFitsTheTypedOverloadsAndGetsATimeWindowEvent() {
        List<Object> events = new ArrayList<>();
        RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> instance = new RequestHandler<>() {
            @Override
            public TimeWindowEventResponse handleRequest(KinesisTimeWindowEvent event, Context context) {
                events.add(event);
                return null;
            }
        };
        try (StreamHarness h = StreamHarness.builder().handler(instance).build()) {
            h.addMapping(EventSourceMappingConfig.defaults(), WindowHandler.class,
                    FunctionSettings.named("window-class-" + System.identityHashCode(this)));
            h.addMapping(EventSourceMappingConfig.defaults(), (e, c) -> events.add(e) ? null : null,
                    FunctionSettings.named("lambda"));
            h.put("pk", "a");
            h.runUntilIdle();
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(KinesisTimeWindowEvent.class);
            assertThat(events.get(1)).isExactlyInstanceOf(KinesisEvent.class);
            assertThat(WindowHandler.SEEN).contains("window-class-" + System.identityHashCode(this) + " 1 null");
            assertThat(h.mappings()).allSatisfy(m -> assertThat(m.ledger().count(RecordState.COMMITTED)).isOne());
        }
    }
}
