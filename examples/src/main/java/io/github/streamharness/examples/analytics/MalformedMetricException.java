package io.github.streamharness.examples.analytics;

/**
 * A Kinesis record whose data is not a metric document: not JSON, or a required field missing or of the wrong type.
 * This is the poison pill of the incident: retrying the batch cannot fix it.
 */
public class MalformedMetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what was wrong with the record. */
    public MalformedMetricException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the parser's own error. */
    public MalformedMetricException(String message, Throwable cause) {
        super(message, cause);
    }
}
