package io.github.streamharness.assertj;

import io.github.streamharness.ShardPosition;
import io.github.streamharness.StreamRecord;

import java.time.Duration;

/** Messages of {@link AbstractShardPositionAssert}. */
final class ShouldBeAtPosition extends StreamErrorMessageFactory {

    private ShouldBeAtPosition(Parts parts, String story) {
        super(parts, story);
    }

    /** hasCheckpointAt / hasNoCheckpoint. */
    static ShouldBeAtPosition shouldHaveCheckpointAt(String subject, ShardPosition actual, StreamRecord expected,
                                                     String story) {
        Parts p = new Parts().text("Expecting the checkpoint of ").plain(subject).text(" to be ");
        if (expected == null) {
            p.text("absent (no record done yet)%nbut it was at:%n  ").value(actual.checkpoint().orElse(null));
        } else {
            p.text("at:%n  ").value(expected);
            if (actual.checkpoint().isPresent()) {
                p.text("%nbut it was at:%n  ").value(actual.checkpoint().get());
            } else {
                p.text("%nbut there is no checkpoint: no record of the shard is done yet");
            }
            otherShard(p, actual, expected);
        }
        return new ShouldBeAtPosition(p, story);
    }

    /** hasIteratorAt. */
    static ShouldBeAtPosition shouldHaveIteratorAt(String subject, ShardPosition actual, StreamRecord expected,
                                                   String story) {
        Parts p = new Parts().text("Expecting the iterator of ").plain(subject)
                .text(" to be at (next record to deliver):%n  ").value(expected);
        if (actual.next().isPresent()) {
            p.text("%nbut it was at:%n  ").value(actual.next().get());
        } else {
            p.text("%nbut it is caught up: every record written so far is done");
        }
        otherShard(p, actual, expected);
        return new ShouldBeAtPosition(p, story);
    }

    /** isCaughtUp. */
    static ShouldBeAtPosition shouldBeCaughtUp(String subject, ShardPosition actual, String story) {
        return new ShouldBeAtPosition(new Parts().text("Expecting ").plain(subject)
                .text(" to be caught up%nbut " + actual.pending() + " record(s) are not done yet, from:%n  ")
                .value(actual.next().orElse(null)).text("%nwhich has waited " + KinesisRepresentation.duration(actual.iteratorAge()))
                .text(actual.blocked() ? " (the shard is blocked by a failing batch, rule 3.3)" : ""), story);
    }

    /** isNotCaughtUp. */
    static ShouldBeAtPosition shouldNotBeCaughtUp(String subject, ShardPosition actual, String story) {
        return new ShouldBeAtPosition(new Parts().text("Expecting ").plain(subject)
                .text(" to have records left to process%nbut it is caught up, checkpoint at:%n  ")
                .value(actual.checkpoint().orElse(null)), story);
    }

    /** isBlockedAt. */
    static ShouldBeAtPosition shouldBeBlockedAt(String subject, ShardPosition actual, StreamRecord expected,
                                                String story) {
        Parts p = new Parts().text("Expecting ").plain(subject)
                .text(" to be blocked by a failing batch that starts at:%n  ").value(expected);
        if (actual.blocked()) {
            p.text("%nbut the failing batch starts at:%n  ").value(actual.blockedAt().get());
        } else {
            p.text("%nbut it is not blocked (no batch is being retried)");
        }
        otherShard(p, actual, expected);
        return new ShouldBeAtPosition(p, story);
    }

    /** isNotBlocked. */
    static ShouldBeAtPosition shouldNotBeBlocked(String subject, ShardPosition actual, String story) {
        return new ShouldBeAtPosition(new Parts().text("Expecting ").plain(subject)
                .text(" not to be blocked%nbut a failing batch that starts at:%n  ")
                .value(actual.blockedAt().orElse(null))
                .text("%nis being retried, and no later record is delivered meanwhile (rule 3.3)"), story);
    }

    /** hasIteratorAgeAtMost. */
    static ShouldBeAtPosition shouldHaveIteratorAgeAtMost(String subject, ShardPosition actual, Duration max,
                                                          String story) {
        return new ShouldBeAtPosition(new Parts().text("Expecting the iterator age of ").plain(subject)
                .text(" to be at most:%n  ").value(max).text("%nbut was:%n  ").value(actual.iteratorAge())
                .text("%nfor the oldest record not done:%n  ").value(actual.next().orElse(null)), story);
    }

    static ShouldBeAtPosition shouldHaveIteratorAgeAtLeast(String subject, ShardPosition actual, Duration min,
                                                           String story) {
        return new ShouldBeAtPosition(new Parts().text("Expecting the iterator age of ").plain(subject)
                .text(" to be at least:%n  ").value(min).text("%nbut was:%n  ").value(actual.iteratorAge())
                .text("%nfor the oldest record not done:%n  ").value(actual.next().orElse(null)), story);
    }

    private static void otherShard(Parts p, ShardPosition actual, StreamRecord expected) {
        if (!expected.shardId().equals(actual.shardId())) {
            p.text("%n(the expected record is in ").plain(expected.shardId()).text(", not in ")
                    .plain(actual.shardId()).text(")");
        }
    }
}
