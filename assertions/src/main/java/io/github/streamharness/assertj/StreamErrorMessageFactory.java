package io.github.streamharness.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message in AssertJ's layout that ends with the story of the shard: the mapping's compact timeline, or what the
 * value can tell on its own. Subclasses build the format; arguments are printed with the assertion's representation.
 */
abstract class StreamErrorMessageFactory extends BasicErrorMessageFactory {

    StreamErrorMessageFactory(String format, String story, Object... arguments) {
        super(story.isEmpty() ? format : format + "%n%n%s", withStory(story, arguments));
    }

    StreamErrorMessageFactory(Parts parts, String story) {
        this(parts.format(), story, parts.arguments());
    }

    /** Lines joined for a plain section, each indented by two spaces. */
    static String indented(List<String> lines) {
        return "  " + String.join("\n  ", lines);
    }

    private static Object[] withStory(String story, Object[] arguments) {
        if (story.isEmpty()) {
            return arguments;
        }
        List<Object> all = new ArrayList<>(Arrays.asList(arguments));
        all.add(unquotedString(story));
        return all.toArray();
    }

    /** Builds a format and its arguments part by part, so optional sections ("but could not find ...") stay optional. */
    static final class Parts {
        private final StringBuilder format = new StringBuilder();
        private final List<Object> arguments = new ArrayList<>();

        /** Adds literal text (with {@code %n} for line breaks; no other format specifiers). */
        Parts text(String literal) {
            format.append(literal);
            return this;
        }

        /** Adds a value printed by the representation. */
        Parts value(Object value) {
            format.append("%s");
            arguments.add(value);
            return this;
        }

        /** Adds text printed as is (no quotes). */
        Parts plain(String text) {
            format.append("%s");
            arguments.add(unquotedString(text));
            return this;
        }

        String format() {
            return format.toString();
        }

        Object[] arguments() {
            return arguments.toArray();
        }
    }
}
