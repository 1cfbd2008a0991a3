package io.github.streamharness.examples.demo;

import io.github.streamharness.whatif.Configuration;
import java.util.ArrayList;
import java.util.List;

/** The configurations of the demo's two sweeps: the runbook's parameter table and Power Tuning's memory what-if. */
final class Sweeps {
    /** The memory sizes AWS Lambda Power Tuning tries by default, 128 MB to 3008 MB. */
    static final int[] POWER_TUNING_MB = {128, 256, 512, 1024, 1536, 2048, 3008};

    /** Step 5's provisioned concurrency: one environment per lane of the fixed mapping (10 shards x PF 10). */
    static final int PROVISIONED = 100;

    private Sweeps() {
    }

    /**
     * The runbook's steps 3 and 4 as a sweep: before the fix, each change of the fix alone on top of it, and all of
     * them together (which is {@code template.yaml}); then the fix with the old 30 s timeout, which bounds each of
     * the hanging pill's bisection steps (cause A) but lets a slow write and a cold start cross it again (B, C).
     */
    static List<Configuration> parameterTable(Configuration before, Configuration after) {
        String dlq = after.mapping().onFailureDestination().orElseThrow();
        List<Configuration> c = new ArrayList<>();
        c.add(before);
        c.add(before.withMapping("BatchSize 100", m -> m.batchSize(after.mapping().batchSize())));
        c.add(before.withMapping("window 5 s", m -> m.maximumBatchingWindowInSeconds(
                after.mapping().maximumBatchingWindowInSeconds())));
        c.add(before.withMapping("PF 10", m -> m.parallelizationFactor(after.mapping().parallelizationFactor())));
        c.add(before.withMapping("bisect", m -> m.bisectBatchOnFunctionError(true)));
        c.add(before.withMapping("retries 3", m -> m.maximumRetryAttempts(after.mapping().maximumRetryAttempts())));
        c.add(before.withMapping("retries 3 + DLQ", m -> m.maximumRetryAttempts(
                after.mapping().maximumRetryAttempts()).onFailureDestination(dlq)));
        c.add(before.withFunction("timeout 120 s", f -> f.timeout(after.function().timeout())));
        c.add(before.withFunction("1024 MB", f -> f.memorySize(after.function().memorySize())));
        c.add(new Configuration("all together", after.mapping(), after.function()));
        c.add(new Configuration("all, timeout 30 s", after.mapping(), after.function().toBuilder()
                .timeout(before.function().timeout()).build()));
        return c;
    }

    /** The fixed configuration at each of Power Tuning's memory sizes. */
    static List<Configuration> memory(Configuration after) {
        List<Configuration> c = new ArrayList<>();
        for (int mb : POWER_TUNING_MB) {
            c.add(after.withFunction(mb + " MB", f -> f.memorySize(mb)));
        }
        return c;
    }

    /**
     * The runbook's step 5: the fixed configuration, and the same with {@link #PROVISIONED} provisioned environments
     * (rule 15.4: initialised before the first invocation, never reclaimed), so the scale-out has no cold start.
     */
    static List<Configuration> provisioned(Configuration after) {
        return List.of(after, after.withFunction("after + provisioned " + PROVISIONED,
                f -> f.provisionedConcurrentExecutions(PROVISIONED)));
    }
}
