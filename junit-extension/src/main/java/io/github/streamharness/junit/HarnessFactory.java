package io.github.streamharness.junit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FaultPlan;
import io.github.streamharness.FunctionResponseType;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.StreamRecord;
import io.github.streamharness.TemplateFunction;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

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

/**
 * Builds a test's harness from the extension's settings and the annotations, by one precedence rule: for each
 * setting, the most specific source that sets it wins. From the least to the most specific, each layer applied over
 * the one before and setting only what it sets:
 * <ol>
 *   <li>the defaults (AWS's, held by {@code StreamHarness.Builder}, {@code FunctionSettings} and
 *       {@code EventSourceMappingConfig}: the one place they live);</li>
 *   <li>a template ({@code @KinesisStreamTest(template = ..., function = ...)}, read by {@link TemplateSettings});
 *       </li>
 *   <li>the extension's builder ({@code KinesisStreamExtension.builder()});</li>
 *   <li>{@code @KinesisStreamTest} of the enclosing classes, outermost first, then of the test class: an attribute
 *       left at its UNSET sentinel sets nothing;</li>
 *   <li>the method: its {@code @EventSourceMapping} and {@code @InjectFault}.</li>
 * </ol>
 * An {@code @EventSourceMapping} is a whole mapping (its own defaults are AWS's): the method's replaces the class's,
 * which replaces the builder's.
 */
final class HarnessFactory {
    private HarnessFactory() {
    }

    /** Checks what can be checked before the test runs: annotations, the mapping, the handler sources. */
    static void validate(KinesisStreamExtension.Builder settings, ExtensionContext context) {
        ClassPlan plan = ClassPlan.of(context);
        applyConfigurationParameters(null, plan, context);
        if (!plan.testAttributesValid) {
            applyTestAnnotations(StreamHarness.builder(), plan, context); // fails, naming this test
        }
        EventSourceMappingConfig mapping = mapping(settings, plan, context);
        List<String> fields = handlerFieldNames(plan, context);
        checkHandlerSources(fields, plan.annotatedHandler, context);
        if (mapping != null && fields.isEmpty() && plan.annotatedHandler == null && settings.handler == null) {
            throw noHandler(context);
        }
    }

    private static ExtensionConfigurationException noHandler(ExtensionContext context) {
        return new ExtensionConfigurationException("Test " + context.getDisplayName() + " configures an event "
                + "source mapping but no handler. Give one with @KinesisStreamTest(handler = MyHandler.class), "
                + "a @HandlerUnderTest field holding an instance, or KinesisStreamExtension.builder().handler(..).");
    }

    private static List<String> handlerFieldNames(ClassPlan plan, ExtensionContext context) {
        List<String> names = List.of();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : plan.handlerFields(context, instance.getClass())) {
                if (names.isEmpty()) {
                    names = new ArrayList<>();
                }
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
        ClassPlan plan = ClassPlan.of(context);
        StreamHarness.Builder b = StreamHarness.builder();   // the defaults
        applyConfigurationParameters(b, plan, context);      // run-wide defaults from JUnit's configuration
        applyTemplate(b, plan, context);
        settings.applyTo(b);
        applyTestAnnotations(b, plan, context);

        // validate() checked the sources when it ran; checked again (cheap), since a harness may be asked for where
        // no beforeEach ran
        Object handler = handler(settings, plan, context);
        EventSourceMappingConfig mapping = mapping(settings, plan, context);
        if (mapping != null && handler == null) {
            throw noHandler(context);
        }
        if (handler != null) {
            b.mapping(mapping != null ? mapping : EventSourceMappingConfig.defaults());
            setHandler(b, handler, context);
        }
        StreamHarness harness;
        try {
            harness = b.build();
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ExtensionConfigurationException("Cannot create the stream for " + context.getDisplayName()
                    + ": " + e.getMessage(), e);
        }
        settings.faults.accept(harness.faults());
        applyFaults(harness.faults(), plan, context);
        return harness;
    }

    /** JUnit configuration parameter: the seed of every test that sets none (junit-platform.properties, -D...). */
    static final String SEED_PARAMETER = "streamharness.seed";
    /** JUnit configuration parameter: where the virtual clock starts (ISO-8601) for tests that set no start. */
    static final String START_TIME_PARAMETER = "streamharness.startTime";

    /**
     * The run-wide defaults, below the builder's and the annotation's values; a null {@code b}: only checks them.
     * Read once per class ({@link ClassPlan#parameters}); read again here, to fail naming the test, when invalid.
     */
    private static void applyConfigurationParameters(StreamHarness.Builder b, ClassPlan plan,
                                                     ExtensionContext context) {
        ClassPlan.RunParameters read = plan.parameters;
        if (read == null) {
            read = readConfigurationParameters(context);
        }
        if (b != null && read.seed() != null) {
            b.seed(read.seed());
        }
        if (b != null && read.startTime() != null) {
            b.startTime(read.startTime());
        }
    }

