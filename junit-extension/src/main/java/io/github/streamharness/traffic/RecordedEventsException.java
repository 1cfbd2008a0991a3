package io.github.streamharness.traffic;

/**
 * A recorded-events file that cannot be loaded: names the file, the line and column (1-based) and what was expected,
 * e.g. {@code orders.json:3:17: expected "data" to be base64 text, got number}. Nothing is loaded when this is thrown.
 */
public final class RecordedEventsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String detail;

    /** A problem at {@code line:column} of {@code sourceName}; a line below 1 means no position is known. */
    public RecordedEventsException(String sourceName, int line, int column, String detail, Throwable cause) {
        super(format(sourceName, line, column, detail), cause);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The file, path or classpath resource as the caller named it. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line of the problem, or 0 when the problem has no position (e.g. the file is missing). */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or 0 when the problem has no position. */
    public int column() {
        return column;
    }

    /** What was expected and what was found, without the file and position. */
    public String detail() {
        return detail;
    }

    private static String format(String sourceName, int line, int column, String detail) {
        return line < 1 ? sourceName + ": " + detail : sourceName + ":" + line + ":" + column + ": " + detail;
    }
}
