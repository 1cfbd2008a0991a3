package io.github.streamharness;

/**
 * A Logs Insights query the harness cannot answer: malformed, or outside the subset of rule 16.3. The message names
 * the part and shows where it is, under the query, with a caret.
 */
public final class LogsInsightsQueryException extends IllegalArgumentException {
    private final String query;
    private final int column;

    /** A failure at 1-based {@code column} of {@code query}. */
    public LogsInsightsQueryException(String query, int column, String problem) {
        super(problem + " (at column " + column + ")\n  " + query.replace('\n', ' ') + "\n  "
                + " ".repeat(Math.max(0, column - 1)) + "^");
        this.query = query;
        this.column = column;
    }

    /** The query as given. */
    public String query() {
        return query;
    }

    /** The 1-based column of the part that failed. */
    public int column() {
        return column;
    }
}
