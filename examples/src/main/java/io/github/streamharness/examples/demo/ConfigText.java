package io.github.streamharness.examples.demo;

import io.github.streamharness.EventSourceMappingConfig;
import io.github.streamharness.whatif.Configuration;
import java.util.Locale;

/** A one-line summary of a configuration in AWS's parameter names. */
final class ConfigText {
    private ConfigText() {
    }

    static String of(Configuration config) {
        EventSourceMappingConfig m = config.mapping();
        return String.format(Locale.ROOT, "BatchSize %d, window %d s, PF %d, bisect %s, retries %s, %s, timeout %d s, "
                        + "%d MB%s",
                m.batchSize(), m.maximumBatchingWindowInSeconds(), m.parallelizationFactor(),
                m.bisectBatchOnFunctionError() ? "on" : "off",
                m.maximumRetryAttempts() < 0 ? "unlimited" : Integer.toString(m.maximumRetryAttempts()),
                m.onFailureDestination().isPresent() ? "SQS on-failure destination" : "no destination",
                config.function().timeout().toSeconds(), config.function().memorySize(),
                config.function().provisionedConcurrentExecutions() > 0
                        ? ", provisioned " + config.function().provisionedConcurrentExecutions() : "");
    }
}
