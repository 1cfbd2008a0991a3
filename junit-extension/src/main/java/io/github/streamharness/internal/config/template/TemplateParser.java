package io.github.streamharness.internal.config.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.streamharness.InvalidTemplateException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a template's text into {@link TemplateNode}s: JSON (a document starting with '{') with Jackson's streaming
 * parser, YAML with snakeyaml-engine's node API, which keeps CloudFormation's short-form tags and every node's line.
 */
public final class TemplateParser {
    /** The short forms CloudFormation defines; each is rewritten to its {@code Fn::} long form (or Ref/Condition). */
    static final Set<String> SHORT_FORMS = Set.of("Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Select",
            "FindInMap", "Equals", "Not", "And", "Or", "Split", "Base64", "GetAZs", "ImportValue", "Cidr", "Length",
            "ToJsonString", "Transform");

    private final String source;

    private TemplateParser(String source) {
        this.source = source;
    }

    /**
     * Parses {@code text}.
     *
     * @param source the file or resource name, for messages
     * @throws InvalidTemplateException on a syntax error (with its line) or an unknown tag
     */
    public static TemplateNode parse(String text, String source) {
        TemplateParser parser = new TemplateParser(source);
        return text.stripLeading().startsWith("{") ? parser.json(text) : parser.yaml(text);
    }

    private TemplateNode yaml(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
        Node root;
        try {
            root = new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new InvalidTemplateException(source, line, "", "not valid YAML: " + e.getProblem()
                    + ". Check the indentation and quoting on that line.", e);
        } catch (YamlEngineException e) {
            throw new InvalidTemplateException(source, 0, "", "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new InvalidTemplateException(source, 1, "", "the template is empty; expected a map with "
                    + "Resources", null);
        }
        return convert(root);
    }

    private TemplateNode convert(Node node) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        String tag = node.getTag().getValue();
        TemplateNode plain;
        if (node instanceof ScalarNode s) {
            boolean isNull = s.isPlain() && (s.getValue().isEmpty() || s.getValue().equals("~")
                    || s.getValue().equals("null") || s.getValue().equals("Null") || s.getValue().equals("NULL"));
            plain = new TemplateNode.Scalar(isNull && !tag.startsWith("!") ? null : s.getValue(), !s.isPlain(), line);
        } else if (node instanceof SequenceNode seq) {
            List<TemplateNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item));
            }
            plain = new TemplateNode.Sequence(List.copyOf(items), line);
        } else {
            Map<String, TemplateNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new InvalidTemplateException(source, line, "", "a map key must be a plain name", null);
                }
                entries.put(key.getValue(), convert(t.getValueNode()));
                keyLines.put(key.getValue(), key.getStartMark().map(m -> m.getLine() + 1).orElse(line));
            }
            plain = new TemplateNode.Mapping(entries, keyLines, line);
        }
        if (!tag.startsWith("!")) {
            return plain;
        }
        return shortForm(tag.substring(1), plain, line);
    }

    private TemplateNode shortForm(String name, TemplateNode argument, int line) {
        if (!SHORT_FORMS.contains(name)) {
            throw new InvalidTemplateException(source, line, "", "unknown tag !" + name + "; CloudFormation's short "
                    + "forms are " + SHORT_FORMS.stream().sorted().map(s -> "!" + s).toList(), null);
        }
        if (name.equals("GetAtt") && argument instanceof TemplateNode.Scalar s && s.text() != null) {
            int dot = s.text().indexOf('.');
            if (dot < 1) {
                throw new InvalidTemplateException(source, line, "", "!GetAtt " + s.text() + " needs the form "
                        + "LogicalId.Attribute, e.g. !GetAtt AnalyticsDlq.Arn", null);
            }
            argument = new TemplateNode.Sequence(List.of(
                    new TemplateNode.Scalar(s.text().substring(0, dot), false, line),
                    new TemplateNode.Scalar(s.text().substring(dot + 1), false, line)), line);
        }
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return new TemplateNode.Mapping(Map.of(key, argument), Map.of(key, line), line);
    }

    private TemplateNode json(String text) {
        JsonFactory factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser p = factory.createParser(text)) {
            p.nextToken();
            TemplateNode root = json(p);
            if (p.nextToken() != null) {
                throw new InvalidTemplateException(source, p.currentTokenLocation().getLineNr(), "",
                        "not valid JSON: more than one value in the document", null);
            }
            return root;
        } catch (JsonParseException e) {
            throw new InvalidTemplateException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidTemplateException(source, 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private TemplateNode json(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, TemplateNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keyLines.put(key, p.currentTokenLocation().getLineNr());
                p.nextToken();
                entries.put(key, json(p));
            }
            return new TemplateNode.Mapping(entries, keyLines, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<TemplateNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(json(p));
            }
            return new TemplateNode.Sequence(List.copyOf(items), line);
        }
        if (token == null) {
            throw new InvalidTemplateException(source, line, "", "not valid JSON: the document is empty", null);
        }
        return switch (token) {
            case VALUE_NULL -> new TemplateNode.Scalar(null, false, line);
            case VALUE_STRING -> new TemplateNode.Scalar(p.getText(), true, line);
            default -> new TemplateNode.Scalar(p.getText(), false, line);
        };
    }
}
