package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

import java.util.List;

/** Messages of {@link AbstractStreamsEventResponseAssert} (section 5). */
final class ShouldReportFailures extends StreamErrorMessageFactory {

    private ShouldReportFailures(Parts parts, String story) {
        super(parts, story);
    }

    /** reportsFailuresFor. */
    static ShouldReportFailures shouldReportFailuresFor(StreamsEventResponse actual, List<String> expected,
                                                        List<String> missing, List<String> unexpected,
                                                        String story) {
        Parts p = new Parts().text("Expecting the response:%n  ").value(actual)
                .text("%nto report failures for exactly these sequence numbers (in any order):%n  ").value(expected);
        if (!missing.isEmpty()) {
            p.text("%nbut it does not report:%n  ").value(missing);
        }
        if (!unexpected.isEmpty()) {
            p.text(missing.isEmpty() ? "%nbut it also reports:%n  " : "%nand it also reports:%n  ").value(unexpected);
        }
        return new ShouldReportFailures(p, story);
    }

    /** reportsNoFailures. */
    static ShouldReportFailures shouldReportNoFailures(StreamsEventResponse actual, String story) {
        return new ShouldReportFailures(new Parts().text("Expecting the response to report no failure "
                + "(null, or an empty batchItemFailures: the whole batch succeeded, rule 5.3)%nbut it reports:%n  ")
                .value(actual.getBatchItemFailures()), story);
    }
}
