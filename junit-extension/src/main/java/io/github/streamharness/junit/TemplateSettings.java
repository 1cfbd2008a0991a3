package io.github.streamharness.junit;

import io.github.streamharness.TemplateFunction;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the template named by {@code @KinesisStreamTest(template = ..., function = ...)}: a path relative to the
 * project directory (the test JVM's working directory: the module's under Maven and Gradle), or a
 * {@code classpath:} resource of the test class's loader.
 */
final class TemplateSettings {
    static final String CLASSPATH = "classpath:";

    private TemplateSettings() {
    }

    /**
     * The template's function, or empty when no {@code @KinesisStreamTest} names a template. The innermost
     * annotation (the test class's, then its enclosing classes') that sets {@code template} gives the template, its
     * {@code function} and its {@code templateParameters}.
     */
    static Optional<TemplateFunction> read(ExtensionContext context) {
        String function = "";
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<KinesisStreamTest> t = AnnotationSupport.findAnnotation(c, KinesisStreamTest.class);
            if (t.isPresent() && !t.get().template().isEmpty()) {
                return Optional.of(read(t.get().template(), t.get().function(), t.get().templateParameters(),
                        context));
            }
            function = t.isPresent() && function.isEmpty() ? t.get().function() : function;
        }
        if (!function.isEmpty()) {
            throw new ExtensionConfigurationException("@KinesisStreamTest(function = \"" + function + "\") on "
                    + context.getDisplayName() + " names a function but no template; add template = "
                    + "\"template.yaml\" (relative to the project directory, or classpath:...).");
        }
        return Optional.empty();
    }

    private static TemplateFunction read(String template, String function, String[] parameters,
                                         ExtensionContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : parameters) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new ExtensionConfigurationException("@KinesisStreamTest(templateParameters = \"" + pair
                        + "\") on " + context.getDisplayName() + ": each value is Name=value, e.g. \"Stage=dev\".");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        try {
            if (template.startsWith(CLASSPATH)) {
                String resource = template.substring(CLASSPATH.length()).replaceFirst("^/", "");
                return TemplateFunction.readResource(context.getRequiredTestClass().getClassLoader(), resource,
                        function, values);
            }
            return TemplateFunction.read(Path.of(template), function, values);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Cannot configure " + context.getDisplayName() + " from "
                    + "@KinesisStreamTest(template = \"" + template + "\"): " + e.getMessage(), e);
        }
    }
}
