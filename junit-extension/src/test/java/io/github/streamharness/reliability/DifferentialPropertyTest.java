package io.github.streamharness.reliability;

import io.github.streamharness.model.ScenarioGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.fail;

/**
 * The engine against the reference model on 10,000 generated one-lane scenarios (issue 8): random BatchSize,
 * bisect on/off, MaximumRetryAttempts -1 (with a record age) or 0..5, ReportBatchItemFailures on/off, 1..500
 * records, poison and flaky records failing by exception, timeout or partial responses with valid and invalid ids,
 * throttles, late starts (rule 0.1, 0.2, 0.6, 0.12, 4, 5, 6). Each case's seed is {@code BASE_SEED + index}; a
 * failing case is shrunk and reported with its seed. Replay one case with {@code -Dstreamharness.seed=<seed>}; run
 * a longer hunt with {@code -Dstreamharness.cases=200000}.
 */
class DifferentialPropertyTest {
    /** The seed of case 0; case i uses BASE_SEED + i. */
    static final long BASE_SEED = 8_000_000_000L;
    /** How many cases run; {@code -Dstreamharness.cases=N} runs more (or fewer) for a longer hunt. */
    private static final int CASES = Integer.getInteger("streamharness.cases", 10_000);
    private static final int SLICES = 4;

    @ParameterizedTest(name = "cases {0} of " + SLICES)
    @ValueSource(ints = {0, 1, 2, 3})
    void engineAgreesWithTheReferenceModelOnGeneratedScenarios(int slice) {
        String replay = System.getProperty("streamharness.seed");
        if (replay != null) {
            Assumptions.assumeTrue(slice == 0, "replaying one seed in slice 0");
            check(Long.parseLong(replay.trim()));
            return;
        }
        for (int i = slice; i < CASES; i += SLICES) {
            check(BASE_SEED + i);
        }
    }

    private static void check(long seed) {
        Differential.Comparison comparison = Differential.compare(new ScenarioGenerator().generate(seed));
        if (comparison.agrees()) {
            return;
        }
        Differential.Comparison shrunk = Differential.shrink(comparison);
        fail("engine and reference model disagree on seed " + seed + " (replay: -Dstreamharness.seed=" + seed
                + ").\nOriginal first difference: " + comparison.difference().orElse("?")
                + "\n\nShrunk case:\n" + shrunk.report());
    }
}
