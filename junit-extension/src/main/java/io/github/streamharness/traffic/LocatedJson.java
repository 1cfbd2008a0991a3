package io.github.streamharness.traffic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value starts (Jackson's token locations), so that a bad value can be
 * reported by line and column. Reads every root value of a text: one for an event file, one per line for JSON Lines.
 */
final class LocatedJson {
    /** The kinds of JSON value, named as error messages name them. */
    enum Kind {
        OBJECT("object"), ARRAY("array"), STRING("string"), NUMBER("number"), BOOLEAN("boolean"), NULL("null");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A value and where it starts: text holds a string's value or a number's literal. */
    record Node(Kind kind, int line, int column, String text, Map<String, Node> fields, List<Node> items) {

        Node field(String name) {
            return fields.get(name);
        }

        boolean has(String name) {
            return fields.containsKey(name);
        }

        /** How an error message shows what was found: the kind, and a short preview for strings. */
        String describe() {
            if (kind == Kind.STRING) {
                String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
                return "\"" + shown.replace("\"", "\\\"") + "\"";
            }
            if (kind == Kind.BOOLEAN) {
                return text;
            }
            return kind.label;
        }
    }

    /** A syntax error: where and what, in words for the user. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxError(int line, int column, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
            this.column = column;
        }
    }

    private LocatedJson() {
    }

    /** Every root value of {@code text}, in order. */
    static List<Node> readAll(String text) throws SyntaxError {
        // a factory per read: no shared caches between harnesses (house rule: no state in statics)
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser parser = factory.createParser(text)) {
            List<Node> roots = new ArrayList<>();
            JsonToken token = parser.nextToken();
            while (token != null) {
                roots.add(read(parser, token));
                token = parser.nextToken();
            }
            return roots;
        } catch (JsonEOFException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(lineOf(at), columnOf(at), "unexpected end of file: the JSON is cut short ("
                    + plain(e.getOriginalMessage()) + ")", e);
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(lineOf(at), columnOf(at), "invalid JSON: " + plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SyntaxError(0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Node read(JsonParser parser, JsonToken token) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = lineOf(at);
        int column = columnOf(at);
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    fields.put(name, read(parser, parser.nextToken()));
                }
                return new Node(Kind.OBJECT, line, column, null, fields, List.of());
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                return new Node(Kind.ARRAY, line, column, null, Map.of(), items);
            }
            case VALUE_STRING:
                return leaf(Kind.STRING, line, column, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return leaf(Kind.NUMBER, line, column, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return leaf(Kind.BOOLEAN, line, column, parser.getText());
            case VALUE_NULL:
                return leaf(Kind.NULL, line, column, "null");
            default:
                throw new IllegalStateException("unexpected token " + token + " at " + line + ":" + column);
        }
    }

    private static Node leaf(Kind kind, int line, int column, String text) {
        return new Node(kind, line, column, text, Map.of(), List.of());
    }

    private static int lineOf(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    private static int columnOf(JsonLocation at) {
        return at == null ? 0 : at.getColumnNr();
    }

    /** Jackson's message without its source description, which names an internal object and not the file. */
    private static String plain(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\[Source: [^;\\]]*; ", "[").replace("\n", " ").trim();
    }
}
