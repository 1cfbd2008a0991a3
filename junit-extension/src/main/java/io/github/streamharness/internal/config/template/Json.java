package io.github.streamharness.internal.config.template;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a {@link TemplateNode} as compact JSON (Fn::ToJsonString, messages, comparisons). */
final class Json {
    private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|true|false");

    private Json() {
    }

    static String write(TemplateNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(TemplateNode node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof TemplateNode.Scalar s) {
            if (s.text() == null) {
                out.append("null");
            } else if (!s.quoted() && LITERAL.matcher(s.text()).matches()) {
                out.append(s.text());
            } else {
                string(s.text(), out);
            }
        } else if (node instanceof TemplateNode.Sequence s) {
            out.append('[');
            for (int i = 0; i < s.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(s.items().get(i), out);
            }
            out.append(']');
        } else {
            out.append('{');
            Iterator<Map.Entry<String, TemplateNode>> it =
                    ((TemplateNode.Mapping) node).entries().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, TemplateNode> e = it.next();
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
                out.append(it.hasNext() ? "," : "");
            }
            out.append('}');
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
