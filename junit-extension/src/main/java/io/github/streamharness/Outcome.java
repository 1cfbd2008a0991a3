package io.github.streamharness;

import java.util.List;

/** How one invocation ended, as the event source mapping reads it (section 4, 5). */
public sealed interface Outcome {

    /** Whether the mapping treated the whole batch as processed. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** Whether the invocation counted as a failed attempt (a function error or a whole-batch failure response). */
    default boolean isFunctionError() {
        return this instanceof FunctionError;
    }

    /** A short label for timelines: OK, PARTIAL, TIMEOUT, ERROR, THROTTLED. */
    String label();

    /**
     * The batch succeeded (rule 5.3, 5.1).
     *
     * @param responseJson           the function's response as JSON, or null for no response
     * @param ignoredBatchItemFailures failures the function reported although the mapping does not enable
     *                               ReportBatchItemFailures: AWS ignores them and the records are lost (rule 13.6)
     */
    record Success(String responseJson, List<String> ignoredBatchItemFailures) implements Outcome {
        /** Creates the outcome with an immutable copy of the ignored failures. */
        public Success {
            ignoredBatchItemFailures = List.copyOf(ignoredBatchItemFailures);
        }

        @Override
        public String label() {
            return ignoredBatchItemFailures.isEmpty() ? "OK" : "OK (batchItemFailures IGNORED)";
        }
    }

    /**
     * A valid partial batch response (rule 5.5): records before {@code checkpointSequenceNumber} are committed, the
     * rest is retried as a new batch (rule 5.6).
     */
    record PartialFailure(List<String> itemIdentifiers, String checkpointSequenceNumber, int committedRecords,
                          String responseJson) implements Outcome {
        /** Creates the outcome with an immutable copy of the identifiers. */
        public PartialFailure {
            itemIdentifiers = List.copyOf(itemIdentifiers);
        }

        @Override
        public String label() {
            return "PARTIAL (" + committedRecords + " committed, retry from " + abbreviate(checkpointSequenceNumber)
                    + ")";
        }
    }

    /**
     * A failed attempt (rule 4.1): an exception or error thrown by the handler, a timeout, a runtime failure (the
     * response could not be serialized or was too large), or a response that fails the whole batch (rule 5.4, 0.6).
     *
     * @param functionError {@code "Unhandled"}, or null when the failure came from a batch failure response
     */
    record FunctionError(ErrorKind kind, String errorType, String errorMessage, String functionError,
                         String responseJson) implements Outcome {
        @Override
        public String label() {
            return switch (kind) {
                case TIMEOUT -> "TIMEOUT";
                case EXCEPTION -> "ERROR " + errorType;
                case RUNTIME_ERROR -> "RUNTIME ERROR " + errorType;
                case BATCH_FAILURE_RESPONSE -> "BATCH FAILURE RESPONSE";
            };
        }
    }

    /** The invocation never reached the function (throttle or service error, rule 4.2); not a retry attempt. */
    record Throttled(String reason) implements Outcome {
        @Override
        public String label() {
            return "THROTTLED";
        }
    }

    /** The kinds of {@link FunctionError}. */
    enum ErrorKind {
        /** The handler threw (an Exception or an Error). */
        EXCEPTION,
        /** The invocation ran past the function timeout (rule 0.4). */
        TIMEOUT,
        /** The runtime could not return the response (not serializable, or over the 6 MB response limit). */
        RUNTIME_ERROR,
        /**
         * With ReportBatchItemFailures, a response that fails the whole batch (rule 5.4, 0.6); in a tumbling window,
         * also a response without a state object (rule 8.1).
         */
        BATCH_FAILURE_RESPONSE
    }

    private static String abbreviate(String sequenceNumber) {
        return sequenceNumber.length() > 10
                ? sequenceNumber.substring(0, 4) + "..." + sequenceNumber.substring(sequenceNumber.length() - 3)
                : sequenceNumber;
    }
}
