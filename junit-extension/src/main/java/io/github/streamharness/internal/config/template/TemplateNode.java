package io.github.streamharness.internal.config.template;

import java.util.List;
import java.util.Map;

/**
 * A node of a CloudFormation template (or of an API's JSON) as written, with the 1-based line it starts on. YAML
 * short forms are already rewritten to their long forms ({@code !Ref X} is the mapping {@code {Ref: X}},
 * {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}), so the resolver sees one shape for both syntaxes.
 */
public sealed interface TemplateNode permits TemplateNode.Scalar, TemplateNode.Mapping, TemplateNode.Sequence {

    /** The line the node starts on, 1-based. */
    int line();

    /** What the node is, for error messages: "the string 'x'", "a list", "a map". */
    String describe();

    /**
     * A scalar: a string, number, boolean or null as written.
     *
     * @param text   the text ({@code null} for a YAML/JSON null)
     * @param quoted whether it was a quoted string (JSON strings are quoted; JSON numbers and booleans are not)
     * @param line   the line
     */
    record Scalar(String text, boolean quoted, int line) implements TemplateNode {
        @Override
        public String describe() {
            return text == null ? "null" : "'" + text + "'";
        }
    }

    /**
     * A mapping, in the order written.
     *
     * @param entries  the values by key
     * @param keyLines the line of each key
     * @param line     the line
     */
    record Mapping(Map<String, TemplateNode> entries, Map<String, Integer> keyLines, int line) implements TemplateNode {
        /** The value of {@code key}, or null. */
        public TemplateNode get(String key) {
            return entries.get(key);
        }

        /** The line of {@code key}, or the mapping's line. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        /** Whether this is an intrinsic function: one key, {@code Ref}, {@code Condition} or {@code Fn::*}. */
        public boolean isIntrinsic() {
            if (entries.size() != 1) {
                return false;
            }
            String key = entries.keySet().iterator().next();
            return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
        }

        /** The key of a one-key mapping. */
        public String onlyKey() {
            return entries.keySet().iterator().next();
        }

        @Override
        public String describe() {
            return isIntrinsic() ? Intrinsics.shortForm(this) : "a map";
        }
    }

    /**
     * A list.
     *
     * @param items the items
     * @param line  the line
     */
    record Sequence(List<TemplateNode> items, int line) implements TemplateNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
