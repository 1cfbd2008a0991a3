package io.github.streamharness.reliability;

import io.github.streamharness.model.LaneInvariants;
import io.github.streamharness.model.ModelDeadLetter;
import io.github.streamharness.model.ModelInvocation;
import io.github.streamharness.model.ModelResult;
import io.github.streamharness.model.Outcome;
import io.github.streamharness.model.ReferenceModel;
import io.github.streamharness.model.Scenario;
import io.github.streamharness.model.Shrinker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one scenario through the reference model and the engine and names the first difference: the invocations
 * (records, attempt, oracle outcome, how it was read, start and end), the on-failure messages, the commits, every
 * record's fate, the final checkpoint and when it was reached; plus the engine's ledger and the lane invariants.
 */
final class Differential {
    private static final int SHRINK_TRIES = 400;

    private Differential() {
    }

    /**
     * The outcome of one comparison.
     *
     * @param scenario   the scenario compared
     * @param model      what the model did, or null when it threw
     * @param engine     what the engine did
     * @param difference the first difference, empty when they agree
     */
    record Comparison(Scenario scenario, ModelResult model, EngineAdapter.EngineRun engine,
                      Optional<String> difference) {

        /** Whether model and engine agree and the engine kept every invariant. */
        boolean agrees() {
            return difference.isEmpty();
        }

        /** The report of a failing case: scenario, first difference, both timelines. */
        String report() {
            return "scenario: " + scenario + "\n\nfirst difference: " + difference.orElse("none")
                    + "\n\nreference model timeline:\n" + (model == null ? "(model threw)" : model.timeline())
                    + "\n\nengine timeline (model terms):\n"
                    + (engine.result() == null ? "(engine threw)" : engine.result().timeline())
                    + "\n\nengine timeline (its own words):\n" + engine.timeline();
        }
    }

    /** Compares the model and the engine on {@code scenario}. */
    static Comparison compare(Scenario scenario) {
        ModelResult model;
        try {
            model = new ReferenceModel(200_000).run(scenario);
        } catch (RuntimeException e) {
            return new Comparison(scenario, null, EngineAdapter.replay(scenario), Optional.of("the model threw " + e));
        }
        EngineAdapter.EngineRun engine = EngineAdapter.replay(scenario);
        return new Comparison(scenario, model, engine, firstDifference(scenario, model, engine));
    }

    /** Shrinks a disagreeing scenario with the model's shrinker and compares the smallest one found. */
    static Comparison shrink(Comparison failing) {
        Scenario smallest = new Shrinker(SHRINK_TRIES).shrink(failing.scenario(), s -> !compare(s).agrees());
        return compare(smallest);
    }

    private static Optional<String> firstDifference(Scenario scenario, ModelResult model,
                                                    EngineAdapter.EngineRun engine) {
        List<String> modelProblems = LaneInvariants.violations(scenario, model);
        if (!modelProblems.isEmpty()) {
            return Optional.of("the MODEL breaks lane invariants: " + modelProblems);
        }
        if (!engine.problems().isEmpty()) {
            return Optional.of("engine problems: " + engine.problems());
        }
        ModelResult actual = engine.result();
        int n = Math.min(model.invocations().size(), actual.invocations().size());
        for (int i = 0; i < n; i++) {
            ModelInvocation m = model.invocations().get(i);
            ModelInvocation e = actual.invocations().get(i);
            if (!m.equals(e)) {
                return Optional.of("invocation " + (i + 1) + ": model " + m + " but engine " + e);
            }
            // rule 18.1: the response is read under the configuration the invocation started with
            boolean rbif = scenario.configAt(m.startMs()).reportBatchItemFailures();
            String expected = EngineAdapter.expectedReading(m, rbif);
            if (!expected.equals(engine.readings().get(i))) {
                return Optional.of("invocation " + (i + 1) + " " + m + ": the spec reads the response as "
                        + expected + " but the engine read it as " + engine.readings().get(i));
            }
        }
        if (model.invocations().size() != actual.invocations().size()) {
            return Optional.of("the model made " + model.invocations().size() + " invocations, the engine "
                    + actual.invocations().size() + "; the first extra one: "
                    + (model.invocations().size() > n ? "model " + model.invocations().get(n)
                    : "engine " + actual.invocations().get(n)));
        }
        int d = Math.min(model.deadLetters().size(), actual.deadLetters().size());
        for (int i = 0; i < d; i++) {
            ModelDeadLetter m = model.deadLetters().get(i);
            ModelDeadLetter e = actual.deadLetters().get(i);
            if (!m.equals(e)) {
                return Optional.of("on-failure message " + (i + 1) + ": model " + m + " but engine " + e);
            }
        }
        if (model.deadLetters().size() != actual.deadLetters().size()) {
            return Optional.of("the model sent " + model.deadLetters().size() + " on-failure messages, the engine "
                    + actual.deadLetters().size());
        }
        if (!model.committed().equals(actual.committed())) {
            return Optional.of("committed records: model " + model.committed() + " but engine "
                    + actual.committed());
        }
        for (int i = 0; i < model.fates().size(); i++) {
            if (!Objects.equals(model.fates().get(i), actual.fates().get(i))) {
                return Optional.of("record " + i + ": model " + model.fates().get(i) + " but engine "
                        + actual.fates().get(i));
            }
        }
        if (model.checkpoint() != actual.checkpoint()) {
            return Optional.of("final checkpoint: model " + model.checkpoint() + " but engine "
                    + actual.checkpoint());
        }
        if (model.endMs() != actual.endMs()) {
            return Optional.of("the lane finished at t=" + model.endMs() + "ms in the model but the engine's "
                    + "checkpoint last moved at t=" + actual.endMs() + "ms");
        }
        Map<String, Double> expected = observedFrom(model);
        if (!expected.equals(engine.observed())) {
            return Optional.of("logs and metrics (section 16, 17): from the model's invocations " + expected
                    + " but the engine recorded " + engine.observed());
        }
        return Optional.empty();
    }

    /**
     * What the function's metrics and logs must total for the model's invocations (rule 16.2, 17.1, 10.2): throttles
     * are not invocations and write no line; Errors are exceptions and timeouts (a partial response, even one that
     * fails the batch, is no function error); every destination message is delivered, nothing is dropped.
     */
    private static Map<String, Double> observedFrom(ModelResult model) {
        double invocations = 0;
        double throttles = 0;
        double errors = 0;
        double events = 0;
        double timeouts = 0;
        for (ModelInvocation i : model.invocations()) {
            if (i.outcome() instanceof Outcome.Throttle) {
                throttles++;
                continue;
            }
            invocations++;
            events += i.records().size();
            if (i.outcome() instanceof Outcome.Timeout) {
                timeouts++;
            }
            if (i.outcome() instanceof Outcome.Timeout || i.outcome() instanceof Outcome.FunctionException) {
                errors++;
            }
        }
        Map<String, Double> totals = new TreeMap<>();
        totals.put("Invocations", invocations);
        totals.put("Throttles", throttles);
        totals.put("Errors", errors);
        totals.put("InvokedEventCount", events);
        totals.put("OnFailureDestinationDeliveredEventCount",
                (double) model.deadLetters().stream().mapToInt(ModelDeadLetter::batchSize).sum());
        totals.put("DroppedEventCount", 0.0);
        totals.put("START lines", invocations);
        totals.put("timeout lines", timeouts);
        return totals;
    }
}