    /** Reads and parses the run's seed and start parameters; an invalid one fails naming it and what it takes. */
    static ClassPlan.RunParameters readConfigurationParameters(ExtensionContext context) {
        String parameter = SEED_PARAMETER;
        try {
            Optional<String> seed = context.getConfigurationParameter(SEED_PARAMETER);
            Long seedValue = seed.isPresent() ? Long.parseLong(seed.get().trim()) : null;
            parameter = START_TIME_PARAMETER;
            Optional<String> start = context.getConfigurationParameter(START_TIME_PARAMETER);
            return new ClassPlan.RunParameters(seedValue, start.isPresent() ? Instant.parse(start.get().trim()) : null);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ExtensionConfigurationException("Invalid JUnit configuration parameter " + parameter + ": "
                    + e.getMessage() + " (" + SEED_PARAMETER + " takes a long, " + START_TIME_PARAMETER
                    + " an ISO-8601 instant such as 2026-01-01T00:00:00Z)", e);
        }
    }

    /**
     * The template layer, between the extension's builder and the defaults: a template's function and mapping
     * settings (rule 18.3), so that the builder and the annotations override them.
     */
    private static void applyTemplate(StreamHarness.Builder b, ClassPlan plan, ExtensionContext context) {
        template(plan, context).ifPresent(t -> t.applyTo(b));
    }

    /** The template the classes name, read once per class (read again, to fail, when reading failed). */
    private static Optional<TemplateFunction> template(ClassPlan plan, ExtensionContext context) {
        return plan.templateRead ? Optional.ofNullable(plan.template) : TemplateSettings.read(context);
    }

    /** Every {@code @KinesisStreamTest} attribute that is set, outermost enclosing class first. */
    private static void applyTestAnnotations(StreamHarness.Builder b, ClassPlan plan, ExtensionContext context) {
        for (ClassPlan.TestAttributes t : plan.attributes) {
            try {
                t.applyTo(b);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ExtensionConfigurationException("Invalid @KinesisStreamTest on " + context.getDisplayName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether every attribute is accepted (checked once per class, on a throwaway builder). */
    static boolean attributesValid(List<ClassPlan.TestAttributes> attributes) {
        try {
            StreamHarness.Builder b = StreamHarness.builder();
            for (ClassPlan.TestAttributes t : attributes) {
                t.applyTo(b);
            }
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    /** Hands a handler of any source to the builder's typed overloads. */
    @SuppressWarnings("unchecked")
    static void setHandler(StreamHarness.Builder b, Object handler, ExtensionContext context) {
        if (handler instanceof Class<?> type) {
            b.handler(type);
        } else if (handler instanceof RequestStreamHandler stream) {
            b.handler(stream);
        } else if (handler instanceof RequestHandler<?, ?> typed) {
            // the input type is checked when the mapping is added: a KinesisEvent (or KinesisTimeWindowEvent)
            b.handler((RequestHandler<? extends KinesisEvent, ?>) typed);
        } else {
            throw new ExtensionConfigurationException("The handler of " + context.getDisplayName() + " is a "
                    + handler.getClass().getName() + ", which is neither a RequestHandler<KinesisEvent, ?> nor a "
                    + "RequestStreamHandler; a Kinesis event source mapping can only invoke those.");
        }
    }

    /** The handler, its sources checked. */
    private static Object handler(KinesisStreamExtension.Builder settings, ClassPlan plan, ExtensionContext context) {
        Class<?> annotated = plan.annotatedHandler;
        checkHandlerSources(handlerFieldNames(plan, context), annotated, context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : plan.handlerFields(context, instance.getClass())) {
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

    /** The test's mapping: the method's annotation, else the classes', else the builder's, else the template's. */
    private static EventSourceMappingConfig mapping(KinesisStreamExtension.Builder settings, ClassPlan plan,
                                                    ExtensionContext context) {
        Optional<EventSourceMapping> onMethod = plan.methodMayAnnotate(context)
                ? AnnotationSupport.findAnnotation(context.getTestMethod().get(), EventSourceMapping.class)
                : Optional.empty();
        if (onMethod.isPresent()) {
            return build(onMethod.get(), context);
        }
        if (plan.classMapping != null) {
            return plan.classMappingValid ? plan.classMappingConfig : build(plan.classMapping, context);
        }
        return settings.mapping != null ? settings.mapping
                : template(plan, context).map(TemplateFunction::mapping).orElse(null);
    }

    private static EventSourceMappingConfig build(EventSourceMapping a, ExtensionContext context) {
        try {
            return build(a);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ExtensionConfigurationException("Invalid @EventSourceMapping for " + context.getDisplayName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The annotation as a config.
     *
     * @throws IllegalArgumentException or DateTimeParseException for an invalid attribute
     */
    static EventSourceMappingConfig build(EventSourceMapping a) {
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
    }

    private static void applyFaults(FaultPlan plan, ClassPlan classPlan, ExtensionContext context) {
        boolean onMethod = classPlan.methodMayAnnotate(context);
        if (!onMethod && classPlan.classFaults.isEmpty()) {
            return; // the usual test: no fault annotation at all
        }
        List<InjectFault> faults = new ArrayList<>(classPlan.classFaults);
        if (onMethod) {
            faults.addAll(AnnotationSupport.findRepeatableAnnotations(context.getTestMethod().get(), InjectFault.class));
        }
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
}
