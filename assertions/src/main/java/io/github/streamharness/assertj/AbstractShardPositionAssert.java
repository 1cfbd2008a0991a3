package io.github.streamharness.assertj;

import io.github.streamharness.ShardPosition;
import io.github.streamharness.StreamRecord;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldBeBlockedAt;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldBeCaughtUp;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldHaveCheckpointAt;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldHaveIteratorAgeAtLeast;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldHaveIteratorAgeAtMost;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldHaveIteratorAt;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldNotBeBlocked;
import static io.github.streamharness.assertj.ShouldBeAtPosition.shouldNotBeCaughtUp;

/**
 * Assertions on where a mapping stands in one shard: checkpoint, iterator (next record to deliver), blocked batch
 * and iterator age. The position is a snapshot taken when the assertion was created. Records are matched by
 * (shardId, sequenceNumber).
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractShardPositionAssert<SELF extends AbstractShardPositionAssert<SELF>>
        extends AbstractStreamAssert<SELF, ShardPosition> {

    /** Creates the assertion. */
    protected AbstractShardPositionAssert(ShardPosition actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that the checkpoint is at {@code record}: it and every earlier record of the shard are done. */
    public SELF hasCheckpointAt(StreamRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (!actual.checkpoint().equals(Optional.of(record))) {
            throwAssertionErrorWithDiff(shouldHaveCheckpointAt(subject(), actual, record, story()), record, actual.checkpoint().orElse(null));
        }
        return myself;
    }

    /** Verifies that there is no checkpoint yet: no record of the shard is done. */
    public SELF hasNoCheckpoint() {
        isNotNull();
        if (actual.checkpoint().isPresent()) {
            throwAssertionError(shouldHaveCheckpointAt(subject(), actual, null, story()));
        }
        return myself;
    }

    /** Verifies that {@code record} is the next record the iterator delivers: the first one not done. */
    public SELF hasIteratorAt(StreamRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (!actual.next().equals(Optional.of(record))) {
            throwAssertionErrorWithDiff(shouldHaveIteratorAt(subject(), actual, record, story()), record, actual.next().orElse(null));
        }
        return myself;
    }

    /** Verifies that every record written to the shard so far is done (committed, filtered or discarded). */
    public SELF isCaughtUp() {
        isNotNull();
        if (!actual.caughtUp()) {
            throwAssertionError(shouldBeCaughtUp(subject(), actual, story()));
        }
        return myself;
    }

    /** Verifies that some record of the shard is not done yet. */
    public SELF isNotCaughtUp() {
        isNotNull();
        if (actual.caughtUp()) {
            throwAssertionError(shouldNotBeCaughtUp(subject(), actual, story()));
        }
        return myself;
    }

    /**
     * Verifies that the shard (or a lane of it) is blocked by a failing batch that starts at {@code record}, which
     * the mapping keeps retrying (rule 3.3).
     */
    public SELF isBlockedAt(StreamRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (!actual.blockedAt().equals(Optional.of(record))) {
            throwAssertionErrorWithDiff(shouldBeBlockedAt(subject(), actual, record, story()), record, actual.blockedAt().orElse(null));
        }
        return myself;
    }

    /** Verifies that no failing batch holds the shard back. */
    public SELF isNotBlocked() {
        isNotNull();
        if (actual.blocked()) {
            throwAssertionError(shouldNotBeBlocked(subject(), actual, story()));
        }
        return myself;
    }

    /** Verifies that the oldest record not done has waited at most {@code max} (rule 10.1; zero when caught up). */
    public SELF hasIteratorAgeAtMost(Duration max) {
        isNotNull();
        Objects.requireNonNull(max, "max");
        if (actual.iteratorAge().compareTo(max) > 0) {
            throwAssertionError(shouldHaveIteratorAgeAtMost(subject(), actual, max, story()));
        }
        return myself;
    }

    /**
     * Verifies that the oldest record not yet done has waited at least {@code min}: the shard (or a lane) is
     * falling behind, as a stalled consumer's IteratorAge metric would show (rule 10.1).
     */
    public SELF hasIteratorAgeAtLeast(Duration min) {
        isNotNull();
        Objects.requireNonNull(min, "min");
        if (actual.iteratorAge().compareTo(min) < 0) {
            throwAssertionError(shouldHaveIteratorAgeAtLeast(subject(), actual, min, story()));
        }
        return myself;
    }

    private String subject() {
        return timeline != null ? timeline.functionName() + " in " + actual.shardId() : actual.shardId();
    }

    @Override
    String storyWithoutTimeline() {
        return "Position: " + KinesisRepresentation.KINESIS_REPRESENTATION.toStringOf(actual);
    }
}
