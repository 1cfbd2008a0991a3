package io.github.streamharness.examples.demo;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.examples.incident.FunctionConfig;
import java.util.Locale;

/** A one-line summary of a function configuration in AWS's parameter names. */
final class ConfigText {
    private ConfigText() {
    }

    static String of(FunctionConfig config) {
        EventSourceMappingConfig m = config.mapping();
        return String.format(Locale.ROOT, "BatchSize %d, window %d s, PF %d, bisect %s, retries %s, %s, timeout %d s, "
                        + "%d MB",
                m.batchSize(), m.maximumBatchingWindowInSeconds(), m.parallelizationFactor(),
                m.bisectBatchOnFunctionError() ? "on" : "off",
                m.maximumRetryAttempts() < 0 ? "unlimited" : Integer.toString(m.maximumRetryAttempts()),
                m.onFailureDestination().isPresent() ? "SQS on-failure destination" : "no destination",
                config.timeout().toSeconds(), config.memorySizeMb());
    }
}
