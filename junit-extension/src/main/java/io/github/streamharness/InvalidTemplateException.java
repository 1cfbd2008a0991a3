package io.github.streamharness;

/**
 * A template (CloudFormation, SAM, CDK output) or an API's JSON that cannot give the configuration it is asked for:
 * a property outside the resource's schema, an intrinsic function the harness cannot resolve, a value of the wrong
 * type or one AWS would reject, a logical id that is not there. The message starts with the file and line and the
 * property's path ({@code template.yaml:31: Resources.Fn.Properties.Events.Stream.Properties.BatchSize: ...}) and
 * says what to do. A value AWS would reject keeps AWS's text, and its {@link #getCause() cause} is the
 * {@link InvalidEventSourceMappingException} the builder threw.
 */
public class InvalidTemplateException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final String path;

    /**
     * Creates the exception.
     *
     * @param source  the file or resource name
     * @param line    the 1-based line, or 0 when unknown
     * @param path    the property path ({@code Resources.X.Properties.BatchSize}), or "" for the whole document
     * @param message what is wrong and what to do
     * @param cause   the builder's exception for a rejected value, or null
     */
    public InvalidTemplateException(String source, int line, String path, String message, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message, cause);
        this.source = source;
        this.line = line;
        this.path = path;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** The 1-based line of the offending node, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The property path, e.g. {@code Resources.AnalyticsMapping.Properties.BatchSize}. */
    public String path() {
        return path;
    }
}
