package io.github.streamharness.assertj;

import io.github.streamharness.Invocation;
import io.github.streamharness.StreamRecord;

import java.util.List;

/** Messages of the counting assertions of {@link AbstractInvocationLogAssert}. */
final class ShouldHaveDeliveries extends StreamErrorMessageFactory {

    private ShouldHaveDeliveries(Parts parts, String story) {
        super(parts, story);
    }

    /** hasInvocationCount. */
    static ShouldHaveDeliveries shouldHaveInvocationCount(String functionName, int expected, int actual,
                                                          String story) {
        return new ShouldHaveDeliveries(new Parts().text("Expecting ").plain(functionName)
                .text(" to have been invoked " + expected + " time(s) but it was invoked " + actual + " time(s)"),
                story);
    }

    /** hasTimeouts / hasColdStarts. */
    static ShouldHaveDeliveries shouldHaveInvocationsThat(String functionName, String what, int expected,
                                                          List<Invocation> matching, String story) {
        Parts p = new Parts().text("Expecting ").plain(functionName).text(" to have " + expected + " invocation(s) "
                + "that " + what + " but it had " + matching.size());
        if (!matching.isEmpty()) {
            p.text(":");
            for (Invocation i : matching) {
                p.text("%n  ").value(i);
            }
        }
        return new ShouldHaveDeliveries(p, story);
    }

    /** hasMaxConcurrency. */
    static ShouldHaveDeliveries shouldHaveMaxConcurrency(String functionName, int expected, Concurrency.Peak peak,
                                                         String story) {
        Parts p = new Parts().text("Expecting ").plain(functionName).text(" to run at most " + expected
                + " invocation(s) at once, and that many at some instant, but it ran at most " + peak.count());
        if (!peak.invocations().isEmpty()) {
            p.text(", at once:");
            for (Invocation i : peak.invocations()) {
                p.text("%n  ").value(i);
            }
        }
        return new ShouldHaveDeliveries(p, story);
    }

    /** deliveredTimes / deliveredExactlyOnce / neverDelivered. */
    static ShouldHaveDeliveries shouldBeDeliveredTimes(String functionName, StreamRecord record, int expected,
                                                       List<Invocation> deliveries, String story) {
        Parts p = new Parts().text("Expecting the record:%n  ").value(record)
                .text(expected == 0 ? "%nnever to be delivered to " : "%nto be delivered to ").plain(functionName)
                .text((expected == 0 ? "" : " " + times(expected)) + "%nbut it was delivered "
                        + times(deliveries.size()));
        if (!deliveries.isEmpty()) {
            p.text(", by:%n  ").value(deliveries);
        }
        return new ShouldHaveDeliveries(p, story);
    }

    /** redeliveredOnlyAfterFailure / redeliveredOnlyAfter. */
    static ShouldHaveDeliveries shouldBeRedeliveredOnlyAfter(String functionName, String failure,
                                                             List<String> violations, String story) {
        return new ShouldHaveDeliveries(new Parts().text("Expecting ").plain(functionName)
                .text(" to receive a record again only after ").plain(failure)
                .text(" of an invocation that held it%nbut these were delivered again without one:%n")
                .plain(indented(violations)), story);
    }

    private static String times(int n) {
        return switch (n) {
            case 0 -> "never";
            case 1 -> "exactly once";
            default -> n + " times";
        };
    }
}
