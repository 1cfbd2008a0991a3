package io.github.streamharness.benchmarks;

import org.junit.jupiter.api.Test;

/**
 * The baseline of the per-test cost: 50 empty JUnit test methods, run by {@link PerTestCost} the same way as
 * {@link PoisonPillTests}, so the report can give what a {@code @KinesisStreamTest} method costs over an empty test.
 */
public class EmptyTests {
    @Test
    void empty01() {
    }

    @Test
    void empty02() {
    }

    @Test
    void empty03() {
    }

    @Test
    void empty04() {
    }

    @Test
    void empty05() {
    }

    @Test
    void empty06() {
    }

    @Test
    void empty07() {
    }

    @Test
    void empty08() {
    }

    @Test
    void empty09() {
    }

    @Test
    void empty10() {
    }

    @Test
    void empty11() {
    }

    @Test
    void empty12() {
    }

    @Test
    void empty13() {
    }

    @Test
    void empty14() {
    }

    @Test
    void empty15() {
    }

    @Test
    void empty16() {
    }

    @Test
    void empty17() {
    }

    @Test
    void empty18() {
    }

    @Test
    void empty19() {
    }

    @Test
    void empty20() {
    }

    @Test
    void empty21() {
    }

    @Test
    void empty22() {
    }

    @Test
    void empty23() {
    }

    @Test
    void empty24() {
    }

    @Test
    void empty25() {
    }

    @Test
    void empty26() {
    }

    @Test
    void empty27() {
    }

    @Test
    void empty28() {
    }

    @Test
    void empty29() {
    }

    @Test
    void empty30() {
    }

    @Test
    void empty31() {
    }

    @Test
    void empty32() {
    }

    @Test
    void empty33() {
    }

    @Test
    void empty34() {
    }

    @Test
    void empty35() {
    }

    @Test
    void empty36() {
    }

    @Test
    void empty37() {
    }

    @Test
    void empty38() {
    }

    @Test
    void empty39() {
    }

    @Test
    void empty40() {
    }

    @Test
    void empty41() {
    }

    @Test
    void empty42() {
    }

    @Test
    void empty43() {
    }

    @Test
    void empty44() {
    }

    @Test
    void empty45() {
    }

    @Test
    void empty46() {
    }

    @Test
    void empty47() {
    }

    @Test
    void empty48() {
    }

    @Test
    void empty49() {
    }

    @Test
    void empty50() {
    }
}
