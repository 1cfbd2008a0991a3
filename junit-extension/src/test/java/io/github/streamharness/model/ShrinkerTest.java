package io.github.streamharness.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamharness.model.GeneratedOracle.FailureStyle;
import io.github.streamharness.model.GeneratedOracle.RecordFault;
import io.github.streamharness.model.ModelDeadLetter.Condition;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The shrinker finds small scenarios that still show a behaviour, and never returns one that does not. */
class ShrinkerTest {

    private final ReferenceModel model = new ReferenceModel();
    private final ScenarioGenerator generator = new ScenarioGenerator();
    private final Shrinker shrinker = new Shrinker(20_000);

    @Test
    void shrinksARetryExhaustionDownToOneRecordAndOneFault() {
        Predicate<Scenario> exhausts = s -> model.run(s).deadLetters().stream()
                .anyMatch(d -> d.condition() == Condition.RetryAttemptsExhausted);
        Scenario big = LongStream.range(0, 1_000).mapToObj(generator::generate)
                .filter(s -> s.recordCount() > 100).filter(exhausts).findFirst().orElseThrow();

        Scenario small = shrinker.shrink(big, exhausts);

        assertThat(exhausts).accepts(small);
        assertThat(small.recordCount()).isEqualTo(1);
        assertThat(small.config().batchSize()).isEqualTo(1);
        assertThat(small.config().maximumRetryAttempts()).isZero();
        GeneratedOracle oracle = (GeneratedOracle) small.oracle();
        assertThat(oracle.faults()).containsOnlyKeys(0);
        assertThat(oracle.faults().get(0).style()).isEqualTo(FailureStyle.EXCEPTION);
        assertThat(oracle.throttlePercent()).isZero();
        assertThat(small.arrivalsMs()).containsExactly(0L);
        assertThat(small.startMs()).isZero();
    }

    @Test
    void shrinksAPartialRemainderToTwoRecords() {
        // a behaviour that needs two records: a partial commit (rule 5.5) needs a record before the failed one
        Predicate<Scenario> partialCommit = s -> {
            ModelResult r = model.run(s);
            return r.invocations().size() > 1 && r.invocations().get(1).first() > r.invocations().get(0).first()
                    && r.invocations().get(1).last() == r.invocations().get(0).last();
        };
        TreeMap<Integer, RecordFault> faults = new TreeMap<>();
        faults.put(30, new RecordFault(2, FailureStyle.PARTIAL));
        faults.put(70, new RecordFault(RecordFault.ALWAYS, FailureStyle.TIMEOUT));
        ModelConfig config = ModelConfig.defaults().withReportBatchItemFailures(true).withBisect(true)
                .withMaximumRetryAttempts(4);
        Scenario big = Scenario.of(config, 100, new GeneratedOracle(faults, 10, 7, true, true));
        assertThat(partialCommit).accepts(big);

        Scenario small = shrinker.shrink(big, partialCommit);

        assertThat(partialCommit).accepts(small);
        assertThat(small.recordCount()).isEqualTo(2);
        assertThat(((GeneratedOracle) small.oracle()).faults()).containsOnlyKeys(1);
        assertThat(small.config().bisectBatchOnFunctionError()).isFalse();
    }

    @Test
    void refusesAScenarioThatDoesNotFail() {
        Scenario fine = Scenario.of(ModelConfig.defaults(), 3, GeneratedOracle.allSucceed());

        assertThatThrownBy(() -> shrinker.shrink(fine, s -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fail");
    }

    @Test
    void keepsTheOriginalWhenNothingSmallerStillFails() {
        Scenario one = Scenario.of(ModelConfig.defaults().withBatchSize(1).withMaximumRetryAttempts(0), 1,
                GeneratedOracle.allSucceed());

        assertThat(shrinker.shrink(one, s -> s.equals(one))).isSameAs(one);
    }
}
