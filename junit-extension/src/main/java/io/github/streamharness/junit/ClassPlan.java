package io.github.streamharness.junit;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.TemplateFunction;
import io.github.streamharness.WarningKind;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a test class and its enclosing classes say through annotations, worked out once per class instead of once per
 * test method (the per-test cost of issue 19): the {@code @KinesisStreamTest} chain, the class's
 * {@code @EventSourceMapping} as a built config, its {@code @InjectFault}s, the warnings it allows, the template it
 * names, and whether a programmatic {@link KinesisStreamExtension} field makes the declarative one stand aside.
 *
 * <p>Immutable, so tests running in parallel share it safely; kept in the engine's root
 * {@link ExtensionContext.Store} under the class (no static state). A part that cannot be worked out (an invalid
 * annotation, an unreadable template) is not kept: each test works it out again, so each fails with its own name in
 * the message, as before the cache.
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
        this.testAttributesValid = HarnessFactory.attributesValid(tests);
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

    /** The {@link HandlerUnderTest} fields of an instance's class, superclass fields first. */
    static List<Field> handlerFields(ExtensionContext context, Class<?> instanceClass) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        HandlerFieldsKey key = new HandlerFieldsKey(instanceClass);
        HandlerFields fields = store.get(key, HandlerFields.class);
        if (fields == null) {
            fields = new HandlerFields(List.copyOf(ReflectionSupport.findFields(instanceClass,
                    f -> f.isAnnotationPresent(HandlerUnderTest.class), HierarchyTraversalMode.TOP_DOWN)));
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
