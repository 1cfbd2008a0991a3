package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;

import java.util.List;

/** Messages of the typed outcome assertions and of hasNoWarnings. */
final class ShouldHaveOutcome extends StreamErrorMessageFactory {

    private ShouldHaveOutcome(Parts parts, String story) {
        super(parts, story);
    }

    /** hasOutcome. */
    static ShouldHaveOutcome shouldHaveOutcome(Invocation actual, Class<?> expected, String story) {
        return new ShouldHaveOutcome(new Parts().text("Expecting invocation:%n  ").value(actual)
                .text("%nto end with an outcome of type ").plain(expected.getName())
                .text("%nbut it ended with ").plain(actual.outcome().toString()), story);
    }

    /** hasFailedWith. */
    static ShouldHaveOutcome shouldHaveFailedWith(Invocation actual, Class<?> expected, String story) {
        return new ShouldHaveOutcome(new Parts().text("Expecting invocation:%n  ").value(actual)
                .text("%nto have failed with ").plain(expected.getName()).text(" thrown by the handler")
                .text("%nbut it ended with ").plain(actual.outcome().toString()), story);
    }

    /** hasNoWarnings. */
    static ShouldHaveOutcome shouldHaveNoWarnings(String functionName, List<String> warnings, String story) {
        return new ShouldHaveOutcome(new Parts().text("Expecting ").plain(functionName)
                .text(" to have raised no warning but it raised " + warnings.size() + ":%n")
                .plain(indented(warnings)), story);
    }
}
