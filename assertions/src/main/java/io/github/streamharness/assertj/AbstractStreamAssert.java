package io.github.streamharness.assertj;

import io.github.streamharness.InvocationLog;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assert;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.util.Throwables;
import org.opentest4j.AssertionFailedError;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Base of every assertion of this module: prints values with {@link KinesisRepresentation} and ends each failure
 * message with the compact timeline of the mapping (what ran, outcomes, checkpoint moves, on-failure hand-offs),
 * so that a failed assertion explains what the shard did.
 *
 * @param <SELF>   the assertion's own type
 * @param <ACTUAL> the value under test
 */
public abstract class AbstractStreamAssert<SELF extends AbstractStreamAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {
    /** Lines of timeline a failure message shows by default; longer timelines are elided in the middle. */
    public static final int DEFAULT_TIMELINE_LINES = 40;

    // Context carried from assertion to assertion by navigation (plain fields: soft proxies must not see them).
    InvocationLog timeline;
    int timelineLines = DEFAULT_TIMELINE_LINES;
    Navigation navigation = Navigation.DIRECT;

    /** Creates the assertion and registers {@link KinesisRepresentation}. */
    protected AbstractStreamAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
        // info directly rather than withRepresentation(..): soft proxies intercept public methods, not this field
        info.useRepresentation(KinesisRepresentation.KINESIS_REPRESENTATION);
    }

    /**
     * Ends every failure message with the timeline of {@code log}, for values that do not know their mapping
     * (a {@code DeadLetterQueue} or {@code ShardPosition} on its own).
     */
    public SELF withTimelineOf(InvocationLog log) {
        this.timeline = Objects.requireNonNull(log, "log");
        return myself;
    }

    /** Shows at most {@code maxLines} lines of timeline in failure messages, elided in the middle beyond that. */
    public SELF withTimelineLines(int maxLines) {
        if (maxLines < 4) {
            throw new IllegalArgumentException("a timeline needs at least 4 lines (head, elision, tail), got "
                    + maxLines);
        }
        this.timelineLines = maxLines;
        return myself;
    }

    /**
     * Fails with the message of {@code factory} (AssertJ's layout, the timeline at its end) as an opentest4j
     * {@link AssertionFailedError} carrying {@code expected} and {@code actualValue}, so IDEs offer a diff. Both are
     * printed with the assertion's representation, a collection one element per line.
     */
    void throwAssertionErrorWithDiff(ErrorMessageFactory factory, Object expected, Object actualValue) {
        String message = info.overridingErrorMessage() != null
                ? prefix() + info.overridingErrorMessage()
                : factory.create(info.description(), info.representation());
        AssertionFailedError error = new AssertionFailedError(message, diffText(expected), diffText(actualValue));
        Throwables.removeAssertJRelatedElementsFromStackTrace(error);
        throw error;
    }

    private String prefix() {
        String description = info.descriptionText();
        return description == null || description.isEmpty() ? "" : "[" + description + "] ";
    }

    private String diffText(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> info.representation().toStringOf(v)).collect(Collectors.joining("\n"));
        }
        return value instanceof String text ? text : info.representation().toStringOf(value);
    }

    /** What ends a failure message: the timeline, or what the value itself can tell without one. */
    String story() {
        return timeline != null ? timeline.describe(timelineLines) : storyWithoutTimeline();
    }

    /** The end of a failure message when no timeline is known; nothing by default. */
    String storyWithoutTimeline() {
        return "";
    }

    /** Opens the assertion of a part of the actual value, carrying this assertion's context over. */
    <A extends Assert<? extends A, ? extends T>, T> A open(Class<A> assertType, Class<T> actualType, T value,
                                                          Function<T, A> direct, InvocationLog log) {
        A opened = navigation.open(assertType, actualType, value, direct);
        if (opened instanceof AbstractStreamAssert<?, ?> child) {
            child.timeline = log != null ? log : timeline;
            child.timelineLines = timelineLines;
            child.navigation = navigation;
            if (info.description() != null) {
                child.info.description(info.description());
            }
        }
        return opened;
    }
}
