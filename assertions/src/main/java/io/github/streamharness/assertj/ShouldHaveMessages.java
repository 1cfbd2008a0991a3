package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.OnFailureCondition;
import org.assertj.core.api.Condition;

import java.util.List;

/** Messages of the message-level assertions of {@link AbstractDeadLetterQueueAssert}. */
final class ShouldHaveMessages extends StreamErrorMessageFactory {

    private ShouldHaveMessages(Parts parts, String story) {
        super(parts, story);
    }

    /** hasMessageCount. */
    static ShouldHaveMessages shouldHaveMessageCount(String destinationArn, int expected, List<DeadLetter> messages,
                                                     String story) {
        return new ShouldHaveMessages(new Parts().text("Expecting the on-failure destination ").plain(destinationArn)
                .text(" to have received " + expected + " message(s) but it received " + messages.size() + ":%n  ")
                .value(messages), story);
    }

    /** allMessages(condition). */
    static ShouldHaveMessages shouldAllMatch(String destinationArn, Condition<?> condition,
                                             List<DeadLetter> notMatching, String story) {
        return new ShouldHaveMessages(new Parts().text("Expecting every message sent to the on-failure destination ")
                .plain(destinationArn).text(" to be:%n  ").value(condition)
                .text("%nbut these messages were not:%n  ").value(notMatching), story);
    }

    /** hasOnlyCondition. */
    static ShouldHaveMessages shouldHaveOnlyCondition(String destinationArn, OnFailureCondition condition,
                                                      List<DeadLetter> messages, List<DeadLetter> others,
                                                      String story) {
        Parts p = new Parts().text("Expecting every message sent to the on-failure destination ").plain(destinationArn)
                .text(" to have condition " + condition);
        if (messages.isEmpty()) {
            p.text(" but it received no message");
        } else {
            p.text(" but these messages have another condition:%n  ").value(others);
        }
        return new ShouldHaveMessages(p, story);
    }
}
