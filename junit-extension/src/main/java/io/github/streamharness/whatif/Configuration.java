package io.github.streamharness.whatif;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.FunctionSettings;
import io.github.streamharness.TemplateFunction;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One configuration of a what-if: a name for the report, the event source mapping, and the function's settings
 * (timeout, memory, reserved and provisioned concurrency, Init duration).
 *
 * @param name     unique within a what-if; the row and bar label
 * @param mapping  the event source mapping
 * @param function the function's settings; the memory also sets the modelled CPU share of the cost (rule 15.1)
 */
public record Configuration(String name, EventSourceMappingConfig mapping, FunctionSettings function) {

    /** Checks the values. */
    public Configuration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(function, "function");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a what-if configuration needs a name for its row in the report");
        }
    }

    /** A configuration of {@code mapping} and {@code function}. */
    public static Configuration of(String name, EventSourceMappingConfig mapping, FunctionSettings function) {
        return new Configuration(name, mapping, function);
    }

    /**
     * The mapping and function settings a CloudFormation/SAM template deploys (read with
     * {@link TemplateFunction#read}); Lambda's defaults for what the template leaves out.
     */
    public static Configuration fromTemplate(String name, TemplateFunction template) {
        FunctionSettings.Builder f = FunctionSettings.builder();
        template.functionName().ifPresent(f::functionName);
        template.timeout().ifPresent(f::timeout);
        template.memorySize().ifPresent(f::memorySize);
        template.reservedConcurrentExecutions().ifPresent(f::reservedConcurrentExecutions);
        template.provisionedConcurrentExecutions().ifPresent(f::provisionedConcurrentExecutions);
        return new Configuration(name, template.mapping(), f.build());
    }

    /** A copy named {@code newName} whose mapping is changed by {@code change} (e.g. one parameter of a sweep). */
    public Configuration withMapping(String newName, UnaryOperator<EventSourceMappingConfig.Builder> change) {
        return new Configuration(newName, change.apply(mapping.toBuilder()).build(), function);
    }

    /** A copy named {@code newName} whose function settings are changed by {@code change} (timeout, memory). */
    public Configuration withFunction(String newName, UnaryOperator<FunctionSettings.Builder> change) {
        return new Configuration(newName, mapping, change.apply(function.toBuilder()).build());
    }
}
