package io.github.streamharness.assertj;

import io.github.streamharness.DeadLetter;
import io.github.streamharness.DeadLetterQueue;
import io.github.streamharness.OnFailureCondition;
import io.github.streamharness.StreamRecord;
import org.assertj.core.api.Condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.github.streamharness.assertj.ShouldContainRecords.shouldBeEmpty;
import static io.github.streamharness.assertj.ShouldContainRecords.shouldContain;
import static io.github.streamharness.assertj.ShouldContainRecords.shouldContainExactly;
import static io.github.streamharness.assertj.ShouldContainRecords.shouldContainOnly;
import static io.github.streamharness.assertj.ShouldContainRecords.shouldNotBeEmpty;
import static io.github.streamharness.assertj.ShouldContainRecords.shouldNotContain;
import static io.github.streamharness.assertj.ShouldHaveMessages.shouldAllMatch;
import static io.github.streamharness.assertj.ShouldHaveMessages.shouldHaveMessageCount;
import static io.github.streamharness.assertj.ShouldHaveMessages.shouldHaveOnlyCondition;

/**
 * Assertions on the messages a mapping sent to its on-failure destination (section 6) and the records they cover.
 * Records are matched by identity, (shardId, sequenceNumber), as Kinesis identifies them (rule 12.2).
 *
 * <p>A failure message ends with the mapping's timeline when the queue was reached from a harness or mapping
 * ({@code assertThat(stream).deadLetterQueue()}) or given one ({@link #withTimelineOf}); otherwise it lists the
 * messages themselves.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractDeadLetterQueueAssert<SELF extends AbstractDeadLetterQueueAssert<SELF>>
        extends AbstractStreamAssert<SELF, DeadLetterQueue> {

    /** Creates the assertion. */
    protected AbstractDeadLetterQueueAssert(DeadLetterQueue actual, Class<?> selfType) {
        super(actual, selfType);
        // a queue that belongs to a mapping brings its timeline, so failure messages explain the shard
        this.timeline = actual == null ? null : actual.invocations().orElse(null);
    }

    /** Verifies that the messages cover exactly these records, in any order, and no other record. */
    public SELF containsOnly(StreamRecord... records) {
        isNotNull();
        List<StreamRecord> expected = list(records);
        List<StreamRecord> actualRecords = actual.records();
        List<StreamRecord> missing = minus(expected, actualRecords);
        List<StreamRecord> unexpected = minus(actualRecords, expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throwAssertionErrorWithDiff(shouldContainOnly(arn(), actualRecords, expected, missing, unexpected, story()), expected, actualRecords);
        }
        return myself;
    }

    /** Verifies that the messages cover exactly these records, in this order (message order, then record order). */
    public SELF containsExactly(StreamRecord... records) {
        isNotNull();
        List<StreamRecord> expected = list(records);
        List<StreamRecord> actualRecords = actual.records();
        if (!expected.equals(actualRecords)) {
            int first = 0;
            while (first < expected.size() && first < actualRecords.size()
                    && expected.get(first).equals(actualRecords.get(first))) {
                first++;
            }
            throwAssertionErrorWithDiff(shouldContainExactly(arn(), actualRecords, expected, minus(expected, actualRecords),
                    minus(actualRecords, expected), first, story()), expected, actualRecords);
        }
        return myself;
    }

    /** Verifies that the messages cover at least these records. */
    public SELF contains(StreamRecord... records) {
        isNotNull();
        List<StreamRecord> expected = list(records);
        List<StreamRecord> missing = minus(expected, actual.records());
        if (!missing.isEmpty()) {
            throwAssertionError(shouldContain(arn(), actual.records(), expected, missing, story()));
        }
        return myself;
    }

    /** Verifies that no message covers any of these records. */
    public SELF doesNotContain(StreamRecord... records) {
        isNotNull();
        List<StreamRecord> unwanted = list(records);
        List<DeadLetter> found = actual.messages().stream().filter(m -> unwanted.stream().anyMatch(m::covers))
                .toList();
        if (!found.isEmpty()) {
            throwAssertionError(shouldNotContain(arn(), actual.records(), unwanted, found, story()));
        }
        return myself;
    }

    /** Verifies that no message was sent. */
    public SELF isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            throwAssertionError(shouldBeEmpty(arn(), actual.messages(), story()));
        }
        return myself;
    }

    /** Verifies that at least one message was sent. */
    public SELF isNotEmpty() {
        isNotNull();
        if (actual.isEmpty()) {
            throwAssertionError(shouldNotBeEmpty(arn(), story()));
        }
        return myself;
    }

    /** Verifies the number of messages (one per discarded batch or remainder, rule 6.1), not of records. */
    public SELF hasMessageCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            throwAssertionErrorWithDiff(shouldHaveMessageCount(arn(), expected, actual.messages(), story()), expected, actual.size());
        }
        return myself;
    }

    /** Verifies that every message satisfies {@code condition} (passes when there is no message). */
    public SELF allMessages(Condition<? super DeadLetter> condition) {
        isNotNull();
        Objects.requireNonNull(condition, "condition");
        List<DeadLetter> notMatching = actual.messages().stream().filter(m -> !condition.matches(m)).toList();
        if (!notMatching.isEmpty()) {
            throwAssertionError(shouldAllMatch(arn(), condition, notMatching, story()));
        }
        return myself;
    }

    /**
     * Verifies that there is at least one message and that every message has {@code condition}: all batches were
     * discarded after exhausting their retries (rule 4.4), or all for record age (rule 4.6).
     */
    public SELF hasOnlyCondition(OnFailureCondition condition) {
        isNotNull();
        Objects.requireNonNull(condition, "condition");
        List<DeadLetter> messages = actual.messages();
        List<DeadLetter> others = messages.stream().filter(m -> m.condition() != condition).toList();
        if (messages.isEmpty() || !others.isEmpty()) {
            throwAssertionError(shouldHaveOnlyCondition(arn(), condition, messages, others, story()));
        }
        return myself;
    }

    @Override
    String storyWithoutTimeline() {
        List<DeadLetter> messages = actual.messages();
        if (messages.isEmpty()) {
            return "The destination received no message.";
        }
        List<String> lines = new ArrayList<>();
        for (DeadLetter m : messages) {
            lines.add(KinesisRepresentation.KINESIS_REPRESENTATION.toStringOf(m));
        }
        return "Messages the destination received (" + messages.size() + "):\n"
                + StreamErrorMessageFactory.indented(lines);
    }

    private String arn() {
        return actual.destinationArn();
    }

    private static List<StreamRecord> list(StreamRecord[] records) {
        Objects.requireNonNull(records, "records");
        List<StreamRecord> list = Arrays.asList(records);
        if (list.contains(null)) {
            throw new IllegalArgumentException("expected records must not be null");
        }
        return List.copyOf(list);
    }

    /** The elements of {@code a} that are not in {@code b}, in order. */
    static List<StreamRecord> minus(List<StreamRecord> a, List<StreamRecord> b) {
        Set<StreamRecord> other = new HashSet<>(b);
        return a.stream().filter(r -> !other.contains(r)).toList();
    }
}
