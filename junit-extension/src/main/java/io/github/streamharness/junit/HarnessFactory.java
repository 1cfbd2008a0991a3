package io.github.streamharness.junit;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FaultPlan;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds a test's harness from the extension's settings and the annotations, by the documented precedence. */
final class HarnessFactory {
    private HarnessFactory() {
    }

    /** Checks what can be checked before the test runs: annotations, the mapping, the handler sources. */
    static void validate(KinesisStreamExtension.Builder settings, ExtensionContext context) {
        Optional<KinesisStreamTest> test = findOnClasses(context, KinesisStreamTest.class);
        applyConfigurationParameters(StreamHarness.builder(), context);
        test.ifPresent(t -> applyNonDefaults(t, StreamHarness.builder(), context));
        EventSourceMappingConfig mapping = mapping(settings, context);
        List<String> fields = handlerFields(context);
        Class<?> annotated = test.map(KinesisStreamTest::handler).filter(c -> c != Void.class).orElse(null);
        checkHandlerSources(fields, annotated, context);
        if (mapping != null && fields.isEmpty() && annotated == null && settings.handler == null) {
            throw noHandler(context);
        }
    }

    private static ExtensionConfigurationException noHandler(ExtensionContext context) {
        return new ExtensionConfigurationException("Test " + context.getDisplayName() + " configures an event "
                + "source mapping but no handler. Give one with @KinesisStreamTest(handler = MyHandler.class), "
                + "a @HandlerUnderTest field holding an instance, or KinesisStreamExtension.builder().handler(..).");
    }

