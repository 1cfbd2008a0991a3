package io.github.streamharness.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamharness.model.ModelDeadLetter.Condition;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, covers the rules it is meant to exercise, and the model keeps its invariants. */
class ScenarioGeneratorTest {

    private static final int CASES = 10_000;

    private final ScenarioGenerator generator = new ScenarioGenerator();
    private final ReferenceModel model = new ReferenceModel();

    @Test
    void sameSeedGivesTheSameScenarioAndTheSameRun() {
        Scenario first = generator.generate(42);
        Scenario again = generator.generate(42);

        assertThat(again).isEqualTo(first);
        assertThat(model.run(again)).isEqualTo(model.run(first));
        assertThat(generator.generate(43)).isNotEqualTo(first);
    }

    @Test
    void generatedScenariosStayWithinTheRequestedRanges() {
        for (long seed = 0; seed < 2_000; seed++) {
            Scenario s = generator.generate(seed);
            ModelConfig c = s.config();
            assertThat(s.recordCount()).as("seed %d", seed).isBetween(1, 500);
            assertThat(c.maximumRetryAttempts()).as("seed %d", seed).isBetween(-1, 5);
            if (c.maximumRetryAttempts() == -1) {
                assertThat(c.hasRecordAge()).as("seed %d: -1 retries need a record age to end", seed).isTrue();
            }
            assertThat(((GeneratedOracle) s.oracle()).faults().keySet())
                    .allSatisfy(index -> assertThat(index).isBetween(0, s.recordCount() - 1));
        }
    }

    @Test
    void everyGeneratedScenarioEndsWithEveryRecordAccountedForOnce() {
        Set<String> seen = new HashSet<>();
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        for (long seed = 0; seed < CASES; seed++) {
            Scenario scenario = generator.generate(seed);
            ModelResult result = model.run(scenario);

            List<String> violations = LaneInvariants.violations(scenario, result);
            assertThat(violations).as("seed %d%n%s", seed, result.timeline()).isEmpty();
            coverage(scenario, result, seen);
            result.deadLetters().forEach(d -> conditions.add(d.condition()));
        }
        // the generator reaches every rule the differential test is meant to cover
        assertThat(seen).contains("bisect", "partial commit", "throttle", "timeout", "invalid partial",
                "functionError null", "functionError Unhandled", "expired before first read", "batch over 100",
                "infinite retries", "SPLIT while the parent is busy", "MERGE while the parent is busy",
                "update mid-stream", "update while a batch waits for its retry",
                "window final invocation without records", "window closed at shard end");
        assertThat(conditions).containsExactlyInAnyOrder(Condition.values());
    }

    private static void coverage(Scenario scenario, ModelResult result, Set<String> seen) {
        List<ModelInvocation> all = result.invocations();
        List<ModelInvocation> invocations = all.stream().filter(i -> !i.records().isEmpty()).toList();
        Change change = scenario.change();
        if (change != null && change.reshards()) {
            int child = change.firstChildRecord();
            // issue 16: the child's records wait while the parent's lane still works after the reshard (rule 0.10)
            boolean busy = invocations.stream().anyMatch(i -> i.first() < child && i.endMs() > change.atMs())
                    && invocations.stream().anyMatch(i -> i.first() >= child);
            if (busy) {
                seen.add(change.kind() + " while the parent is busy");
            }
            int parent = scenario.parentRecordCount();
            long length = scenario.config().tumblingWindowInSeconds() * 1000L;
            if (length > 0 && parent > 0
                    && Math.floorDiv(scenario.arrivalsMs().get(parent - 1), length) * length + length > change.atMs()) {
                seen.add("window closed at shard end"); // rule 11.2
            }
        }
        if (change != null && change.kind() == Change.Kind.UPDATE) {
            if (invocations.stream().anyMatch(i -> i.startMs() <= change.atMs())
                    && invocations.stream().anyMatch(i -> i.startMs() > change.atMs())) {
                seen.add("update mid-stream");
            }
            if (invocations.stream().anyMatch(i -> i.startMs() > change.atMs() && i.attempt() > 1
                    && invocations.stream().anyMatch(j -> j.startMs() <= change.atMs() && j.first() == i.first()
                    && j.attempt() == i.attempt() - 1))) {
                seen.add("update while a batch waits for its retry");
            }
        }
        for (int k = 1; k < all.size(); k++) {
            ModelInvocation before = all.get(k - 1);
            ModelInvocation after = all.get(k);
            if (before.records().isEmpty() || after.records().isEmpty()) {
                seen.add("window final invocation without records");
                continue;
            }
            if (after.first() == before.first() && after.records().size() < before.records().size()
                    && after.attempt() == 1 && after.startMs() == before.endMs()) {
                seen.add("bisect");
            }
            if (after.first() > before.first() && after.last() == before.last()) {
                seen.add("partial commit");
            }
        }
        for (ModelInvocation i : invocations) {
            if (i.outcome() instanceof Outcome.Throttle) {
                seen.add("throttle");
            }
            if (i.outcome() instanceof Outcome.Timeout) {
                seen.add("timeout");
            }
            if (i.outcome() instanceof Outcome.Partial p && scenario.config().reportBatchItemFailures()
                    && p.failures().stream().anyMatch(id -> !(id instanceof ItemId.Record))) {
                seen.add("invalid partial");
            }
            if (i.records().size() > 100) {
                seen.add("batch over 100");
            }
        }
        for (ModelDeadLetter d : result.deadLetters()) {
            if (d.condition() == Condition.RetryAttemptsExhausted) {
                seen.add("functionError " + (d.functionError() == null ? "null" : d.functionError()));
            }
            if (d.condition() == Condition.RecordAgeExceeded && result.deliveryCount(d.firstRecord()) == 0) {
                seen.add("expired before first read");
            }
            if (d.condition() == Condition.RecordAgeExceeded && scenario.config().maximumRetryAttempts() == -1) {
                seen.add("infinite retries");
            }
        }
    }
}
