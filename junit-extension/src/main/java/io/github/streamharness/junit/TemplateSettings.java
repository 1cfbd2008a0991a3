package io.github.streamharness.junit;

import io.github.streamharness.TemplateFunction;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

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

    /** The template's function, or empty when the annotation names no template. */
    static Optional<TemplateFunction> read(Optional<KinesisStreamTest> test, ExtensionContext context) {
        if (test.isEmpty() || test.get().template().isEmpty()) {
            if (test.isPresent() && !test.get().function().isEmpty()) {
                throw new ExtensionConfigurationException("@KinesisStreamTest(function = \"" + test.get().function()
                        + "\") on " + context.getDisplayName() + " names a function but no template; add "
                        + "template = \"template.yaml\" (relative to the project directory, or classpath:...).");
            }
            return Optional.empty();
        }
        KinesisStreamTest t = test.get();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : t.templateParameters()) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new ExtensionConfigurationException("@KinesisStreamTest(templateParameters = \"" + pair
                        + "\") on " + context.getDisplayName() + ": each value is Name=value, e.g. \"Stage=dev\".");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        try {
            if (t.template().startsWith(CLASSPATH)) {
                String resource = t.template().substring(CLASSPATH.length()).replaceFirst("^/", "");
                return Optional.of(TemplateFunction.readResource(context.getRequiredTestClass().getClassLoader(),
                        resource, t.function(), values));
            }
            return Optional.of(TemplateFunction.read(Path.of(t.template()), t.function(), values));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Cannot configure " + context.getDisplayName() + " from "
                    + "@KinesisStreamTest(template = \"" + t.template() + "\"): " + e.getMessage(), e);
        }
    }
}