    private static List<String> handlerFields(ExtensionContext context) {
        List<String> names = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : ReflectionSupport.findFields(instance.getClass(),
                    f -> f.isAnnotationPresent(HandlerUnderTest.class), HierarchyTraversalMode.TOP_DOWN)) {
                names.add(f.getDeclaringClass().getSimpleName() + "." + f.getName());
            }
        }
        return names;
    }

    private static void checkHandlerSources(List<String> fields, Class<?> annotated, ExtensionContext context) {
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException("Two handlers for " + context.getDisplayName() + ": "
                    + "@HandlerUnderTest fields " + fields + ". Keep one (a test has one function under test; "
                    + "add further mappings with StreamHarness.addMapping).");
        }
        if (fields.size() == 1 && annotated != null) {
            throw new ExtensionConfigurationException("Two handlers for " + context.getDisplayName() + ": "
                    + "@KinesisStreamTest(handler = " + annotated.getSimpleName() + ".class) and @HandlerUnderTest "
                    + "field " + fields.get(0) + ". Remove one of them.");
        }
    }

    static StreamHarness create(KinesisStreamExtension.Builder settings, ExtensionContext context) {
        Optional<KinesisStreamTest> test = findOnClasses(context, KinesisStreamTest.class);
        StreamHarness.Builder b = StreamHarness.builder();
        b.functionName(settings.functionName != null ? settings.functionName : "test-function");
        if (settings.shards != null) {
            b.shards(settings.shards);
        }
        if (settings.streamName != null) {
            b.streamName(settings.streamName);
        }
        if (settings.functionTimeout != null) {
            b.functionTimeout(settings.functionTimeout);
        }
        applyConfigurationParameters(b, context);
        settings.harnessSettings.accept(b);
        test.ifPresent(t -> applyNonDefaults(t, b, context));

        Object handler = handler(settings, test, context);
        EventSourceMappingConfig mapping = mapping(settings, context);
        if (mapping != null && handler == null) {
            throw noHandler(context);
        }
        if (handler != null) {
            b.mapping(mapping != null ? mapping : EventSourceMappingConfig.defaults());
            b.handler(handler);
        }
        StreamHarness harness;
        try {
            harness = b.build();
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ExtensionConfigurationException("Cannot create the stream for " + context.getDisplayName()
                    + ": " + e.getMessage(), e);
        }
        settings.faults.accept(harness.faults());
        applyFaults(harness.faults(), context);
        return harness;
    }

    /** JUnit configuration parameter: the seed of every test that sets none (junit-platform.properties, -D...). */
    static final String SEED_PARAMETER = "streamharness.seed";
    /** JUnit configuration parameter: where the virtual clock starts (ISO-8601) for tests that set no start. */
    static final String START_TIME_PARAMETER = "streamharness.startTime";

    /** The run-wide defaults, below the builder's and the annotation's values. */
    private static void applyConfigurationParameters(StreamHarness.Builder b, ExtensionContext context) {
        String parameter = SEED_PARAMETER;
        try {
            Optional<String> seed = context.getConfigurationParameter(SEED_PARAMETER);
            if (seed.isPresent()) {
                b.seed(Long.parseLong(seed.get().trim()));
            }
            parameter = START_TIME_PARAMETER;
            Optional<String> start = context.getConfigurationParameter(START_TIME_PARAMETER);
            if (start.isPresent()) {
                b.startTime(Instant.parse(start.get().trim()));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ExtensionConfigurationException("Invalid JUnit configuration parameter " + parameter + ": "
                    + e.getMessage() + " (" + SEED_PARAMETER + " takes a long, " + START_TIME_PARAMETER
                    + " an ISO-8601 instant such as 2026-01-01T00:00:00Z)", e);
        }
    }

    private static void applyNonDefaults(KinesisStreamTest t, StreamHarness.Builder b, ExtensionContext context) {
        try {
            if (t.shards() != 1) {
                b.shards(t.shards());
            }
            if (t.timeoutSeconds() != 3) {
                b.functionTimeout(Duration.ofSeconds(t.timeoutSeconds()));
            }
            if (!t.streamName().equals("test-stream")) {
                b.streamName(t.streamName());
            }
            if (!t.functionName().equals("test-function")) {
                b.functionName(t.functionName());
            }
            if (t.memorySize() != 128) {
                b.memorySize(t.memorySize());
            }
            if (t.seed() != 20_260_101L) {
                b.seed(t.seed());
            }
            if (!t.startTime().equals("2026-01-01T00:00:00Z")) {
                b.startTime(Instant.parse(t.startTime()));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ExtensionConfigurationException("Invalid @KinesisStreamTest on " + context.getDisplayName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Object handler(KinesisStreamExtension.Builder settings, Optional<KinesisStreamTest> test,
                                  ExtensionContext context) {
        Class<?> annotated = test.map(KinesisStreamTest::handler).filter(c -> c != Void.class).orElse(null);
        checkHandlerSources(handlerFields(context), annotated, context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : ReflectionSupport.findFields(instance.getClass(),
                    f -> f.isAnnotationPresent(HandlerUnderTest.class), HierarchyTraversalMode.TOP_DOWN)) {
                Object value = ReflectionSupport.tryToReadFieldValue(f, instance).toOptional().orElse(null);
                if (value == null) {
                    throw new ExtensionConfigurationException("@HandlerUnderTest field " + f.getDeclaringClass()
                            .getSimpleName() + "." + f.getName() + " is null when the test asks for the stream. "
                            + "Assign it in its declaration, a constructor or a @BeforeEach method.");
                }
                return value;
            }
        }
        return annotated != null ? annotated : settings.handler;
    }

    private static EventSourceMappingConfig mapping(KinesisStreamExtension.Builder settings,
                                                    ExtensionContext context) {
        Optional<EventSourceMapping> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, EventSourceMapping.class));
        Optional<EventSourceMapping> annotation = onMethod.isPresent() ? onMethod
                : findOnClasses(context, EventSourceMapping.class);
        if (annotation.isEmpty()) {
            return settings.mapping;
        }
        EventSourceMapping a = annotation.get();
        try {
            EventSourceMappingConfig.Builder b = EventSourceMappingConfig.builder()
                    .batchSize(a.batchSize())
                    .maximumBatchingWindowInSeconds(a.maximumBatchingWindowInSeconds())
                    .parallelizationFactor(a.parallelizationFactor())
                    .startingPosition(a.startingPosition())
                    .bisectBatchOnFunctionError(a.bisectBatchOnFunctionError())
                    .maximumRetryAttempts(a.maximumRetryAttempts())
                    .maximumRecordAgeInSeconds(a.maximumRecordAgeInSeconds())
                    .onFailureDestination(a.onFailureDestination())
                    .tumblingWindowInSeconds(a.tumblingWindowInSeconds())
                    .filterPatterns(a.filterPatterns())
                    .enabled(a.enabled());
            if (a.reportBatchItemFailures()) {
                b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            }
            if (!a.startingPositionTimestamp().isEmpty()) {
                b.startingPositionTimestamp(Instant.parse(a.startingPositionTimestamp()));
            }
            return b.build();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ExtensionConfigurationException("Invalid @EventSourceMapping for " + context.getDisplayName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void applyFaults(FaultPlan plan, ExtensionContext context) {
        List<InjectFault> faults = new ArrayList<>();
        for (Class<?> c : classes(context)) {
            faults.addAll(AnnotationSupport.findRepeatableAnnotations(c, InjectFault.class));
        }
        context.getTestMethod().ifPresent(m ->
                faults.addAll(AnnotationSupport.findRepeatableAnnotations(m, InjectFault.class)));
        for (InjectFault f : faults) {
            apply(plan, f, context);
        }
    }

    private static void apply(FaultPlan plan, InjectFault f, ExtensionContext context) {
        if (f.type() == InjectFault.Type.COLD_START) {
            plan.coldStarts(Duration.ofMillis(f.millis()));
            return;
        }
        Predicate<StreamRecord> match = r -> true;
        if (!f.dataMatches().isEmpty()) {
            Pattern p;
            try {
                p = Pattern.compile(f.dataMatches());
            } catch (PatternSyntaxException e) {
                throw new ExtensionConfigurationException("@InjectFault dataMatches \"" + f.dataMatches()
                        + "\" is not a valid regular expression: " + e.getDescription(), e);
            }
            match = match.and(r -> p.matcher(r.dataAsString()).find());
        }
        if (!f.partitionKey().isEmpty()) {
            match = match.and(r -> r.partitionKey().equals(f.partitionKey()));
        }
        if (!f.shard().isEmpty()) {
            match = match.and(r -> r.shardId().equals(f.shard()));
        }
        FaultPlan.Target target = f.invocation() > 0
                ? plan.onInvocation(f.invocation())
                : plan.onRecord(match);
        if (f.invocation() > 0 && (!f.dataMatches().isEmpty() || !f.partitionKey().isEmpty()
                || !f.shard().isEmpty())) {
            throw new ExtensionConfigurationException("@InjectFault on " + context.getDisplayName() + " combines "
                    + "invocation = " + f.invocation() + " with a record filter; use one or the other.");
        }
        if (f.times() > 0) {
            target.times(f.times());
        }
        switch (f.type()) {
            case TIMEOUT -> target.timeout();
            case EXCEPTION -> target.fail(f.message());
            case LATENCY -> target.latency(Duration.ofMillis(f.millis()));
            case THROTTLE -> target.throttle();
            default -> throw new IllegalStateException(f.type().toString());
        }
    }

    /** The test class, then its enclosing classes (for {@code @Nested}), innermost first. */
    private static List<Class<?>> classes(ExtensionContext context) {
        List<Class<?>> list = new ArrayList<>();
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            list.add(c);
        }
        return list;
    }

    static <A extends java.lang.annotation.Annotation> Optional<A> findOnClasses(ExtensionContext context,
                                                                                Class<A> type) {
        for (AnnotatedElement c : classes(context)) {
            Optional<A> a = AnnotationSupport.findAnnotation(c, type);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }
}
