package io.github.streamharness.assertj;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.streamharness.StreamRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.github.streamharness.assertj.ShouldReportFailures.shouldReportFailuresFor;
import static io.github.streamharness.assertj.ShouldReportFailures.shouldReportNoFailures;

/**
 * Assertions on the partial batch response a handler returns with ReportBatchItemFailures (section 5), for handler
 * unit tests. Item identifiers are sequence numbers (rule 5.2), compared as text.
 *
 * @param <SELF> the assertion's own type
 */
public abstract class AbstractStreamsEventResponseAssert<SELF extends AbstractStreamsEventResponseAssert<SELF>>
        extends AbstractStreamAssert<SELF, StreamsEventResponse> {

    /** Creates the assertion. */
    protected AbstractStreamsEventResponseAssert(StreamsEventResponse actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Verifies that the response reports exactly these item identifiers (sequence numbers), in any order. */
    public SELF reportsFailuresFor(String... itemIdentifiers) {
        isNotNull();
        Objects.requireNonNull(itemIdentifiers, "itemIdentifiers");
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(itemIdentifiers)));
        List<String> reported = reported();
        Set<String> reportedSet = new LinkedHashSet<>(reported);
        List<String> missing = expected.stream().filter(id -> !reportedSet.contains(id)).toList();
        Set<String> expectedSet = new LinkedHashSet<>(expected);
        List<String> unexpected = reportedSet.stream().filter(id -> !expectedSet.contains(id)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throwAssertionErrorWithDiff(shouldReportFailuresFor(actual, expected, missing, unexpected, story()), expected, reported);
        }
        return myself;
    }

    /** Verifies that the response reports exactly these records, by their sequence numbers, in any order. */
    public SELF reportsFailuresFor(StreamRecord... records) {
        return reportsFailuresFor(Arrays.stream(records).map(StreamRecord::sequenceNumber).toArray(String[]::new));
    }

    /** Verifies that the response reports exactly these event records, by their sequence numbers, in any order. */
    public SELF reportsFailuresFor(KinesisEvent.KinesisEventRecord... records) {
        return reportsFailuresFor(Arrays.stream(records).map(r -> r.getKinesis().getSequenceNumber())
                .toArray(String[]::new));
    }

    /**
     * Verifies that the response reports no failure: a null response, a null list or an empty list all mean the
     * whole batch succeeded (rule 5.3).
     */
    public SELF reportsNoFailures() {
        if (actual != null && actual.getBatchItemFailures() != null && !actual.getBatchItemFailures().isEmpty()) {
            throwAssertionError(shouldReportNoFailures(actual, story()));
        }
        return myself;
    }

    private List<String> reported() {
        List<StreamsEventResponse.BatchItemFailure> failures = actual.getBatchItemFailures();
        if (failures == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (StreamsEventResponse.BatchItemFailure f : failures) {
            ids.add(f == null ? null : f.getItemIdentifier());
        }
        return ids;
    }
}
