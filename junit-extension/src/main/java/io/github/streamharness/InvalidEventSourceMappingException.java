package io.github.streamharness;

/**
 * A mapping parameter that AWS would reject. The message is AWS's own text where the spec records it (section 1), and
 * otherwise names the parameter, the value given and the valid range.
 */
public class InvalidEventSourceMappingException extends IllegalArgumentException {
    private final String parameter;

    /** Creates the exception for {@code parameter} (its AWS name) with the user-facing {@code message}. */
    public InvalidEventSourceMappingException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The AWS name of the offending parameter, e.g. {@code BatchSize}. */
    public String parameter() {
        return parameter;
    }
}
