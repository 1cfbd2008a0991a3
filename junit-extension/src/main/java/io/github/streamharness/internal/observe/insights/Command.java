package io.github.streamharness.internal.observe.insights;

import java.util.List;
import java.util.regex.Pattern;

/** One command of a Logs Insights query (rule 16.3). */
sealed interface Command {

    /** An expression with the name of its column (its {@code as} alias, else its text). */
    record Named(Expr expr, String name) {
    }

    /** {@code fields a, b as c}: the columns shown, computed per row. */
    record Fields(List<Named> fields) implements Command {
    }

    /** {@code display a, b}: exactly these columns. */
    record Display(List<String> fields) implements Command {
    }

    /** {@code filter <condition>}. */
    record Filter(Expr condition) implements Command {
    }

    /** {@code stats agg [as x], ... [by e [as y], ...]}. */
    record Stats(List<Named> aggregates, List<Named> groups) implements Command {
    }

    /** {@code sort e [asc|desc], ...}. */
    record Sort(List<Named> keys, List<Boolean> descending) implements Command {
    }

    /** {@code limit n}. */
    record Limit(int rows) implements Command {
    }

    /** {@code parse e "glob with *" as a, b} or {@code parse e /(?<a>..)/}. */
    record Parse(Expr source, Pattern pattern, List<String> names) implements Command {
    }
}
