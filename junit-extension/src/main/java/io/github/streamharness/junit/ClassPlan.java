package io.github.streamharness.junit;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.StreamHarness;
import io.github.streamharness.TemplateFunction;
import io.github.streamharness.WarningKind;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a test class and its enclosing classes say through annotations, worked out once per class instead of once per
 * test method (the per-test cost of issue 19): the {@code @KinesisStreamTest} chain, the class's
 * {@code @EventSourceMapping} as a built config, its {@code @InjectFault}s, the warnings it allows, the template it
 * names, and whether a programmatic {@link KinesisStreamExtension} field makes the declarative one stand aside.
 *
 * <p>Immutable (but for a thread-safe memo of annotation types), so tests running in parallel share it safely; kept
 * in the engine's root {@link ExtensionContext.Store} under the class (no static state), so it lives for one run of
 * the engine, whose configuration parameters it may keep. A part that cannot be worked out (an invalid annotation,
 * an unreadable template, an invalid configuration parameter) is not kept: each test works it out again, so each
 * fails with its own name in the message, as before the cache.
 */
final class ClassPlan {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClassPlan.class);

    /** The test class, then its enclosing classes (for {@code @Nested}), innermost first. */
    final List<Class<?>> classes;
    /** Each class's {@code @KinesisStreamTest} (found as JUnit finds it: inherited, meta-present), innermost first. */
    final List<KinesisStreamTest> tests;
    /** The innermost {@code @KinesisStreamTest}, or null. */
    final KinesisStreamTest innermostTest;
    /** The innermost {@code @KinesisStreamTest(handler = ...)} that is set, or null. */
    final Class<?> annotatedHandler;
    /** Whether a class of the chain registers a {@link KinesisStreamExtension} field with {@code @RegisterExtension}. */
    final boolean registersProgrammatic;
    /** Whether the {@code @KinesisStreamTest} attributes were checked and are valid (else each test checks them). */
    final boolean testAttributesValid;
    /** The classes' {@code @EventSourceMapping}, or null. */
    final EventSourceMapping classMapping;
    /** {@link #classMapping} built, or null when there is none or it is invalid ({@link #classMappingValid}). */
    final EventSourceMappingConfig classMappingConfig;
    final boolean classMappingValid;
    /** The template's function, or null; {@link #templateRead} false when reading failed (each test reads again). */
    final TemplateFunction template;
    final boolean templateRead;
    /** The {@code @InjectFault}s of the classes, innermost class first. */
    final List<InjectFault> classFaults;
    /** The warning kinds the classes allow ({@code @KinesisStreamTest(allowWarnings)}, {@code @AllowWarnings}). */
    final Set<WarningKind> allowedWarnings;
    /** The innermost {@code @KinesisStreamTest(failOnWarnings)}, true without one. */
    final boolean failOnWarnings;
    /**
     * {@link #tests}' attributes read once (an annotation's attribute is a reflective call each time it is read),
     * outermost class first, as they are applied.
     */
    final List<TestAttributes> attributes;
    /** The {@link HandlerUnderTest} fields of each class of {@link #classes}, superclass fields first. */
    private final Map<Class<?>, List<Field>> handlerFields;
    /** The run's seed and start parameters, or null when one is invalid (each test reads them, and fails). */
    final RunParameters parameters;
    /** Per annotation type: whether it is, or carries, an annotation the extension reads on a test method. */
    private final Map<Class<? extends Annotation>, Boolean> methodAnnotationTypes = new ConcurrentHashMap<>();

    private ClassPlan(ExtensionContext context, Class<?> testClass) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            chain.add(c);
        }
        this.classes = List.copyOf(chain);
        List<KinesisStreamTest> found = new ArrayList<>();
        Class<?> handler = null;
        boolean programmatic = false;
        List<InjectFault> faults = new ArrayList<>();
        for (Class<?> c : classes) {
            Optional<KinesisStreamTest> t = AnnotationSupport.findAnnotation(c, KinesisStreamTest.class);
            t.ifPresent(found::add);
            if (handler == null && t.isPresent() && t.get().handler() != Void.class) {
                handler = t.get().handler();
            }
            programmatic |= !ReflectionSupport.findFields(c, f -> KinesisStreamExtension.class.isAssignableFrom(
                    f.getType()) && f.isAnnotationPresent(RegisterExtension.class), HierarchyTraversalMode.TOP_DOWN)
                    .isEmpty();
            faults.addAll(AnnotationSupport.findRepeatableAnnotations(c, InjectFault.class));
        }
        this.tests = List.copyOf(found);
        this.innermostTest = found.isEmpty() ? null : found.get(0);
        this.annotatedHandler = handler;
        this.registersProgrammatic = programmatic;
        this.classFaults = List.copyOf(faults);
        this.classMapping = first(EventSourceMapping.class);
        EventSourceMappingConfig config = null;
        boolean mappingValid = classMapping == null;
        if (classMapping != null) {
            try {
                config = HarnessFactory.build(classMapping);
                mappingValid = true;
            } catch (RuntimeException e) {
                mappingValid = false; // each test builds it again and fails with its own name
            }
        }
        this.classMappingConfig = config;
        this.classMappingValid = mappingValid;
        TemplateFunction t = null;
        boolean read;
        try {
            t = TemplateSettings.read(context).orElse(null);
            read = true;
        } catch (RuntimeException e) {
            read = false;
        }
        this.template = t;
        this.templateRead = read;
        Set<WarningKind> allowed = EnumSet.noneOf(WarningKind.class);
        if (innermostTest != null) {
            allowed.addAll(Arrays.asList(innermostTest.allowWarnings()));
        }
        AllowWarnings a = first(AllowWarnings.class);
        if (a != null) {
            allowed.addAll(Arrays.asList(a.value()));
        }
        this.allowedWarnings = Collections.unmodifiableSet(allowed);
        this.failOnWarnings = innermostTest == null || innermostTest.failOnWarnings();
        List<TestAttributes> values = new ArrayList<>();
        for (int i = tests.size() - 1; i >= 0; i--) {
            values.add(new TestAttributes(tests.get(i)));
        }
        this.attributes = List.copyOf(values);
        this.testAttributesValid = HarnessFactory.attributesValid(attributes);
        Map<Class<?>, List<Field>> fields = new HashMap<>();
        for (Class<?> c : classes) {
            fields.put(c, findHandlerFields(c));
        }
        this.handlerFields = Map.copyOf(fields);
        RunParameters p;
        try {
            p = HarnessFactory.readConfigurationParameters(context);
        } catch (ExtensionConfigurationException e) {
            p = null;
        }
        this.parameters = p;
    }

    /**
     * Whether {@code method} may carry one of the annotations the extension reads on a test method
     * ({@code @EventSourceMapping}, {@code @InjectFault}, {@code @InjectFaults}, {@code @AllowWarnings}), directly or
     * meta-present; false means it surely carries none, so the test skips JUnit's searches for them. Each annotation
     * type is searched once per class, not once per test.
     */
    boolean mayAnnotate(Method method) {
        for (Annotation a : method.getDeclaredAnnotations()) {
            Class<? extends Annotation> type = a.annotationType();
            Boolean carries = methodAnnotationTypes.get(type);
            if (carries == null) {
                carries = type == EventSourceMapping.class || type == InjectFault.class
                        || type == InjectFaults.class || type == AllowWarnings.class
                        || AnnotationSupport.isAnnotated(type, EventSourceMapping.class)
                        || AnnotationSupport.isAnnotated(type, InjectFault.class)
                        || AnnotationSupport.isAnnotated(type, InjectFaults.class)
                        || AnnotationSupport.isAnnotated(type, AllowWarnings.class);
                methodAnnotationTypes.put(type, carries);
            }
            if (carries) {
                return true;
            }
        }
        return false;
    }

    /** Whether the context's test method may carry a method-level annotation of the extension. */
    boolean methodMayAnnotate(ExtensionContext context) {
        Optional<Method> m = context.getTestMethod();
        return m.isPresent() && mayAnnotate(m.get());
    }

    /** The values of one {@code @KinesisStreamTest}, read once; {@link #applyTo} sets those that are set. */
    static final class TestAttributes {
        private final int shards;
        private final int timeoutSeconds;
        private final String streamName;
        private final String functionName;
        private final int memorySize;
        private final long seed;
        private final String startTime;
        private final int reservedConcurrency;
        private final int provisionedConcurrency;
        private final int initDurationMillis;
        private final int keepWarmSeconds;

        TestAttributes(KinesisStreamTest t) {
            this.shards = t.shards();
            this.timeoutSeconds = t.timeoutSeconds();
            this.streamName = t.streamName();
            this.functionName = t.functionName();
            this.memorySize = t.memorySize();
            this.seed = t.seed();
            this.startTime = t.startTime();
            this.reservedConcurrency = t.reservedConcurrency();
            this.provisionedConcurrency = t.provisionedConcurrency();
            this.initDurationMillis = t.initDurationMillis();
            this.keepWarmSeconds = t.keepWarmSeconds();
        }

        /**
         * Every attribute that is set (an attribute at its UNSET sentinel sets nothing).
         *
         * @throws IllegalArgumentException or DateTimeParseException for an invalid value
         */
        void applyTo(StreamHarness.Builder b) {
            if (shards != KinesisStreamTest.UNSET) {
                b.shards(shards);
            }
            if (timeoutSeconds != KinesisStreamTest.UNSET) {
                b.functionTimeout(Duration.ofSeconds(timeoutSeconds));
            }
            if (!streamName.isEmpty()) {
                b.streamName(streamName);
            }
            if (!functionName.isEmpty()) {
                b.functionName(functionName);
            }
            if (memorySize != KinesisStreamTest.UNSET) {
                b.memorySize(memorySize);
            }
            if (seed != KinesisStreamTest.UNSET_SEED) {
                b.seed(seed);
            }
            if (!startTime.isEmpty()) {
                b.startTime(Instant.parse(startTime));
            }
            if (reservedConcurrency != KinesisStreamTest.UNSET) {
                b.reservedConcurrentExecutions(reservedConcurrency);
            }
            if (provisionedConcurrency != KinesisStreamTest.UNSET) {
                b.provisionedConcurrentExecutions(provisionedConcurrency);
            }
            if (initDurationMillis != KinesisStreamTest.UNSET) {
                b.initDuration(Duration.ofMillis(initDurationMillis));
            }
            if (keepWarmSeconds != KinesisStreamTest.UNSET) {
                b.keepWarm(Duration.ofSeconds(keepWarmSeconds));
            }
        }
    }

    /**
     * JUnit's configuration parameters of the run that the extension reads, parsed (null: not given); read by
     * {@link HarnessFactory#readConfigurationParameters}.
     */
    record RunParameters(Long seed, Instant startTime) {
    }

    /** The plan of the context's test class, from the root store or worked out now (and kept). */
    static ClassPlan of(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        ClassPlan plan = store.get(testClass, ClassPlan.class);
        if (plan == null) {
            // two threads may both work it out: the same immutable value, either one kept
            plan = new ClassPlan(context, testClass);
            store.put(testClass, plan);
        }
        return plan;
    }

    /** The innermost annotation of {@code type} on the classes, or null. */
    private <A extends java.lang.annotation.Annotation> A first(Class<A> type) {
        for (Class<?> c : classes) {
            Optional<A> a = AnnotationSupport.findAnnotation(c, type);
            if (a.isPresent()) {
                return a.get();
            }
        }
        return null;
    }

    private static List<Field> findHandlerFields(Class<?> type) {
        return List.copyOf(ReflectionSupport.findFields(type, f -> f.isAnnotationPresent(HandlerUnderTest.class),
                HierarchyTraversalMode.TOP_DOWN));
    }

    /** The {@link HandlerUnderTest} fields of an instance's class, superclass fields first. */
    List<Field> handlerFields(ExtensionContext context, Class<?> instanceClass) {
        List<Field> known = handlerFields.get(instanceClass);
        return known != null ? known : handlerFieldsOf(context, instanceClass);
    }

    /** As {@link #handlerFields(ExtensionContext, Class)}, for a class outside the plan's (kept in the root store). */
    private static List<Field> handlerFieldsOf(ExtensionContext context, Class<?> instanceClass) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        HandlerFieldsKey key = new HandlerFieldsKey(instanceClass);
        HandlerFields fields = store.get(key, HandlerFields.class);
        if (fields == null) {
            fields = new HandlerFields(findHandlerFields(instanceClass));
            store.put(key, fields);
        }
        return fields.fields;
    }

    /** The fields, under a key of their own (the class itself is the plan's key). */
    private record HandlerFields(List<Field> fields) {
    }

    private record HandlerFieldsKey(Class<?> type) {
    }
}
